import type { EngineOptions } from '../engine/engine-options.js';
import type { LoadReport } from '../engine/load-report.js';
import type { ModelStatusListener } from '../runtimes/model-status.js';
import { WorkerCrashedError, deserializeError } from '@ondevice/errors';
import { abortErrorFor, throwIfAborted } from '../util/abort.js';
import type { EngineConnection } from './engine-connection.js';
import {
  type WorkerRequest,
  type WorkerResponse,
  cancelAcknowledgementMs,
  protocolVersion,
} from './protocol.js';

interface Pending {
  /** What was sent, to send again to a new worker after a stuck one was replaced. */
  body: RequestBody;
  resolve(response: WorkerResponse): void;
  reject(error: unknown): void;
  onStatus?: ModelStatusListener;
  onProgress?: (progress: unknown) => void;
}

type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

/**
 * Called when the worker died; the connection starts a new one on the next request.
 *
 * @example
 * const onFailure: WorkerFailureListener = (error) => console.warn(error.message)
 */
export type WorkerFailureListener = (error: WorkerCrashedError) => void;

/**
 * Talks to the engine in a module Web Worker: request ids, AbortSignal mapped to `cancel`,
 * errors rebuilt as their own classes. If the worker dies, pending requests fail with
 * {@link WorkerCrashedError} and the next request starts a fresh worker. A worker that does
 * not acknowledge a `cancel` within {@link cancelAcknowledgementMs} is stuck in work that does
 * not yield (an embedding or a task; loads are left to finish their bounded steps): it is
 * terminated, the failure is reported, and the other pending requests are sent again to a new
 * worker. When an unload leaves the engine with no model and nothing else is pending, the worker
 * is ended: a WebAssembly memory can grow but never shrink, so ending its worker is the only way
 * to give what a model used back to the system. The next request starts a new worker (task state
 * is sent again on demand, as after a crash).
 *
 * @example
 * const connection = createWorkerConnection({ engineOptions, createWorker, onFailure })
 */
