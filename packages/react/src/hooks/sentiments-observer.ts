import type { ModelHandle, SentimentAnalyzer, SentimentResult } from '@ondevice/core';
import { RequestObserver } from './request-observer.js';

/** Sentiment results for a list of texts, in order, with the texts they belong to. */
export interface SentimentsData {
  texts: readonly string[];
  results: SentimentResult[];
}

/**
 * Analyses the sentiment of a changing list of texts in one batched request (one message to
 * the worker, one model run), keeping the previous results while the next ones compute.
 * Framework-free; `useSentiments` binds it to React.
 *
 * @example
 * const observer = new SentimentsObserver({ analyzer: client.sentiment(), model: client.model() })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.results))
 * observer.setOptions({ input: ['Love it', 'Still broken'] })
 */
export class SentimentsObserver extends RequestObserver<readonly string[], SentimentsData> {
  constructor(options: { analyzer: SentimentAnalyzer; model: ModelHandle }) {
    const { analyzer, model } = options;
    super({
      model,
      // Texts may contain any character: the JSON form keeps the key unambiguous.
      keyOf: (texts) => JSON.stringify(texts),
      run: async (texts, signal) => {
        const frozen = Object.freeze([...texts]);
        return { texts: frozen, results: await analyzer.analyze(frozen, { signal }) };
      },
      description: 'Sentiment analysis',
    });
  }
}
