import type { OnDeviceClient } from '../client/create-client.js';
import type { SentimentResult } from '../tasks/sentiment/sentiment-types.js';
import { isBlank } from './input-keys.js';
import { RequestObserver } from './request-observer.js';

/**
 * A sentiment result together with the text it was computed for.
 *
 * @example
 * const { text, label } = observer.getSnapshot().data ?? {}
 */
export interface SentimentData extends SentimentResult {
  /** The analysed text (while a newer text computes, the previous one). */
  text: string;
}

/**
 * Options of a {@link SentimentObserver}.
 *
 * @example
 * new SentimentObserver(client, { explain: true })
 */
export interface SentimentObserverOptions {
  /**
   * Also compute token attributions (`data.explanation`).
   * @default false
   */
  explain?: boolean | undefined;
  /**
   * The model of the sentiment head.
   * @default 'use-lite'
   */
  model?: string | undefined;
}

/**
 * Analyses the sentiment of a changing text: one request at a time, stale ones aborted, the
 * last result kept while the next computes; a blank text is `idle`. Debounced 50 ms by
 * default: one short text takes the worker about 10–20 ms, so a badge follows typing within
 * ~100 ms.
 *
 * @example
 * const observer = new SentimentObserver(client)
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.label))
 * observer.setOptions({ input: 'This update broke our exports' })
 */
export class SentimentObserver extends RequestObserver<string, SentimentData> {
  constructor(client: OnDeviceClient, options: SentimentObserverOptions = {}) {
    const analyzer = client.sentiment({ model: options.model });
    const explain = options.explain ?? false;
    super({
      model: client.model(analyzer.modelId),
      keyOf: (text) => text,
      isEmpty: isBlank,
      run: async (text, signal) => ({
        ...(await analyzer.analyze(text, { signal, explain })),
        text,
      }),
      description: 'Sentiment analysis',
      debounceMs: 50,
    });
  }
}
