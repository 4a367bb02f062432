import { explainByOcclusion } from '../explain/explain-by-occlusion.js';
import type { TaskContext } from '../tasks/task-context.js';
import type { TaskRequest } from '../tasks/task-types.js';
import { embedLabels, labelSimilarities } from './label-descriptions.js';
import { multiLabelScores, singleLabelScores } from './zero-shot-scores.js';
import type { ZeroShotResult } from './zero-shot-types.js';

type ZeroShotRequest = Extract<TaskRequest, { kind: 'zero-shot' }>;

/**
 * Zero-shot classification in the engine: each label's closest description by cosine
 * similarity, calibrated scores; occlusion explanations when asked.
 *
 * @example
 * const [result] = await runZeroShotTask({ kind: 'zero-shot', labels, multiLabel: false, threshold: 0.5, texts: ['I was charged twice'], explain: false }, context)
 */
export async function runZeroShotTask(
  request: ZeroShotRequest,
  context: TaskContext,
): Promise<ZeroShotResult[]> {
  const labels = await embedLabels(request.labels, context);
  const score = (embedding: Float32Array) => {
    const similarities = labelSimilarities(labels, embedding);
    return request.multiLabel ? multiLabelScores(similarities) : singleLabelScores(similarities);
  };
  const vectors = await context.embed(request.texts, { cache: false });
  const results = vectors.map((vector): ZeroShotResult => {
    const scores = score(vector);
    const ranked = labels.ids
      .map((id, index) => ({ id, score: scores[index] as number }))
      .sort((left, right) => right.score - left.score);
    const selected = request.multiLabel
      ? ranked.filter((label) => label.score >= request.threshold).map((label) => label.id)
      : ranked.slice(0, 1).map((label) => label.id);
    return { labels: ranked, selected };
  });
  if (!request.explain) return results;
  context.throwIfCancelled();
  const targets = results.map((result, index) => {
    const label = request.explainLabel ?? result.selected[0] ?? (result.labels[0]?.id as string);
    const scored = result.labels.find((entry) => entry.id === label);
    return { text: request.texts[index] as string, label, score: scored?.score ?? 0 };
  });
  const explanations = await explainByOcclusion(context, targets, (index, embedding) => {
    const labelIndex = labels.ids.indexOf((targets[index] as (typeof targets)[number]).label);
    return score(embedding)[labelIndex] ?? 0;
  });
  return results.map((result, index) => ({ ...result, explanation: explanations[index] }));
}
