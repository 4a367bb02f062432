import type { TeachablePrediction } from '@ondevice/core';
import { useTeachableClassifier } from '@ondevice/react';
import { formatIntent, supportIntents, supportIntentsId } from './support-intents.js';

/**
 * The inbox's classifier at a glance: how many tickets each intent has (from the batch of
 * predictions, so it changes as the classifier learns), what it was taught, how long the last
 * retraining took, where it is stored, and a button to make it forget everything.
 *
 * @example
 * <ClassifierSummary predictions={data?.predictions} />
 */
export function ClassifierSummary({
  predictions,
}: {
  predictions: readonly TeachablePrediction[] | undefined;
}) {
  const classifier = useTeachableClassifier({ id: supportIntentsId, labels: supportIntents });
  const { examples, labels, lastTrainingMs, storage } = classifier.data;
  const counts = new Map<string, number>();
  for (const prediction of predictions ?? []) {
    const label = prediction.label ?? 'unsure';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const forgetEverything = async () => {
    for (const label of labels) await classifier.forget({ label });
  };
  return (
    <div className="classifier-summary">
      <p data-testid="intent-counts" className="intent-counts" aria-live="polite">
        {predictions
          ? [...counts]
              .sort(([, left], [, right]) => right - left)
              .map(([label, count]) => `${formatIntent(label)}: ${count}`)
              .join(' · ')
          : 'Classifying tickets…'}
      </p>
      <p data-testid="classifier-status" data-status={classifier.data.status}>
        {examples.length === 0
          ? 'Not taught yet: tags are suggested from the intent descriptions.'
          : `Taught ${examples.length} ${examples.length === 1 ? 'example' : 'examples'}`}
        {lastTrainingMs === null ? '' : ` · retrained in ${Math.round(lastTrainingMs)} ms`}
        {classifier.data.status === 'training' ? ' · training…' : ''} · stored in {storage}{' '}
        <button
          type="button"
          data-testid="reset-classifier"
          onClick={forgetEverything}
          disabled={examples.length === 0}
        >
          Forget what it learned
        </button>
      </p>
    </div>
  );
}
