import {
  OnDeviceError,
  RuntimeError,
  type TeachableClassifier,
  type TeachableState,
} from '@ondevice/core';

/**
 * A teachable classifier's state as a union on `status`: `loading` (reading what was taught
 * before), `training` (retraining after a change), `ready`, or `error`. `error` holds the
 * failure of the last `learn` or `forget`; a later successful one clears it.
 */
export type TeachableResult =
  | { status: 'loading' | 'training' | 'ready'; data: TeachableState; error: undefined }
  | { status: 'error'; data: TeachableState; error: OnDeviceError | undefined };

type Example = { text: string; label: string };
type Signal = { signal?: AbortSignal };

/**
 * Observes a teachable classifier for `useSyncExternalStore` and offers its actions as bound
 * functions (stable identities, safe to pass to children). `learn` and `forget` failures are
 * both rethrown to the caller and published in the result. Framework-free;
 * `useTeachableClassifier` binds it to React.
 *
 * @example
 * const observer = new TeachableObserver(client.teachable({ id: 'support-intents' }))
 * observer.subscribe(() => console.log(observer.getSnapshot().data.examples.length))
 * await observer.learn('I was charged twice', 'billing')
 */
export class TeachableObserver {
  private readonly listeners = new Set<() => void>();
  private actionError: OnDeviceError | undefined;
  private result: TeachableResult;
  private unsubscribeClassifier: (() => void) | undefined;

  /** The observed classifier. */
  readonly classifier: TeachableClassifier;
  /** Predicts labels for one text or a list of texts. */
  readonly predict: TeachableClassifier['predict'];
  /** Token attributions for the label the classifier gives `text` (or for `options.label`). */
  readonly explain: TeachableClassifier['explain'];

  constructor(classifier: TeachableClassifier) {
    this.classifier = classifier;
    this.predict = classifier.predict.bind(classifier);
    this.explain = classifier.explain.bind(classifier);
    this.result = this.derive();
  }

  /** Registers a listener; the first one starts following the classifier. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.unsubscribeClassifier = this.classifier.subscribe(() => this.update());
      this.update();
    }
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.unsubscribeClassifier?.();
      this.unsubscribeClassifier = undefined;
    };
  };

  /** The current result; the same object until the classifier or an action changes it. */
  getSnapshot = (): TeachableResult => {
    if (this.result.data !== this.classifier.getSnapshot()) this.result = this.derive();
    return this.result;
  };

  /** Teaches one example (`text`, `label`) or a list of examples; retrains in the worker. */
  readonly learn: TeachableClassifier['learn'] = (
    textOrExamples: string | readonly Example[],
    labelOrOptions?: string | Signal,
    options?: Signal,
  ) =>
    this.track(() =>
      typeof textOrExamples === 'string'
        ? this.classifier.learn(textOrExamples, labelOrOptions as string, options)
        : this.classifier.learn(textOrExamples, labelOrOptions as Signal | undefined),
    );

  /** Forgets one example (by text and label) or every example of a label. */
  readonly forget: TeachableClassifier['forget'] = (example) =>
    this.track(() => this.classifier.forget(example));

  /** Runs an action; a rejection, or a throw before it even started, is published and rethrown. */
  private async track(action: () => Promise<void>): Promise<void> {
    try {
      await action();
      this.setActionError(undefined);
    } catch (error) {
      this.setActionError(
        OnDeviceError.isInstance(error)
          ? error
          : new RuntimeError({
              message: `Teaching the classifier failed: ${String(error)}`,
              cause: error,
            }),
      );
      throw error;
    }
  }

  private setActionError(error: OnDeviceError | undefined) {
    if (this.actionError === error) return;
    this.actionError = error;
    this.update();
  }

  private update() {
    const next = this.derive();
    if (next.data === this.result.data && next.error === this.result.error) return;
    this.result = next;
    for (const listener of [...this.listeners]) listener();
  }

  private derive(): TeachableResult {
    const data = this.classifier.getSnapshot();
    if (this.actionError) return { status: 'error', data, error: this.actionError };
    if (data.status === 'error') return { status: 'error', data, error: undefined };
    return { status: data.status, data, error: undefined };
  }
}
