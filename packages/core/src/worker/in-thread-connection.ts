import type { EngineOptions } from '../engine/engine-options.js';
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
    async tensorCount() {
      return (await engine).tensorCount();
    },
    dispose() {
      void engine.then((instance) => instance.dispose());
    },
  };
}
