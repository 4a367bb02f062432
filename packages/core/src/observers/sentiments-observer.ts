import type { OnDeviceClient } from '../client/create-client.js';
import type { SentimentResult } from '../tasks/sentiment/sentiment-types.js';
import { textsKey } from './input-keys.js';
import { RequestObserver } from './request-observer.js';

/**
 * Sentiment results for a list of texts, in order, with the texts they belong to.
 *
 * @example
 * const { texts, results } = observer.getSnapshot().data ?? { texts: [], results: [] }
 */
export interface SentimentsData {
  texts: readonly string[];
  results: SentimentResult[];
}

/**
 * Options of a {@link SentimentsObserver}.
 *
 * @example
 * new SentimentsObserver(client, { model: 'use-lite' })
 */
export interface SentimentsObserverOptions {
  /**
   * The model of the sentiment head.
   * @default 'use-lite'
   */
  model?: string | undefined;
}

/**
 * Analyses the sentiment of a changing list of texts (compared by content) in one batched
 * request, keeping the previous results while the next ones compute; debounced 150 ms.
 *
 * @example
 * const observer = new SentimentsObserver(client)
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.results))
 * observer.setOptions({ input: ['Love it', 'Still broken'] })
 */
export class SentimentsObserver extends RequestObserver<readonly string[], SentimentsData> {
  constructor(client: OnDeviceClient, options: SentimentsObserverOptions = {}) {
    const analyzer = client.sentiment({ model: options.model });
    super({
      model: client.model(analyzer.modelId),
      keyOf: textsKey,
      isEmpty: (texts) => texts.length === 0,
      run: async (texts, signal) => {
        const frozen = Object.freeze([...texts]);
        return { texts: frozen, results: await analyzer.analyze(frozen, { signal }) };
      },
      description: 'Sentiment analysis',
      debounceMs: 150,
    });
  }
}
