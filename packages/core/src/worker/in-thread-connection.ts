import type { EngineHooks } from '../engine/engine.js';
import type { EngineOptions } from '../engine/engine-options.js';
import { abortErrorFor, throwIfAborted } from '../util/abort.js';
import type { EngineConnection } from './engine-connection.js';

/**
 * Runs the engine on the calling thread (`worker: false`, Node). The engine loads lazily.
 *
 * @example
 * const connection = createInThreadConnection(engineOptions)
 */
export function createInThreadConnection(
  options: EngineOptions,
  hooks: EngineHooks = {},
): EngineConnection {
  const started = Promise.all([import('../engine/engine.js'), import('./task-dispatcher.js')]).then(
    ([{ Engine }, { createTaskDispatcher }]) => {
      const engine = new Engine(options, hooks);
      return { engine, dispatch: createTaskDispatcher(engine) };
    },
  );
  return {
    kind: 'in-thread',
    async load(modelId, onStatus, signal) {
      return (await started).engine.load(modelId, onStatus, signal);
    },
    async embed(modelId, texts, signal) {
      throwIfAborted(signal, 'Embedding');
      const { engine } = await started;
      const embedded = await engine.embed(modelId, texts, () => signal?.aborted === true);
      if (signal?.aborted) throw abortErrorFor(signal, 'Embedding');
      return embedded;
    },
    async task(envelope, signal, onProgress) {
      throwIfAborted(signal, 'The task');
      const { dispatch } = await started;
      try {
        // A structured copy, as across the worker boundary: the engine keeps no caller's object.
        const outcome = await dispatch(
          structuredClone(envelope),
          () => signal?.aborted === true,
          onProgress ? (progress) => onProgress(structuredClone(progress)) : undefined,
        );
        throwIfAborted(signal, 'The task');
        return outcome;
      } catch (error) {
        // Report the caller's abort (with its reason) rather than the engine's own message.
        throwIfAborted(signal, 'The task');
        throw error;
      }
    },
    async unload(modelId) {
      return (await started).engine.unload(modelId);
    },
    async memory() {
      return (await started).engine.memory();
    },
    dispose() {
      // An engine that failed to start has nothing to dispose (its error reached the callers).
      started.then(
        ({ engine }) => engine.dispose(),
        () => {},
      );
    },
  };
}
