import type { EmbeddedTexts } from '../engine/engine.js';
import type { LoadReport } from '../engine/load-report.js';
import type { ModelStatusListener } from '../runtimes/model-status.js';
import type { RuntimeMemory } from '../runtimes/runtime.js';
import type { TaskEnvelope, TaskOutcome } from './task-dispatcher.js';

/**
 * How the client talks to an engine, whether it runs in a worker or on the page.
 * Both implementations give the same answers and throw the same typed errors.
 *
 * @example
 * const report = await connection.load('use-lite', (status) => console.log(status.status))
 */
export interface EngineConnection {
  readonly kind: 'worker' | 'in-thread';
  load(modelId: string, onStatus: ModelStatusListener, signal?: AbortSignal): Promise<LoadReport>;
  /** Vectors of `texts` (bounded by the model's token limit) and which were truncated. */
  embed(modelId: string, texts: string[], signal?: AbortSignal): Promise<EmbeddedTexts>;
  /**
   * Runs a task next to its model; the signal cancels it (`AbortError`). `onProgress` hears its
   * partial results (generated text) as they come.
   */
  task(
    envelope: TaskEnvelope,
    signal?: AbortSignal,
    onProgress?: (progress: unknown) => void,
  ): Promise<TaskOutcome>;
  /** Frees a model on the engine's thread; false when it was not loaded. */
  unload(modelId: string): Promise<boolean>;
  /** Memory of every runtime on the engine's thread, by runtime name. */
  memory(): Promise<Record<string, RuntimeMemory>>;
  dispose(): void;
}
