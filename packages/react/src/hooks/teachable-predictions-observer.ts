import type { ModelHandle, TeachableClassifier, TeachablePrediction } from '@ondevice/core';
import { RequestObserver } from './request-observer.js';
import { RetrainingTracker } from './retraining-tracker.js';

/** Predictions of a teachable classifier, one per text, with the texts they belong to. */
export interface TeachablePredictionsData {
  /** The predicted texts, in the order of `predictions`. */
  texts: readonly string[];
  predictions: TeachablePrediction[];
}

/**
 * Predicts labels for a changing list of texts in one batched request, and predicts again
 * whenever the classifier is retrained (someone taught or forgot an example), keeping the
 * previous predictions while the new ones compute. Framework-free;
 * `useTeachablePredictions` binds it to React.
 *
 * @example
 * const observer = new TeachablePredictionsObserver({ classifier, model: client.model() })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.predictions))
 * observer.setOptions({ input: ['I was charged twice', 'Cannot log in'] })
 */
export class TeachablePredictionsObserver extends RequestObserver<
  readonly string[],
  TeachablePredictionsData
> {
  private readonly tracker: RetrainingTracker;
  private stopWatching: (() => void) | undefined;

  constructor(options: { classifier: TeachableClassifier; model: ModelHandle }) {
    const { classifier, model } = options;
    const tracker = new RetrainingTracker(classifier);
    super({
      model,
      // Texts may contain any character: the JSON form keeps the key unambiguous.
      keyOf: (texts) => JSON.stringify(texts),
      run: async (texts, signal) => {
        tracker.markRequest();
        const frozen = Object.freeze([...texts]);
        return { texts: frozen, predictions: await classifier.predict(frozen, { signal }) };
      },
      description: 'Teachable classification',
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
