import { InvalidInputError } from '@ondevice/errors';
import type { TaskContext } from '../../engine/task-context.js';
import { explainByOcclusion } from '../explain/explain-by-occlusion.js';
import { defineTaskHandler } from '../task-definition.js';
import { embedLabels, labelSimilarities } from './label-descriptions.js';
import { classifyWithNli } from './nli-zero-shot.js';
import { type ZeroShotPayload, type ZeroShotState, zeroShotTask } from './zero-shot-task.js';
import { multiLabelScores, singleLabelScores } from './zero-shot-scores.js';
import type { ZeroShotResult } from './zero-shot-types.js';
import { type PassagePooling, meanScores, meanVector, splitIntoPassages } from '../passages.js';

/** Chosen on long texts made of AG News dev articles (docs/reliability.md). */
export const zeroShotPooling: PassagePooling = 'mean-probability';

/**
 * Zero-shot classification in the engine: each label's closest description by cosine
 * similarity, calibrated scores; occlusion explanations when asked.
 *
 * @example
 * const [result] = await classifyZeroShot(state, { texts: ['I was charged twice'], explain: false }, context)
 */
export async function classifyZeroShot(
  classifier: ZeroShotState,
  request: ZeroShotPayload,
  context: TaskContext,
  pooling: PassagePooling = zeroShotPooling,
): Promise<ZeroShotResult[]> {
  const labels = await embedLabels(classifier.labels, context);
  const score = (embedding: Float32Array) => {
    const similarities = labelSimilarities(labels, embedding);
    return classifier.multiLabel ? multiLabelScores(similarities) : singleLabelScores(similarities);
  };
  const passages = request.texts.map((text) =>
    pooling === 'first' ? [text] : splitIntoPassages(text),
  );
  const vectors = await context.embed(passages.flat(), { cache: false });
  let offset = 0;
  const results = passages.map((parts): ZeroShotResult => {
    const own = vectors.slice(offset, offset + parts.length);
    offset += parts.length;
    const scores =
      own.length === 1 || pooling === 'first'
        ? score(own[0] as Float32Array)
        : pooling === 'mean-embedding'
          ? score(meanVector(own))
          : meanScores(own.map(score));
    const ranked = labels.ids
      .map((id, index) => ({ id, score: scores[index] as number }))
      .sort((left, right) => right.score - left.score);
    const selected = classifier.multiLabel
      ? ranked.filter((label) => label.score >= classifier.threshold).map((label) => label.id)
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

/**
 * The engine side of the zero-shot task: each classifier's labels are kept by instance id
 * (their description vectors in the engine's cache), so a call sends only its texts.
 *
 * @example
 * const handler = zeroShotHandler.create()
 */
export const zeroShotHandler = defineTaskHandler(zeroShotTask, () => ({
  restore: (state: ZeroShotState) => state,
  run: async (payload, context, states) => {
    if (!states.current) {
      throw new InvalidInputError({
        parameter: 'instance',
        message: 'A zero-shot request reached the engine without its classifier.',
      });
    }
    return context.task === 'zero-shot-classification'
      ? classifyWithNli(states.current, payload, context)
      : classifyZeroShot(states.current, payload, context);
  },
}));
