import type {
  OnDeviceClient,
  ZeroShotClassifier,
  ZeroShotOptions,
  ZeroShotResult,
} from '@ondevice/core';
import { RequestObserver } from './request-observer.js';

/** A zero-shot result together with the text it was computed for. */
export interface ZeroShotData extends ZeroShotResult {
  /** The classified text (while a newer text computes, the previous one). */
  text: string;
}

/**
 * Classifies a changing text into labels described in plain words: one request at a time,
 * stale ones aborted, the last result kept while the next computes. The classifier is created
 * on the first request, so labels the client rejects show up as an `error` result, not a throw
 * during render. Framework-free; `useZeroShot` binds it to React.
 *
 * @example
 * const observer = new ZeroShotObserver({
 *   client,
 *   classifier: { labels: [{ id: 'billing', descriptions: ['invoice, payment or refund'] }] },
 * })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.selected))
 * observer.setOptions({ input: 'I was charged twice this month' })
 */
export class ZeroShotObserver extends RequestObserver<string, ZeroShotData> {
  constructor(options: {
    client: OnDeviceClient;
    classifier: ZeroShotOptions;
    /** Also compute token attributions for the best label (`data.explanation`). @default false */
    explain?: boolean;
  }) {
    const { client, explain = false } = options;
    let classifier: ZeroShotClassifier | undefined;
    super({
      model: client.model(),
      keyOf: (text) => text,
      run: async (text, signal) => {
        classifier ??= client.zeroShot(options.classifier);
        return { ...(await classifier.classify(text, { signal, explain })), text };
      },
      description: 'Zero-shot classification',
    });
  }
}
