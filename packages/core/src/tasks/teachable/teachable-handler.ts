import { yieldToEventLoop } from '../../util/yield-to-event-loop.js';
import { InvalidClassifierDataError, InvalidInputError, RuntimeError } from '@ondevice/errors';
import type { TaskContext } from '../../engine/task-context.js';
import { dot, normalized, softmax } from '../../util/vector-math.js';
import { explainByOcclusion } from '../explain/explain-by-occlusion.js';
import { defineTaskHandler } from '../task-definition.js';
import { descriptionsOf, embedLabels, labelSimilarities } from '../zero-shot/label-descriptions.js';
import { singleLabelScores } from '../zero-shot/zero-shot-scores.js';
import { backgroundSentences } from './background-sentences.js';
import { type FittedHead, fitLinearHead } from './fit-linear-head.js';
import { packVectors, unpackVectors } from './pack-vectors.js';
import { RidgeStatistics } from './ridge-statistics.js';
import type { LinearHead } from './linear-head.js';
import {
  type TeachableOutcome,
  type TrainingRows,
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

/** The class key of the background sentences: the implicit "none of these" class. */
const noneKey = '\u0000none';

/** A training row: its vector and class key, under a key that names it across versions. */
interface Row {
  id: string;
  vector: Float32Array;
  key: string;
}

/**
 * Trains a teachable classifier's head in the engine: every taught example, plus each label's
 * descriptions as extra examples (so labels still without examples are learnt from their
 * words), plus {@link backgroundSentences} as an implicit "none of these" class. Examples are
 * embedded only when `previous` (the version the page held) has no vector for them; past d
 * rows the fit runs from running statistics updated by the rows added and removed since
 * `previous` ({@link RidgeStatistics}), else from scratch ({@link fitLinearHead}). The "none"
 * row is then subtracted from every label's row, so the stored head has one row per label and
 * "none" is the implicit logit 0. No examples: no head (the classifier predicts zero-shot).
 *
 * @example
 * const { value, outcome } = await trainTeachable({ labels, examples, unsureBelow: 0.5 }, previous, context)
 */
export async function trainTeachable(
  request: Pick<TrainPayload, 'labels' | 'examples' | 'unsureBelow'>,
  previous: TeachableValue | undefined,
  context: TaskContext,
): Promise<{ value: TeachableValue; outcome: TrainOutcome }> {
  const ids = request.labels.map((label) => label.id);
  const known = new Set(ids);
  const unknown = request.examples.find((example) => !known.has(example.label));
  if (unknown) {
    throw new InvalidClassifierDataError({
      path: 'examples',
      message: `An example's label "${unknown.label}" is not among the classifier's labels.`,
    });
  }
  const embeddingStart = performance.now();
  const vectors = new Map<string, Float32Array>();
  const missing: string[] = [];
  for (const { text } of request.examples) {
    const vector = previous?.vectors.get(text);
    if (vector) vectors.set(text, vector);
    else if (!vectors.has(text)) missing.push(text);
  }
  const unsent = new Set([...(previous?.unsent ?? [])].filter((text) => vectors.has(text)));
  if (missing.length > 0) {
    const embedded = await context.embed(missing, { cache: false });
    missing.forEach((text, index) => {
      vectors.set(text, normalized(embedded[index] as Float32Array));
      unsent.add(text);
    });
  }
  let embeddingMs = performance.now() - embeddingStart;
  const value: TeachableValue = {
    labels: request.labels,
    examples: request.examples,
    unsureBelow: request.unsureBelow,
    head: null,
    vectors,
    unsent: new Set(),
  };
  const sent = packVectors([...unsent], vectors);
  if (request.examples.length === 0 || ids.length === 0) {
    return {
      value,
      outcome: { op: 'train', head: null, trainingMs: 0, embeddingMs, vectors: sent },
    };
  }
  const rows: Row[] = request.examples.map(({ text, label }) => ({
    id: `example\u0000${label}\u0000${text}`,
    vector: vectors.get(text) as Float32Array,
    key: label,
  }));
  const extraTexts: string[] = [];
  const extraRows: Omit<Row, 'vector'>[] = [];
  for (const label of request.labels) {
    for (const description of descriptionsOf(label)) {
      extraTexts.push(description);
      extraRows.push({ id: `description\u0000${label.id}\u0000${description}`, key: label.id });
    }
  }
  for (const sentence of backgroundSentences) {
    extraTexts.push(sentence);
    extraRows.push({ id: `background\u0000${sentence}`, key: noneKey });
  }
  const extraStart = performance.now();
  // Descriptions and background sentences are few and shared: the engine's cache keeps them.
  const extraVectors = await context.embed(extraTexts);
  embeddingMs += performance.now() - extraStart;
  extraRows.forEach((row, index) => {
    rows.push({ ...row, vector: normalized(extraVectors[index] as Float32Array) });
  });
  context.throwIfCancelled();

  const trainingStart = performance.now();
  const dimensions = rows[0]?.vector.length ?? context.dimensions;
  const classKeys = [...ids, noneKey];
  let fitted: FittedHead;
  if (rows.length < dimensions) {
    // Few rows: the dual solution from scratch (n² · d) is cheaper than any d × d system.
    fitted = fitLinearHead(
      rows.map((row) => row.vector),
      rows.map((row) => classKeys.indexOf(row.key)),
      classKeys.length,
    );
  } else {
    value.training = await updateTraining(previous?.training, rows, dimensions, context);
    fitted = value.training.statistics.fit(classKeys, (index) => rows[index] as Row);
  }
  const none = ids.length * dimensions;
  const head: LinearHead = {
    labels: ids,
    weights: fitted.weights
      .slice(0, none)
      .map((weight, index) => weight - (fitted.weights[none + (index % dimensions)] as number)),
    bias: fitted.bias
      .slice(0, ids.length)
      .map((bias) => bias - (fitted.bias[ids.length] as number)),
    dimensions,
  };
  value.head = head;
  return {
    value,
    outcome: {
      op: 'train',
      head,
      trainingMs: performance.now() - trainingStart,
      embeddingMs,
      vectors: sent,
    },
  };
}

/**
 * The running statistics for `rows`: the previous version's, copied and updated by the rows
 * added and removed, or (none kept, or most rows changed) built from scratch in steps that
 * yield and check cancellation.
 */
async function updateTraining(
  previous: TrainingRows | undefined,
  rows: readonly Row[],
  dimensions: number,
  context: TaskContext,
): Promise<TrainingRows> {
  const wanted = new Map(rows.map((row) => [row.id, row]));
  if (previous && previous.statistics.dimensions === dimensions) {
    const removed = [...previous.rows].filter(([id]) => !wanted.has(id));
    const added = rows.filter((row) => !previous.rows.has(row.id));
    if (removed.length + added.length <= rows.length / 2) {
      const statistics = previous.statistics.clone();
      for (const [, row] of removed) statistics.remove(row.vector, row.key);
      for (const row of added) statistics.add(row.vector, row.key);
      return { statistics, rows: wanted };
    }
  }
  const statistics = new RidgeStatistics(dimensions);
  await statistics.addMany(rows, async () => {
    await yieldToEventLoop();
    context.throwIfCancelled();
  });
  return { statistics, rows: wanted };
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
  if (!logits.every(Number.isFinite)) {
    // A non-finite weight or embedding would make every probability NaN: never return that.
    throw new RuntimeError({
      message: `The teachable classifier's head gave a non-finite score (${logits.find((logit) => !Number.isFinite(logit))}); its stored data or the model's embedding is broken. Retrain it (learn), or import a valid export.`,
    });
  }
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
  // Stored vectors; examples imported without one are embedded once and kept.
  const without = examples.filter((example) => !classifier.vectors.has(example.text));
  if (without.length > 0) {
    const embedded = await context.embed(
      without.map((example) => example.text),
      { cache: false },
    );
    without.forEach((example, index) => {
      classifier.vectors.set(example.text, normalized(embedded[index] as Float32Array));
      classifier.unsent.add(example.text);
    });
  }
  const exampleVectors = examples.map((example) => classifier.vectors.get(example.text));
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
    vectors: unpackVectors(state.vectors),
    unsent: new Set(),
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
      const { value, outcome } = await trainTeachable(payload, states.current, context);
      states.set(payload.id, payload.version, value);
      return outcome;
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
