import { defineTask } from '../task-definition.js';
import type { ZeroShotLabel, ZeroShotResult } from './zero-shot-types.js';

/**
 * A zero-shot classifier's engine-side state: its labels and how it selects them. Sent once
 * per engine (again after a worker restart), not with every call.
 *
 * @example
 * const state: ZeroShotState = { labels, multiLabel: false, threshold: 0.5 }
 */
export interface ZeroShotState {
  labels: ZeroShotLabel[];
  multiLabel: boolean;
  threshold: number;
}

/**
 * What the page sends to classify texts with a classifier whose state the engine holds.
 *
 * @example
 * const payload: ZeroShotPayload = { texts: ['I was charged twice'], explain: false }
 */
export interface ZeroShotPayload {
  texts: string[];
  explain: boolean;
  /** Label to explain instead of the best one. */
  explainLabel?: string;
}

/**
 * The zero-shot task: each label's closest description by cosine similarity, calibrated.
 *
 * @example
 * await runner.run(zeroShotTask, payload, { instance: { id, version: 1, state: () => state } })
 */
export const zeroShotTask = defineTask<ZeroShotPayload, ZeroShotResult[]>('zero-shot');
