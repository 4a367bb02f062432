import { InvalidInputError } from '@ondevice/errors';
import type { TaskContext } from '../../engine/task-context.js';
import type { SentimentPayload } from './sentiment-task.js';
import type { SentimentLabel, SentimentResult } from './sentiment-types.js';

/**
 * Which sentiment each of a text classifier's labels stands for: `POSITIVE`/`NEGATIVE`/`NEUTRAL`
 * (any case, `pos`/`neg`), star ratings (`1 star` … `5 stars`: 1–2 negative, 3 neutral, 4–5
 * positive), or, for a two-label model with generic names (`LABEL_0`, `LABEL_1`), the SST-2
 * convention (0 negative, 1 positive).
 *
 * @throws {InvalidInputError} naming the labels when they are not sentiment labels.
 * @example
 * sentimentOfLabels(['NEGATIVE', 'POSITIVE'], 'Xenova/distilbert-sst2') // ['negative', 'positive']
 */
export function sentimentOfLabels(labels: readonly string[], modelId: string): SentimentLabel[] {
  const mapped = labels.map((label): SentimentLabel | undefined => {
    const name = label.trim().toLowerCase();
    if (/^(pos|positive)$/.test(name)) return 'positive';
    if (/^(neg|negative)$/.test(name)) return 'negative';
    if (/^(neu|neutral)$/.test(name)) return 'neutral';
    const stars = /^([1-5]) stars?$/.exec(name);
    if (stars) {
      const count = Number(stars[1]);
      return count <= 2 ? 'negative' : count === 3 ? 'neutral' : 'positive';
    }
    return undefined;
  });
  if (mapped.every((label) => label !== undefined)) return mapped as SentimentLabel[];
  if (labels.length === 2 && labels.every((label) => /^label_[01]$/i.test(label))) {
    return ['negative', 'positive'];
  }
  throw new InvalidInputError({
    parameter: 'model',
    message: `"${modelId}" is not a sentiment model: its labels (${labels.join(', ')}) are not positive / negative / neutral or star ratings.`,
  });
}

/**
 * Sentiment from a text-classification model (Transformers.js): its label probabilities summed
 * per sentiment; the label is the likeliest sentiment. Explanations are computed by occlusion
 * over embeddings and are not available on classifier models.
 *
 * @throws {InvalidInputError} when explanations are asked for, or the labels are not sentiments.
 * @example
 * const [result] = await classifierSentiment({ texts: ['Great!'], explain: false }, context)
 */
export async function classifierSentiment(
  request: SentimentPayload,
  context: TaskContext,
): Promise<SentimentResult[]> {
  if (request.explain) {
    throw new InvalidInputError({
      parameter: 'explain',
      message: `Explanations run on embedding models (use-lite); "${context.modelId}" is a ${context.task} model.`,
    });
  }
  const sentiments = sentimentOfLabels(context.labels, context.modelId);
  const rows = await context.classify(request.texts);
  return rows.map((row) => {
    const probabilities: Record<SentimentLabel, number> = { positive: 0, negative: 0, neutral: 0 };
    row.forEach((value, index) => {
      probabilities[sentiments[index] as SentimentLabel] += value;
    });
    const label = (Object.keys(probabilities) as SentimentLabel[]).reduce((best, next) =>
      probabilities[next] > probabilities[best] ? next : best,
    );
    return { label, score: probabilities[label], probabilities };
  });
}
