import type { SerializedError } from '@ondevice/errors';
import type { EngineOptions } from '../engine/engine-options.js';
import type { LoadReport } from '../engine/embedding-engine.js';
import type { ModelStatus } from '../engine/model-status.js';
import type { TaskRequest, TaskResult } from '../tasks/task-types.js';

/** Protocol version, checked on `init` so a stale cached worker script fails loudly. */
export const protocolVersion = 2;

/** Messages from the page to the worker. Every request carries an id. */
export type WorkerRequest =
  | { type: 'init'; id: number; protocolVersion: number; options: EngineOptions }
  | { type: 'load'; id: number; modelId: string }
  | { type: 'embed'; id: number; modelId: string; texts: string[] }
  /** Classifier work (sentiment, zero-shot, teachable) run next to the model. */
  | { type: 'task'; id: number; modelId: string; task: TaskRequest }
  | { type: 'tensor-count'; id: number }
  | { type: 'cancel'; id: number; targetId: number };

/** Model status as it crosses the boundary; a failure travels as a `failed` response instead. */
export type ProgressStatus = Exclude<ModelStatus, { status: 'error' }>;

/** Messages from the worker to the page. */
export type WorkerResponse =
  | { type: 'status'; id: number; status: ProgressStatus }
  | { type: 'loaded'; id: number; report: LoadReport }
  | { type: 'embedded'; id: number; vectors: Float32Array }
  | { type: 'task-result'; id: number; result: TaskResult }
  | { type: 'tensor-count'; id: number; count: number }
  | { type: 'initialized'; id: number }
  | { type: 'failed'; id: number; error: SerializedError };
