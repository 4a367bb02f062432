import type { OnDeviceClient } from '../client/create-client.js';
import type {
  ZeroShotClassifier,
  ZeroShotOptions,
  ZeroShotResult,
} from '../tasks/zero-shot/zero-shot-types.js';
import { isBlank } from './input-keys.js';
import { RequestObserver } from './request-observer.js';

/**
 * A zero-shot result together with the text it was computed for.
 *
 * @example
 * const { text, selected } = observer.getSnapshot().data ?? {}
 */
export interface ZeroShotData extends ZeroShotResult {
  /** The classified text (while a newer text computes, the previous one). */
  text: string;
}

/**
 * Options of a {@link ZeroShotObserver}: the classifier's, plus explanations.
 *
 * @example
 * new ZeroShotObserver(client, { labels, multiLabel: true, explain: true })
 */
export interface ZeroShotObserverOptions extends ZeroShotOptions {
  /**
   * Also compute token attributions for the best label (`data.explanation`).
   * @default false
   */
  explain?: boolean | undefined;
}

/**
 * Classifies a changing text into labels described in plain words: one request at a time,
 * stale ones aborted, the last result kept while the next computes; debounced 150 ms. The
 * classifier is created on the first request, so labels the client rejects show up as an
 * `error` result, not a throw; no labels, or a blank text, is `idle`.
 *
 * @example
 * const observer = new ZeroShotObserver(client, {
 *   labels: [{ id: 'billing', descriptions: ['invoice, payment or refund'] }],
 * })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.selected))
 * observer.setOptions({ input: 'I was charged twice this month' })
 */
export class ZeroShotObserver extends RequestObserver<string, ZeroShotData> {
  constructor(client: OnDeviceClient, options: ZeroShotObserverOptions) {
    const { explain = false, ...classifierOptions } = options;
    let classifier: ZeroShotClassifier | undefined;
    super({
      model: client.model(options.model),
      keyOf: (text) => text,
      isEmpty: (text) => isBlank(text) || options.labels.length === 0,
      run: async (text, signal) => {
        classifier ??= client.zeroShot(classifierOptions);
        return { ...(await classifier.classify(text, { signal, explain })), text };
      },
      description: 'Zero-shot classification',
      debounceMs: 150,
    });
  }
}
