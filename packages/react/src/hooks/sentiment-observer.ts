import type { ModelHandle, SentimentAnalyzer, SentimentResult } from '@ondevice/core';
import { RequestObserver } from './request-observer.js';

/** A sentiment result together with the text it was computed for. */
export interface SentimentData extends SentimentResult {
  /** The analysed text (while a newer text computes, the previous one). */
  text: string;
}

/**
 * Analyses the sentiment of a changing text: one request at a time, stale ones aborted, the
 * last result kept while the next computes. Framework-free; `useSentiment` binds it to React.
 *
 * @example
 * const observer = new SentimentObserver({ analyzer: client.sentiment(), model: client.model() })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.label))
 * observer.setOptions({ input: 'This update broke our exports', debounceMs: 150 })
 */
export class SentimentObserver extends RequestObserver<string, SentimentData> {
  constructor(options: {
    analyzer: SentimentAnalyzer;
    model: ModelHandle;
    /** Also compute token attributions (`data.explanation`). @default false */
    explain?: boolean;
  }) {
    const { analyzer, model, explain = false } = options;
    super({
      model,
      keyOf: (text) => text,
      run: async (text, signal) => ({
        ...(await analyzer.analyze(text, { signal, explain })),
        text,
      }),
      description: 'Sentiment analysis',
    });
  }
}
