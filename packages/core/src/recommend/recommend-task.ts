import { defineTask } from '../tasks/task-definition.js';
import type { ContentVectors } from './content-model.js';
import type { BlendValidation } from './hybrid-model.js';

/**
 * What the page sends to fit: every user's distinct items (oldest first) packed into one array
 * (`items.subarray(offsets[u], offsets[u + 1])` is user `u`'s), the item count, and the item
 * text vectors when items have text.
 *
 * @example
 * const payload: RecommendFitPayload = { items, offsets, itemCount: 300, content: null, seed: 1 }
 */
export interface RecommendFitPayload {
  items: Int32Array;
  offsets: Int32Array;
  itemCount: number;
  content: ContentVectors | null;
  seed: number;
  /** Transition and content weights tried on the validation split (the algorithm's). */
  blends: number[];
  contentWeights: number[];
}

/**
 * Item transitions packed: the items following item `i` are `targets[offsets[i]…offsets[i+1]]`
 * with their shares.
 *
 * @example
 * const packed: PackedTransitions = { offsets: Int32Array.of(0, 1), targets: Int32Array.of(3), shares: Float32Array.of(1) }
 */
export interface PackedTransitions {
  offsets: Int32Array;
  targets: Int32Array;
  shares: Float32Array;
}

/**
 * The fitted model as it comes back from the worker: EASE weights, transitions, popularity, the
 * chosen weights and what the validation split measured.
 *
 * @example
 * const { blend, contentWeight, milliseconds } = fitted
 */
export interface RecommendFitResult {
  itemCount: number;
  easeWeights: Float32Array;
  transitions: PackedTransitions;
  popularity: Float32Array;
  blend: number;
  contentWeight: number;
  validation: BlendValidation & { users: number };
  milliseconds: number;
}

/**
 * The recommender's fit, run next to the embedding model (in the worker).
 *
 * @example
 * await runner.run(recommendFitTask, payload, { signal, onProgress })
 */
export const recommendFitTask = defineTask<RecommendFitPayload, RecommendFitResult>(
  'recommend-fit',
);
