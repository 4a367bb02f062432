import type { OnDeviceClient } from '../client/create-client.js';
import type { TeachablePrediction, TeachableOptions } from '../tasks/teachable/teachable-types.js';
import { textsKey } from './input-keys.js';
import { RequestObserver } from './request-observer.js';
import { RetrainingTracker } from './retraining-tracker.js';

/**
 * Predictions of a teachable classifier, one per text, with the texts they belong to.
 *
 * @example
 * const { texts, predictions } = observer.getSnapshot().data ?? { texts: [], predictions: [] }
 */
export interface TeachablePredictionsData {
  /** The predicted texts, in the order of `predictions`. */
  texts: readonly string[];
  predictions: TeachablePrediction[];
}

/**
 * Predicts labels for a changing list of texts (compared by content) in one batched request,
 * and predicts again whenever the classifier is retrained (someone taught or forgot an
 * example), keeping the previous predictions while the new ones compute; debounced 150 ms.
 *
 * @throws {InvalidInputError} when the classifier's options are malformed, or its id exists
 *   with other options.
 * @example
 * const observer = new TeachablePredictionsObserver(client, { id: 'support-intents' })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.predictions))
 * observer.setOptions({ input: ['I was charged twice', 'Cannot log in'] })
 */
export class TeachablePredictionsObserver extends RequestObserver<
  readonly string[],
  TeachablePredictionsData
> {
  private readonly tracker: RetrainingTracker;
  private stopWatching: (() => void) | undefined;

  constructor(client: OnDeviceClient, options: TeachableOptions) {
    const classifier = client.teachable(options);
    const tracker = new RetrainingTracker(classifier);
    super({
      model: client.model(classifier.modelId),
      keyOf: textsKey,
      isEmpty: (texts) => texts.length === 0,
      run: async (texts, signal) => {
        tracker.markRequest();
        const frozen = Object.freeze([...texts]);
        return { texts: frozen, predictions: await classifier.predict(frozen, { signal }) };
      },
      description: 'Teachable classification',
      debounceMs: 150,
    });
    this.tracker = tracker;
  }

  protected override onActive(): void {
    this.stopWatching = this.tracker.watch(() => this.refetch());
  }

  protected override onInactive(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }
}