export function createWorkerConnection(options: {
  engineOptions: EngineOptions;
  createWorker: () => Worker;
  onFailure: WorkerFailureListener;
  /** A model's load report changed outside any request (its backends were measured). */
  onReport?: (report: LoadReport) => void;
  /** The worker was ended because an unload left it with no model (its memory went back). */
  onIdleEnd?: () => void;
  /** @default cancelAcknowledgementMs */
  cancelAcknowledgementMs?: number;
}): EngineConnection {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** Cancels sent and not yet acknowledged, by message id: the watchdog timers. */
  const watchdogs = new Map<number, ReturnType<typeof setTimeout>>();
  const acknowledgementMs = options.cancelAcknowledgementMs ?? cancelAcknowledgementMs;

  const clearWatchdogs = () => {
    for (const timer of watchdogs.values()) clearTimeout(timer);
    watchdogs.clear();
  };

  /** Replaces a stuck worker; what was pending goes to the new one. */
  const replace = (stuck: Worker) => {
    if (worker !== stuck) return;
    clearWatchdogs();
    stuck.terminate();
    worker = undefined;
    const waiting = [...pending.entries()];
    options.onFailure(
      new WorkerCrashedError({
        message: `The inference worker did not answer a cancel within ${acknowledgementMs} ms (work that does not yield); it was replaced by a new one.`,
      }),
    );
    const target = start();
    for (const [id, entry] of waiting) target.postMessage({ ...entry.body, id } as WorkerRequest);
  };

  const fail = (error: WorkerCrashedError) => {
    clearWatchdogs();
    worker?.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const entry of waiting) entry.reject(error);
    options.onFailure(error);
  };

  const start = () => {
    const created = options.createWorker();
    created.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      if (response.type === 'cancel-received') {
        clearTimeout(watchdogs.get(response.id));
        watchdogs.delete(response.id);
        return;
      }
      if (response.type === 'report') {
        options.onReport?.(response.report);
        return;
      }
      const entry = pending.get(response.id);
      if (!entry) return;
      if (response.type === 'status') {
        entry.onStatus?.(response.status);
        return;
      }
      if (response.type === 'task-progress') {
        entry.onProgress?.(response.progress);
        return;
      }
      pending.delete(response.id);
      if (response.type === 'failed') entry.reject(deserializeError(response.error));
      else entry.resolve(response);
    });
    created.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      fail(
        new WorkerCrashedError({
          message: `The inference worker crashed: ${event.message || 'unknown error'}. The next call starts a new worker.`,
        }),
      );
    });
    created.addEventListener('messageerror', () =>
      fail(
        new WorkerCrashedError({
          message: 'A message from the inference worker could not be read.',
        }),
      ),
    );
    worker = created;
    send({ type: 'init', protocolVersion, options: options.engineOptions }).catch(
      (error: unknown) => {
        // A worker that cannot start (stale script, bad options) fails everything sent to it.
        for (const entry of pending.values()) entry.reject(error);
        pending.clear();
      },
    );
    return created;
  };

  function send(
    body: RequestBody,
    extras: {
      signal?: AbortSignal;
      onStatus?: ModelStatusListener;
      onProgress?: (progress: unknown) => void;
      what?: string;
    } = {},
  ) {
    const target = worker ?? start();
    const id = nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      const { signal } = extras;
      const onAbort = () => {
        if (!pending.delete(id)) return;
        const current = worker;
        if (current) {
          const cancelId = nextId++;
          current.postMessage({
            type: 'cancel',
            id: cancelId,
            targetId: id,
          } satisfies WorkerRequest);
          // Embeddings and tasks run in short slices, so the worker reads a cancel at once. A
          // load's own steps (building the graph, measuring backends within their budget) may
          // hold the thread longer and end by themselves: no watchdog for them.
          if (body.type !== 'load') {
            watchdogs.set(
              cancelId,
              setTimeout(() => replace(current), acknowledgementMs),
            );
          }
        }
        reject(abortErrorFor(signal as AbortSignal, extras.what ?? 'The request'));
      };
      pending.set(id, {
        body,
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        ...(extras.onStatus ? { onStatus: extras.onStatus } : {}),
        ...(extras.onProgress ? { onProgress: extras.onProgress } : {}),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      target.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  return {
    kind: 'worker',
    async load(modelId, onStatus, signal) {
      const what = `Loading ${modelId}`;
      throwIfAborted(signal, what);
      const response = await send(
        { type: 'load', modelId },
        { onStatus, what, ...(signal ? { signal } : {}) },
      );
      return (response as Extract<WorkerResponse, { type: 'loaded' }>).report satisfies LoadReport;
    },
    async embed(modelId, texts, signal) {
      throwIfAborted(signal, 'Embedding');
      const response = await send(
        { type: 'embed', modelId, texts },
        { what: 'Embedding', ...(signal ? { signal } : {}) },
      );
      const { vectors, truncated } = response as Extract<WorkerResponse, { type: 'embedded' }>;
      return { vectors, truncated };
    },
    async task(envelope, signal, onProgress) {
      throwIfAborted(signal, 'The task');
      const response = await send(
        { type: 'task', ...envelope },
        { what: 'The task', ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) },
      );
      return (response as Extract<WorkerResponse, { type: 'task-result' }>).outcome;
    },
    async unload(modelId) {
      if (!worker) return false; // no worker: nothing is loaded
      const target = worker;
      const { unloaded, modelsLeft } = (await send({ type: 'unload', modelId })) as Extract<
        WorkerResponse,
        { type: 'unloaded' }
      >;
      if (modelsLeft === 0 && pending.size === 0 && worker === target) {
        clearWatchdogs();
        target.terminate();
        worker = undefined;
        options.onIdleEnd?.();
      }
      return unloaded;
    },
    async memory() {
      if (!worker) return {}; // no worker: no runtime holds anything
      const response = await send({ type: 'memory' });
      return (response as Extract<WorkerResponse, { type: 'memory' }>).memory;
    },
    dispose() {
      clearWatchdogs();
      worker?.terminate();
      worker = undefined;
      for (const entry of pending.values()) {
        entry.reject(new WorkerCrashedError({ message: 'The client was disposed.' }));
      }
      pending.clear();
    },
  };
}
