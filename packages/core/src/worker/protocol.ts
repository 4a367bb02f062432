import type { SerializedError } from '@ondevice/errors';
import type { EngineOptions } from '../engine/engine-options.js';
import type { LoadReport } from '../engine/load-report.js';
import type { ModelStatus } from '../runtimes/model-status.js';
import type { RuntimeMemory } from '../runtimes/runtime.js';
import type { TaskEnvelope, TaskOutcome } from './task-dispatcher.js';

/**
 * Protocol version, checked on `init` so a stale cached worker script fails loudly. Version 8:
 * the generation task's result carries `meanTokenLogProbability`. 7: `unloaded` says how many
 * models the engine still holds (none: the page ends the worker). 6:
 * `task-progress` streams a task's partial results (generated text), `unload` frees a model. 5:
 * `report` carries a load report that changed outside any request (the backends measured after
 * a guessed start). 4: `embedded` says which texts were truncated to the model's token limit,
 * and `cancel` is acknowledged (3: tasks travel as a
 * name and a payload, with engine-side instance state; `memory` replaces `tensor-count`).
 *
 * @example
 * worker.postMessage({ type: 'init', id: 1, protocolVersion, options })
 */
export const protocolVersion = 8;

/**
 * How long the page waits for the worker to acknowledge a `cancel` before it decides the
 * worker is stuck (work that does not yield), terminates it and starts a new one.
 *
 * @example
 * setTimeout(restartWorker, cancelAcknowledgementMs)
 */
export const cancelAcknowledgementMs = 1000;

/**
 * Messages from the page to the worker. Every request carries an id.
 *
 * @example
 * const request: WorkerRequest = { type: 'embed', id: 7, modelId: 'use-lite', texts: ['Hello'] }
 */
export type WorkerRequest =
  | { type: 'init'; id: number; protocolVersion: number; options: EngineOptions }
  | { type: 'load'; id: number; modelId: string }
  | { type: 'embed'; id: number; modelId: string; texts: string[] }
  /** A task (sentiment, zero-shot, teachable…) run next to its model. */
  | ({ type: 'task'; id: number } & TaskEnvelope)
  | { type: 'memory'; id: number }
  /** Frees a model's sessions and tensors; the next use loads it again. */
  | { type: 'unload'; id: number; modelId: string }
  | { type: 'cancel'; id: number; targetId: number };

/**
 * Model status as it crosses the boundary; a failure travels as a `failed` response instead.
 *
 * @example
 * const status: ProgressStatus = { status: 'downloading', loaded: 10, total: 100 }
 */
export type ProgressStatus = Exclude<ModelStatus, { status: 'error' }>;

/**
 * Messages from the worker to the page.
 *
 * @example
 * if (response.type === 'failed') throw deserializeError(response.error)
 */
export type WorkerResponse =
  | { type: 'status'; id: number; status: ProgressStatus }
  | { type: 'loaded'; id: number; report: LoadReport }
  | { type: 'embedded'; id: number; vectors: Float32Array; truncated: boolean[] }
  | { type: 'task-result'; id: number; outcome: TaskOutcome }
  /** A partial result of a task still running (a piece of generated text). */
  | { type: 'task-progress'; id: number; progress: unknown }
  /** `modelsLeft`: models the engine still holds or is loading after this unload. */
  | { type: 'unloaded'; id: number; unloaded: boolean; modelsLeft: number }
  | { type: 'memory'; id: number; memory: Record<string, RuntimeMemory> }
  | { type: 'initialized'; id: number }
  /** A model's load report changed outside any request (its backends were measured). */
  | { type: 'report'; report: LoadReport }
  /** The worker read a `cancel` (its event loop is free); the cancelled work stops at its next check. */
  | { type: 'cancel-received'; id: number }
  | { type: 'failed'; id: number; error: SerializedError };
