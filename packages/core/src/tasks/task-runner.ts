import type { ModelHandle } from '../client/model-handle.js';
import type { EngineConnection } from '../worker/engine-connection.js';
import type { TaskRequest, TaskResultOf } from './task-types.js';

/** Runs classifier tasks with one model: loads it once (shared status), then posts the task. */
export interface TaskRunner {
  readonly modelId: string;
  run<R extends TaskRequest>(request: R, signal?: AbortSignal): Promise<TaskResultOf<R['kind']>>;
}

/**
 * The page side of every classifier: the model handle gives load status and progress to the UI;
 * the connection runs the task in the worker (or in-thread in Node).
 *
 * @example
 * const runner = createTaskRunner(client.model(), connection)
 * const { results } = await runner.run({ kind: 'sentiment', texts: ['Great!'], explain: false })
 */
export function createTaskRunner(
  model: ModelHandle,
  connection: () => EngineConnection,
): TaskRunner {
  return {
    modelId: model.modelId,
    async run(request, signal) {
      await model.load(signal ? { signal } : {});
      return connection().task(model.modelId, request, signal);
    },
  };
}
