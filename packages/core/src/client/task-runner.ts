import { RuntimeError } from '@ondevice/errors';
import { throwIfAborted } from '../util/abort.js';
import type { TaskRunner } from '../tasks/task-definition.js';
import type { EngineConnection } from '../worker/engine-connection.js';
import type { Limits } from '../util/limits.js';
import type { ModelHandle } from './model-handle.js';

/**
 * The client's {@link TaskRunner} for one model: the model handle loads the model once and
 * gives its status and progress to the UI; the connection runs the task in the worker (or
 * in-thread in Node). When the engine does not hold the version of an instance's state that a
 * request names (a new worker after a crash), the state is sent and the request made again.
 *
 * @example
 * const runner = createTaskRunner(client.model(), connection, 512, defaultLimits)
 * const results = await runner.run(sentimentTask, { texts: ['Great!'], explain: false })
 */
export function createTaskRunner(
  model: ModelHandle,
  connection: () => EngineConnection,
  dimensions: () => number,
  limits: Limits,
): TaskRunner {
  return {
    modelId: model.modelId,
    get dimensions() {
      return dimensions();
    },
    limits,
    async load(options = {}) {
      await model.load(options);
    },
    async run(task, payload, options = {}) {
      const { signal, instance, onProgress } = options;
      // The task names an abort, whether the model was still loading or not.
      const what = `The ${task.name} task`;
      throwIfAborted(signal, what);
      await model.load(signal ? { signal } : {}).catch((error: unknown) => {
        throwIfAborted(signal, what);
        throw error;
      });
      throwIfAborted(signal, what);
      const envelope = {
        task: task.name,
        modelId: model.modelId,
        payload,
        ...(instance ? { instance: { id: instance.id, version: instance.version } } : {}),
      };
      let outcome = await connection().task(envelope, signal, onProgress);
      if (outcome.kind === 'needs-state' && instance) {
        const withState = {
          ...envelope,
          instance: { ...envelope.instance, state: instance.state() },
        };
        outcome = await connection().task(withState as typeof envelope, signal, onProgress);
      }
      if (outcome.kind !== 'result') {
        throw new RuntimeError({
          message: `The engine asked for the state of ${task.name} instance "${instance?.id ?? '(none)'}" twice.`,
        });
      }
      return outcome.result as never;
    },
  };
}
