import type { EngineOptions } from '../engine/engine-options.js';
import type { TaskRequest, TaskResultOf } from '../tasks/task-types.js';
import { abortErrorFor, throwIfAborted } from '../util/abort.js';
import type { EngineConnection } from './engine-connection.js';

/** Runs the engine on the calling thread (`worker: false`, Node). The engine loads lazily. */
export function createInThreadConnection(options: EngineOptions): EngineConnection {
  const engine = import('../engine/embedding-engine.js').then(
    ({ EmbeddingEngine }) => new EmbeddingEngine(options),
  );
  return {
    kind: 'in-thread',
    async load(modelId, onStatus, signal) {
      return (await engine).load(modelId, onStatus, signal);
    },
    async embed(modelId, texts, signal) {
      throwIfAborted(signal, 'Embedding');
      const vectors = await (await engine).embed(modelId, texts, () => signal?.aborted === true);
      if (signal?.aborted) throw abortErrorFor(signal, 'Embedding');
      return vectors;
    },
    async task<R extends TaskRequest>(modelId: string, request: R, signal?: AbortSignal) {
      throwIfAborted(signal, 'The task');
      const instance = await engine;
      try {
        const result = await instance.runTask(modelId, request, () => signal?.aborted === true);
        throwIfAborted(signal, 'The task');
        return result as TaskResultOf<R['kind']>;
      } catch (error) {
        // Report the caller's abort (with its reason) rather than the engine's own message.
        throwIfAborted(signal, 'The task');
        throw error;
      }
    },
    async tensorCount() {
      return (await engine).tensorCount();
    },
    dispose() {
      void engine.then((instance) => instance.dispose());
    },
  };
}
