import { InvalidInputError } from '@ondevice/errors';
import type { TaskContext } from '../../engine/task-context.js';
import { explainByOcclusion } from '../explain/explain-by-occlusion.js';
import { defineTaskHandler } from '../task-definition.js';
import {
  type SentimentModel,
  decodeSentimentModel,
  sentimentLabelOf,
  sentimentProbabilities,
} from './sentiment-model.js';
import { normalizeSentimentText } from './sentiment-text.js';
import { type SentimentPayload, sentimentTask } from './sentiment-task.js';
import type { SentimentResult } from './sentiment-types.js';

/** The shipped head, decoded once per engine; its weights are imported only here, in the engine. */
function loadSentimentModel(context: TaskContext): Promise<SentimentModel> {
  return context.memo('sentiment:model', async () => {
    const { sentimentWeights } = await import('./sentiment-weights.js');
    const model = decodeSentimentModel(sentimentWeights);
    if (model.modelId !== context.modelId) {
      throw new InvalidInputError({
        parameter: 'model',
        message: `The sentiment head was trained on "${model.modelId}" embeddings, not "${context.modelId}": use client.sentiment({ model: '${model.modelId}' }).`,
      });
    }
    return model;
  });
}

/**
 * Sentiment in the engine: normalise, embed, run the head, map the calibrated probability to
 * positive / negative / neutral; occlusion explanations of the returned label when asked.
 *
 * @example
 * const [result] = await analyzeSentiment({ texts: ['Great!'], explain: false }, context)
 */
export async function analyzeSentiment(
  request: SentimentPayload,
  context: TaskContext,
): Promise<SentimentResult[]> {
  const model = await loadSentimentModel(context);
  const normalized = request.texts.map(normalizeSentimentText);
  const vectors = await context.embed(normalized, { cache: false });
  const probabilitiesOf = (text: string, vector: Float32Array) =>
    sentimentProbabilities(model.positiveProbability(text, vector), model.neutralBelow);
  const results = vectors.map((vector, index): SentimentResult => {
    const probabilities = probabilitiesOf(normalized[index] as string, vector);
    const label = sentimentLabelOf(probabilities);
    return { label, score: probabilities[label], probabilities };
  });
  if (!request.explain) return results;
  context.throwIfCancelled();
  const explanations = await explainByOcclusion(
    context,
    results.map((result, index) => ({
      text: request.texts[index] as string,
      label: result.label,
      score: result.score,
    })),
    (index, embedding, prepared) =>
      probabilitiesOf(prepared, embedding)[(results[index] as SentimentResult).label],
    normalizeSentimentText,
  );
  return results.map((result, index) => ({ ...result, explanation: explanations[index] }));
}

/**
 * The engine side of the sentiment task (stateless: the head is decoded once per engine).
 *
 * @example
 * const handler = sentimentHandler.create()
 */
export const sentimentHandler = defineTaskHandler(sentimentTask, () => ({ run: analyzeSentiment }));
