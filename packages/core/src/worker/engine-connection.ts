import type { LoadReport } from '../engine/embedding-engine.js';
import type { ModelStatusListener } from '../engine/model-status.js';
import type { TaskRequest, TaskResultOf } from '../tasks/task-types.js';

/**
 * How the client talks to an engine, whether it runs in a worker or on the page.
 * Both implementations give the same answers and throw the same typed errors.
 */
export interface EngineConnection {
  readonly kind: 'worker' | 'in-thread';
  load(modelId: string, onStatus: ModelStatusListener, signal?: AbortSignal): Promise<LoadReport>;
  embed(modelId: string, texts: string[], signal?: AbortSignal): Promise<Float32Array>;
  /** Runs a classifier task next to the model; the signal cancels it (`AbortError`). */
  task<R extends TaskRequest>(
    modelId: string,
    request: R,
    signal?: AbortSignal,
  ): Promise<TaskResultOf<R['kind']>>;
  /** Live tfjs tensors on the engine's thread. */
  tensorCount(): Promise<number>;
  dispose(): void;
}
