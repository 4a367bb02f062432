import { OnDeviceError, RuntimeError } from '@ondevice/errors';
import type { OnDeviceClient } from '../client/create-client.js';
import type { ModelHandle } from '../client/model-handle.js';
import type {
  TeachableClassifier,
  TeachableOptions,
  TeachableState,
} from '../tasks/teachable/teachable-types.js';
import { Subscribable } from '../util/subscribable.js';
import type { RequestResult } from './request-result.js';

/**
 * A teachable classifier's state as the one result union: `loading` while what was taught
 * before is read, `success` when ready (`isFetching` while it retrains after a change),
 * `error` when reading it or the last `learn` / `forget` / `reset` failed (a later success clears
 * it); a stored classifier that cannot be read is an `error` (`ClassifierStorageError`) until
 * `reset`.
 * `data` is the classifier's state in every status.
 *
 * @example
 * const { status, data, isFetching } = observer.getSnapshot()
 */
export type TeachableResult = WithState<Exclude<RequestResult<TeachableState>, { status: 'idle' }>>;

/** A result whose `data` is always the classifier's state. */
type WithState<Result> = Result extends unknown
  ? Omit<Result, 'data'> & { data: TeachableState }
  : never;

/**
 * Observes a teachable classifier (and its model's progress) and offers its actions as bound
 * functions (stable identities, safe to pass to children). `learn` and `forget` failures are
 * both rethrown to the caller and published in the result.
 *
 * @example
 * const observer = new TeachableObserver(client, { id: 'support-intents' })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.examples.length))
 * await observer.learn({ text: 'I was charged twice', label: 'billing' })
 */
export class TeachableObserver extends Subscribable {
  private actionError: OnDeviceError | undefined;
  private result: TeachableResult;
  private readonly model: ModelHandle;
  private stop: (() => void) | undefined;

  /** The observed classifier. */
  readonly classifier: TeachableClassifier;
  /** Predicts labels for one text or a list of texts. */
  readonly predict: TeachableClassifier['predict'];
  /** Token attributions for the label the classifier gives `text` (or for `options.label`). */
  readonly explain: TeachableClassifier['explain'];

  constructor(client: OnDeviceClient, options: TeachableOptions) {
    super();
    this.classifier = client.teachable(options);
    this.model = client.model(this.classifier.modelId);
    this.predict = this.classifier.predict.bind(this.classifier);
    this.explain = this.classifier.explain.bind(this.classifier);
    this.result = this.derive();
  }

  /** The current result; the same object until the classifier, its model or an action changes it. */
  getSnapshot = (): TeachableResult => {
    if (
      this.result.data !== this.classifier.getSnapshot() ||
      this.result.progress !== this.model.getSnapshot()
    ) {
      this.result = this.derive();
    }
    return this.result;
  };

  /** Teaches one example or several; retrains in the worker. */
  readonly learn: TeachableClassifier['learn'] = (examples, options) =>
    this.track(() => this.classifier.learn(examples, options));

  /** Forgets one example (by text and label) or every example of a label. */
  readonly forget: TeachableClassifier['forget'] = (example) =>
    this.track(() => this.classifier.forget(example));

  /**
   * Discards the classifier's examples and stored data (the way out of a stored classifier that
   * cannot be read, a `ClassifierStorageError`); its declared labels stay.
   */
  readonly reset: TeachableClassifier['reset'] = () => this.track(() => this.classifier.reset());

  protected override onSubscribe(): void {
    if (this.listenerCount !== 1) return;
    const stopClassifier = this.classifier.subscribe(() => this.update());
    const stopModel = this.model.subscribe(() => this.update());
    this.stop = () => {
      stopClassifier();
      stopModel();
    };
    this.update();
  }

  protected override onUnsubscribe(): void {
    if (this.hasListeners()) return;
    this.stop?.();
    this.stop = undefined;
  }

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
    const current = this.result;
    if (
      next.data === current.data &&
      next.error === current.error &&
      next.progress === current.progress
    ) {
      return;
    }
    this.result = next;
    this.notify();
  }

  private derive(): TeachableResult {
    const data = this.classifier.getSnapshot();
    const progress = this.model.getSnapshot();
    const error = this.actionError ?? data.error ?? undefined;
    if (error) return { status: 'error', data, error, progress, isFetching: false };
    if (data.status === 'loading') {
      return { status: 'loading', data, error: undefined, progress, isFetching: true };
    }
    const isFetching = data.status === 'training';
    return { status: 'success', data, error: undefined, progress, isFetching };
  }
}
