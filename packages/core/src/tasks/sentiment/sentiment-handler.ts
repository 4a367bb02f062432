import { InvalidInputError } from '@ondevice/errors';
import type { TaskContext } from '../../engine/task-context.js';
import { sameEmbeddingSpace } from '../../models/registry.js';
import { explainByOcclusion } from '../explain/explain-by-occlusion.js';
import { defineTaskHandler } from '../task-definition.js';
import {
  type SentimentModel,
  decodeSentimentModel,
  sentimentLabelOf,
  sentimentProbabilities,
} from './sentiment-model.js';
import { normalizeSentimentText } from './sentiment-text.js';
import { classifierSentiment } from './classifier-sentiment.js';
import { type SentimentPayload, sentimentTask } from './sentiment-task.js';
import { type PassagePooling, meanVector, splitIntoPassages } from '../passages.js';
import type { SentimentResult } from './sentiment-types.js';

/** The shipped head, decoded once per engine; its weights are imported only here, in the engine. */
function loadSentimentModel(context: TaskContext): Promise<SentimentModel> {
  return context.memo('sentiment:model', async () => {
    const { sentimentWeights } = await import('./sentiment-weights.js');
    const model = decodeSentimentModel(sentimentWeights);
    if (!sameEmbeddingSpace(model.modelId, context.modelId)) {
      throw new InvalidInputError({
        parameter: 'model',
        message: `The sentiment head was trained on "${model.modelId}" embeddings, not "${context.modelId}": use client.sentiment({ model: '${model.modelId}' }).`,
      });
    }
    return model;
  });
}

/** Chosen on long texts made of held-out SST-2 train sentences (docs/reliability.md). */
export const sentimentPooling: PassagePooling = 'first';

/**
 * Sentiment in the engine: normalise, split long texts into passages, embed, run the head, pool,
 * map the calibrated probability to positive / negative / neutral; occlusion explanations of the
 * returned label when asked.
 *
 * @example
 * const [result] = await analyzeSentiment({ texts: ['Great!'], explain: false }, context)
 */
export async function analyzeSentiment(
  request: SentimentPayload,
  context: TaskContext,
  pooling: PassagePooling = sentimentPooling,
): Promise<SentimentResult[]> {
  const model = await loadSentimentModel(context);
  const normalized = request.texts.map(normalizeSentimentText);
  const passages = normalized.map((text) =>
    pooling === 'first' ? [text] : splitIntoPassages(text),
  );
  const vectors = await context.embed(passages.flat(), { cache: false });
  const probabilitiesOf = (text: string, vector: Float32Array) =>
    sentimentProbabilities(model.positiveProbability(text, vector), model.neutralBelow);
  let offset = 0;
  const results = passages.map((parts): SentimentResult => {
    const own = vectors.slice(offset, offset + parts.length);
    offset += parts.length;
    let positive: number;
    if (parts.length === 1)
      positive = model.positiveProbability(parts[0] as string, own[0] as Float32Array);
    else if (pooling === 'mean-embedding')
      positive = model.positiveProbability(parts.join(' '), meanVector(own));
    else
      positive =
        own.reduce(
          (sum, vector, index) => sum + model.positiveProbability(parts[index] as string, vector),
          0,
        ) / own.length;
    const probabilities = sentimentProbabilities(positive, model.neutralBelow);
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
export const sentimentHandler = defineTaskHandler(sentimentTask, () => ({
  run: (request, context) =>
    context.task === 'text-embedding'
      ? analyzeSentiment(request, context)
      : classifierSentiment(request, context),
}));
