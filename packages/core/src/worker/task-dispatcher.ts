import { InvalidInputError } from '@ondevice/errors';
import type { Engine } from '../engine/engine.js';
import { taskHandlers } from '../tasks/task-handlers.js';
import type { TaskHandler, TaskStates } from '../tasks/task-definition.js';

/**
 * A task request as it crosses to the engine: the task's name, its model, its payload, and the
 * instance whose engine-side state it needs (with that state only when the engine asked).
 *
 * @example
 * const envelope: TaskEnvelope = { task: 'sentiment', modelId: 'use-lite', payload: { texts, explain: false } }
 */
export interface TaskEnvelope {
  task: string;
  modelId: string;
  payload: unknown;
  instance?: { id: string; version: number; state?: unknown };
}

/**
 * The engine's answer: the task's result, or a request for the instance's state (the engine
 * does not hold the version the page named).
 *
 * @example
 * if (outcome.kind === 'needs-state') resendWithState()
 */
export type TaskOutcome = { kind: 'result'; result: unknown } | { kind: 'needs-state' };

type AnyHandler = TaskHandler<unknown, unknown, unknown, unknown>;

/**
 * Runs task requests on an engine: creates each task's handler on first use (from the task
 * registry) and keeps the instances' engine-side state by task, model, id and version.
 *
 * @example
 * const dispatch = createTaskDispatcher(engine)
 * const outcome = await dispatch(envelope, () => cancelled)
 */
export function createTaskDispatcher(engine: Engine) {
  const handlers = new Map<string, Promise<AnyHandler>>();
  const instances = new Map<string, { version: number; value: unknown }>();

  const handlerOf = (task: string): Promise<AnyHandler> => {
    let handler = handlers.get(task);
    if (!handler) {
      const load = Object.hasOwn(taskHandlers, task) ? taskHandlers[task] : undefined;
      if (!load) {
        throw new InvalidInputError({
          parameter: 'task',
          message: `No task is registered as "${task}". Tasks: ${Object.keys(taskHandlers).join(', ')}.`,
        });
      }
      handler = load().then((registered) => registered.create());
      handlers.set(task, handler);
      handler.catch(() => handlers.delete(task));
    }
    return handler;
  };

  return async function dispatch(
    envelope: TaskEnvelope,
    isCancelled: () => boolean,
    emit?: (progress: unknown) => void,
  ): Promise<TaskOutcome> {
    const handler = await handlerOf(envelope.task);
    const context = await engine.taskContext(envelope.modelId, isCancelled, emit);
    const keyOf = (id: string) => `${envelope.task}\u0000${envelope.modelId}\u0000${id}`;
    let current: unknown;
    const { instance } = envelope;
    if (instance) {
      const key = keyOf(instance.id);
      let stored = instances.get(key);
      if (stored?.version !== instance.version) {
        if (instance.state === undefined) return { kind: 'needs-state' };
        const value = handler.restore
          ? await handler.restore(instance.state, context)
          : instance.state;
        stored = { version: instance.version, value };
        instances.set(key, stored);
      }
      current = stored.value;
    }
    const states: TaskStates<unknown> = {
      current,
      set: (id, version, value) => instances.set(keyOf(id), { version, value }),
    };
    return { kind: 'result', result: await handler.run(envelope.payload, context, states) };
  };
}
