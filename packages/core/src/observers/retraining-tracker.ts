import type { TeachableClassifier, TeachableState } from '../tasks/teachable/teachable-types.js';

/**
 * Tells an observer when a teachable classifier was retrained after it computed something,
 * so predictions and explanations of other texts follow what the user taught. A request is
 * stale when the classifier, ready again, has other labels or examples than when the request
 * started (or was not ready then).
 *
 * @example
 * const tracker = new RetrainingTracker(classifier)
 * const stop = tracker.watch(() => observer.refetch())
 * tracker.markRequest() // when a prediction starts
 */
export class RetrainingTracker {
  private against: string | undefined;
  private seen: { labels: readonly string[]; examples: TeachableState['examples'] } | undefined;
  private seenSignature = '';

  constructor(private readonly classifier: TeachableClassifier) {}

  /** Records what the request starting now is computed against. */
  markRequest(): void {
    const state = this.classifier.getSnapshot();
    this.against = state.status === 'ready' ? this.signature(state) : undefined;
  }

  /** Calls `onStale` whenever the classifier was retrained since; returns the function that stops. */
  watch(onStale: () => void): () => void {
    return this.classifier.subscribe(() => {
      const state = this.classifier.getSnapshot();
      if (state.status === 'ready' && this.signature(state) !== this.against) onStale();
    });
  }

  /** Labels and examples as one string; recomputed only when their arrays change. */
  private signature(state: TeachableState): string {
    if (this.seen?.labels !== state.labels || this.seen.examples !== state.examples) {
      this.seen = { labels: state.labels, examples: state.examples };
      this.seenSignature = JSON.stringify([
        state.labels,
        state.examples.map((example) => [example.label, example.text]),
      ]);
    }
    return this.seenSignature;
  }
}
