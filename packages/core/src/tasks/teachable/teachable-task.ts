import { defineTask } from '../task-definition.js';
import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';
import type { LabelledExample, LinearHead } from './linear-head.js';
import type { TeachablePrediction } from './teachable-types.js';

/**
 * A teachable classifier as the engine holds it: labels, examples, trained head (or none:
 * it predicts zero-shot), and the confidence under which a prediction is `unsure`.
 *
 * @example
 * const value: TeachableValue = { labels, examples: [], head: null, unsureBelow: 0.5 }
 */
export interface TeachableValue {
  labels: ZeroShotLabel[];
  examples: LabelledExample[];
  head: LinearHead | null;
  unsureBelow: number;
}

/**
 * The plain form of {@link TeachableValue} the page sends (the head as number arrays).
 *
 * @example
 * const state: TeachableStatePayload = { labels, examples, head: null, unsureBelow: 0.5 }
 */
export type TeachableStatePayload = Omit<TeachableValue, 'head'> & {
  head: { labels: string[]; weights: number[]; bias: number[]; dimensions: number } | null;
};

/**
 * What the page asks of the teachable handler: train a new version of classifier `id`
 * (the engine keeps it), or predict with the version the page holds.
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
      /** Milliseconds spent embedding examples that were not cached. */
      embeddingMs: number;
    }
  | { op: 'predict'; results: TeachablePrediction[] };

/**
 * The teachable task: a head trained in the engine on taught examples, kept there by id.
 *
 * @example
 * await runner.run(teachableTask, { op: 'predict', texts, explain: false }, { instance })
 */
export const teachableTask = defineTask<TeachablePayload, TeachableOutcome>('teachable');
