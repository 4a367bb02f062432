import { InvalidClassifierDataError, InvalidInputError } from '@ondevice/errors';
import type { TaskContext } from '../../engine/task-context.js';
import { dot, normalized, softmax } from '../../util/vector-math.js';
import { explainByOcclusion } from '../explain/explain-by-occlusion.js';
import { defineTaskHandler } from '../task-definition.js';
import { descriptionsOf, embedLabels, labelSimilarities } from '../zero-shot/label-descriptions.js';
import { singleLabelScores } from '../zero-shot/zero-shot-scores.js';
import { backgroundSentences } from './background-sentences.js';
import { fitLinearHead } from './fit-linear-head.js';
import type { LinearHead } from './linear-head.js';
import {
  type TeachableOutcome,
  type TeachablePayload,
  type TeachableStatePayload,
  type TeachableValue,
  teachableTask,
} from './teachable-task.js';
import type { TeachablePrediction } from './teachable-types.js';

type TrainPayload = Extract<TeachablePayload, { op: 'train' }>;
type PredictPayload = Extract<TeachablePayload, { op: 'predict' }>;
type TrainOutcome = Extract<TeachableOutcome, { op: 'train' }>;

/** How many taught examples an explanation lists. */
const nearestCount = 3;

/**
 * Trains a teachable classifier's head in the engine: every taught example, plus each label's
 * descriptions as extra examples (so labels still without examples are learnt from their
 * words), plus {@link backgroundSentences} as an implicit "none of these" class, embedded
 * (cached by the engine) and fitted by {@link fitLinearHead}. The "none" row is then subtracted
 * from every label's row, so the stored head has one row per label and "none" is the implicit
 * logit 0. No examples: no head (the classifier predicts zero-shot).
 *
 * @example
 * const { head } = await trainTeachable({ labels, examples }, context)
 */
export async function trainTeachable(
  request: Pick<TrainPayload, 'labels' | 'examples'>,
  context: TaskContext,
): Promise<Omit<TrainOutcome, 'op'>> {
  if (request.examples.length === 0 || request.labels.length === 0) {
    return { head: null, trainingMs: 0, embeddingMs: 0 };
  }
  const ids = request.labels.map((label) => label.id);
  const texts: string[] = [];
  const targets: number[] = [];
  request.examples.forEach((example) => {
    texts.push(example.text);
    targets.push(ids.indexOf(example.label));
  });
  request.labels.forEach((label, index) => {
    for (const description of descriptionsOf(label)) {
      texts.push(description);
      targets.push(index);
    }
  });
  for (const sentence of backgroundSentences) {
    texts.push(sentence);
    targets.push(ids.length);
  }
  if (targets.includes(-1)) {
    const unknown = request.examples.find((example) => !ids.includes(example.label));
    throw new InvalidClassifierDataError({
      path: 'examples',
      message: `An example's label "${unknown?.label ?? ''}" is not among the classifier's labels.`,
    });
  }
  const embeddingStart = performance.now();
  const vectors = (await context.embed(texts)).map(normalized);
  const embeddingMs = performance.now() - embeddingStart;
  context.throwIfCancelled();
  const trainingStart = performance.now();
  const fitted = fitLinearHead(vectors, targets, ids.length + 1);
  const dimensions = (vectors[0] as Float32Array).length;
  const none = ids.length * dimensions;
  const head: LinearHead = {
    labels: ids,
    weights: fitted.weights
      .slice(0, none)
      .map((value, index) => value - (fitted.weights[none + (index % dimensions)] as number)),
    bias: fitted.bias
      .slice(0, ids.length)
      .map((value) => value - (fitted.bias[ids.length] as number)),
    dimensions,
  };
  return {
    head,
    trainingMs: performance.now() - trainingStart,
    embeddingMs,
  };
}

/**
 * What a head says about a text: the labels' probabilities (softmax of their logits, in
 * `head.labels` order, summing to 1) and the best label's probability once the implicit
 * "none of these" class (logit 0) is allowed for, which is the prediction's confidence.
 *
 * @example
 * const { probabilities, confidence } = headScores(head, embedding)
 */
export function headScores(
  head: LinearHead,
  embedding: Float32Array,
): { probabilities: number[]; confidence: number } {
  const unit = normalized(embedding);
  const logits = head.labels.map(
    (_, index) => dot(unit, head.weights, index * head.dimensions) + (head.bias[index] as number),
  );
  const withNone = softmax([...logits, 0]);
  return {
    probabilities: softmax(logits),
    confidence: Math.max(...withNone.slice(0, logits.length)),
  };
}

/**
 * Predicts with the trained head, or zero-shot from the label descriptions when there is none;
 * explanations add the taught examples nearest to the text.
 *
 * @example
 * const [prediction] = await predictTeachable(value, { op: 'predict', texts: ['hi'], explain: false }, context)
 */
