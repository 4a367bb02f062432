import { InvalidInputError } from '@ondevice/errors';
import type { TaskContext } from '../../engine/task-context.js';
import type { ZeroShotPayload, ZeroShotState } from './zero-shot-task.js';
import type { ZeroShotResult } from './zero-shot-types.js';

/**
 * The hypothesis each label description becomes, as in the Transformers.js and Hugging Face
 * zero-shot pipelines.
 *
 * @example
 * hypothesisOf('billing question') // 'This example is billing question.'
 */
export function hypothesisOf(description: string): string {
  return `This example is ${description}.`;
}

/**
 * Zero-shot classification with an NLI model (Transformers.js): every text is paired with a
 * hypothesis per label description and run in length-bucketed batches. A description's score is
 * its entailment odds against contradiction, `p(entail) / (p(entail) + p(contradict))`; a
 * label takes its best description. Multi-label: those scores as they are; single-label: the
 * scores normalised to sum to 1.
 *
 * @throws {InvalidInputError} when explanations are asked for, or the model has no entailment label.
 * @example
 * const [result] = await classifyWithNli(state, { texts: ['I was charged twice'], explain: false }, context)
 */
export async function classifyWithNli(
  classifier: ZeroShotState,
  request: ZeroShotPayload,
  context: TaskContext,
): Promise<ZeroShotResult[]> {
  if (request.explain) {
    throw new InvalidInputError({
      parameter: 'explain',
      message: `Explanations run on embedding models (use-lite); "${context.modelId}" is an NLI model.`,
    });
  }
  const names = context.labels.map((label) => label.toLowerCase());
  const entailment = names.findIndex((label) => label.startsWith('entail'));
  const contradiction = names.findIndex((label) => label.startsWith('contradict'));
  if (entailment < 0) {
    throw new InvalidInputError({
      parameter: 'model',
      message: `"${context.modelId}" has no entailment label (${context.labels.join(', ')}): zero-shot needs an NLI model or an embedding model.`,
    });
  }
  const pairs: [string, string][] = [];
  for (const text of request.texts) {
    for (const label of classifier.labels) {
      for (const description of label.descriptions) pairs.push([text, hypothesisOf(description)]);
    }
  }
  const rows = await context.classify(pairs);
  let next = 0;
  return request.texts.map((): ZeroShotResult => {
    const raw = classifier.labels.map((label) => {
      let best = 0;
      for (let index = 0; index < label.descriptions.length; index += 1) {
        const row = rows[next++] as Float32Array;
        const entail = row[entailment] as number;
        const against = contradiction >= 0 ? (row[contradiction] as number) : 1 - entail;
        best = Math.max(best, entail / Math.max(entail + against, Number.EPSILON));
      }
      return best;
    });
    const sum = raw.reduce((total, value) => total + value, 0);
    const scores = classifier.multiLabel
      ? raw
      : raw.map((value) => (sum > 0 ? value / sum : 1 / raw.length));
    const ranked = classifier.labels
      .map((label, index) => ({ id: label.id, score: scores[index] as number }))
      .sort((left, right) => right.score - left.score);
    const selected = classifier.multiLabel
      ? ranked.filter((label) => label.score >= classifier.threshold).map((label) => label.id)
      : ranked.slice(0, 1).map((label) => label.id);
    return { labels: ranked, selected };
  });
}
