import { defineTask } from '../task-definition.js';
import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';
import type { LabelledExample, LinearHead } from './linear-head.js';
import type { RidgeStatistics } from './ridge-statistics.js';
import type { TeachablePrediction } from './teachable-types.js';

/**
 * Normalised example embeddings, packed: the vector of `texts[i]` is
 * `data.subarray(i * d, (i + 1) * d)`. One typed array crosses to the worker far faster than
 * thousands of small ones.
 *
 * @example
 * const packed: PackedVectors = { texts: ['refund please'], data: new Float32Array(512) }
 */
export interface PackedVectors {
  texts: string[];
  data: Float32Array;
}

/**
 * The running statistics of a classifier's training rows (examples, label descriptions,
 * background sentences), kept by the engine once there are as many rows as dimensions: a
 * retraining updates them by the rows added and removed.
 *
 * @example
 * training.statistics.fit(classKeys, (index) => rows[index])
 */
export interface TrainingRows {
  statistics: RidgeStatistics;
  /** Each row by key (`example`, label, text…), with its vector and class key. */
  rows: Map<string, { vector: Float32Array; key: string }>;
}

/**
 * A teachable classifier as the engine holds it: labels, examples, trained head (or none:
 * it predicts zero-shot), the confidence under which a prediction is `unsure`, the examples'
 * embeddings and, past d rows, the running statistics of its fit.
 *
 * @example
 * const value: TeachableValue = { labels, examples: [], head: null, unsureBelow: 0.5, vectors: new Map(), unsent: new Set() }
 */
export interface TeachableValue {
  labels: ZeroShotLabel[];
  examples: LabelledExample[];
  head: LinearHead | null;
  unsureBelow: number;
  /** Normalised embeddings of the examples by text (imported examples may have none yet). */
  vectors: Map<string, Float32Array>;
  /** Texts whose vectors the engine computed and has not sent the page yet. */
  unsent: Set<string>;
  training?: TrainingRows;
}

/**
 * The plain form of {@link TeachableValue} the page sends (the head as number arrays, the
 * vectors it has packed).
 *
 * @example
 * const state: TeachableStatePayload = { labels, examples, head: null, unsureBelow: 0.5, vectors: { texts: [], data: new Float32Array() } }
 */
export type TeachableStatePayload = Omit<
  TeachableValue,
  'head' | 'vectors' | 'unsent' | 'training'
> & {
  head: { labels: string[]; weights: number[]; bias: number[]; dimensions: number } | null;
  vectors: PackedVectors;
};

/**
 * What the page asks of the teachable handler: train a new version of classifier `id` from the
 * version the page holds (the engine keeps the new one), or predict with the version the page
 * holds.
 *
 * @example
 * const train: TeachablePayload = { op: 'train', id, version: 2, labels, examples, unsureBelow: 0.5 }
 */
export type TeachablePayload =
  | {
      op: 'train';
      id: string;
      version: number;
      labels: ZeroShotLabel[];
      examples: LabelledExample[];
      unsureBelow: number;
    }
  | { op: 'predict'; texts: string[]; explain: boolean; explainLabel?: string };

/**
 * The teachable handler's answer, of the same `op`.
 *
 * @example
 * if (result.op === 'train') console.log(result.trainingMs)
 */
export type TeachableOutcome =
  | {
      op: 'train';
      head: LinearHead | null;
      /** Milliseconds spent fitting the head (embeddings excluded). */
      trainingMs: number;
      /** Milliseconds spent embedding examples that had no stored vector. */
      embeddingMs: number;
      /** Vectors of examples the page did not have (new ones), for it to store. */
      vectors: PackedVectors;
    }
  | { op: 'predict'; results: TeachablePrediction[] };

/**
 * The teachable task: a head trained in the engine on taught examples, kept there by id.
 *
 * @example
 * await runner.run(teachableTask, { op: 'predict', texts, explain: false }, { instance })
 */
export const teachableTask = defineTask<TeachablePayload, TeachableOutcome>('teachable');