export async function predictTeachable(
  classifier: TeachableValue,
  request: PredictPayload,
  context: TaskContext,
): Promise<TeachablePrediction[]> {
  const { head } = classifier;
  const source: TeachablePrediction['source'] = head ? 'taught' : 'zero-shot';
  let ids: string[];
  let score: (embedding: Float32Array) => { probabilities: number[]; confidence: number };
  if (head) {
    ids = head.labels;
    score = (embedding) => headScores(head, embedding);
  } else {
    ids = classifier.labels.map((label) => label.id);
    const labels = ids.length > 0 ? await embedLabels(classifier.labels, context) : null;
    score = (embedding) => {
      const probabilities = labels ? singleLabelScores(labelSimilarities(labels, embedding)) : [];
      return {
        probabilities,
        confidence: probabilities.length > 0 ? Math.max(...probabilities) : 0,
      };
    };
  }
  const vectors = await context.embed(request.texts, { cache: false });
  const results = vectors.map((vector): TeachablePrediction => {
    const { probabilities, confidence } = score(vector);
    const labels = ids
      .map((id, index) => ({ id, score: probabilities[index] as number }))
      .sort((left, right) => right.score - left.score);
    const best = labels[0];
    const unsure = best === undefined || confidence < classifier.unsureBelow;
    return { labels, label: unsure ? null : (best?.id ?? null), confidence, unsure, source };
  });
  if (!request.explain) return results;
  context.throwIfCancelled();
  const targets = results.map((result, index) => {
    const label = request.explainLabel ?? result.labels[0]?.id ?? '';
    return {
      text: request.texts[index] as string,
      label,
      score: result.labels.find((entry) => entry.id === label)?.score ?? 0,
    };
  });
  const explanations = await explainByOcclusion(context, targets, (index, embedding) => {
    const labelIndex = ids.indexOf((targets[index] as (typeof targets)[number]).label);
    return labelIndex < 0 ? 0 : (score(embedding).probabilities[labelIndex] ?? 0);
  });
  const { examples } = classifier;
  const exampleVectors =
    examples.length > 0
      ? (await context.embed(examples.map((example) => example.text))).map(normalized)
      : [];
  return results.map((result, index) => {
    const unit = normalized(vectors[index] as Float32Array);
    const nearestExamples = examples
      .map((example, position) => ({
        text: example.text,
        label: example.label,
        similarity: dot(unit, exampleVectors[position] as Float32Array),
      }))
      .sort((left, right) => right.similarity - left.similarity)
      .slice(0, nearestCount);
    return {
      ...result,
      explanation: {
        ...(explanations[index] as NonNullable<TeachablePrediction['explanation']>),
        nearestExamples,
      },
    };
  });
}

/**
 * Rebuilds a classifier the page sent (after a worker restart, or a version the engine does not
 * hold) as the engine's value, checking that its head fits the model.
 *
 * @throws {InvalidClassifierDataError} when the head's dimensions are not the model's.
 * @example
 * const value = restoreTeachable(state, context)
 */
export function restoreTeachable(
  state: TeachableStatePayload,
  context: TaskContext,
): TeachableValue {
  const { head } = state;
  if (head && head.dimensions !== context.dimensions) {
    throw new InvalidClassifierDataError({
      path: 'head.dimensions',
      message: `The head expects ${head.dimensions}-dimensional embeddings; ${context.modelId} gives ${context.dimensions}.`,
    });
  }
  return {
    labels: state.labels,
    examples: state.examples,
    unsureBelow: state.unsureBelow,
    head: head && {
      labels: head.labels,
      weights: Float32Array.from(head.weights),
      bias: Float32Array.from(head.bias),
      dimensions: head.dimensions,
    },
  };
}

/**
 * The engine side of the teachable task: training stores the new version of the classifier
 * by id, so predictions send only their texts.
 *
 * @example
 * const handler = teachableHandler.create()
 */
export const teachableHandler = defineTaskHandler(teachableTask, () => ({
  restore: restoreTeachable,
  run: async (payload, context, states): Promise<TeachableOutcome> => {
    if (payload.op === 'train') {
      const trained = await trainTeachable(payload, context);
      states.set(payload.id, payload.version, {
        labels: payload.labels,
        examples: payload.examples,
        unsureBelow: payload.unsureBelow,
        head: trained.head,
      });
      return { op: 'train', ...trained };
    }
    if (!states.current) {
      throw new InvalidInputError({
        parameter: 'instance',
        message: 'A teachable prediction reached the engine without its classifier.',
      });
    }
    return { op: 'predict', results: await predictTeachable(states.current, payload, context) };
  },
}));
