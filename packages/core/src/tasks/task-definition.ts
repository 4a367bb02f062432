import type { TaskContext } from '../engine/task-context.js';
import type { Limits } from '../util/limits.js';
import type { ModelStatus } from '../runtimes/model-status.js';

/**
 * Names a task and ties the types of its payload (page → engine) and result (engine → page)
 * together, so the page side and the engine-side handler cannot disagree.
 *
 * @example
 * export const sentimentTask = defineTask<SentimentPayload, SentimentResult[]>('sentiment')
 */
export interface TaskDefinition<Payload, Result> {
  readonly name: string;
  /** Type-level only: never set. */
  readonly types?: { payload: Payload; result: Result };
}

/**
 * Declares a task by name.
 *
 * @example
 * export const zeroShotTask = defineTask<ZeroShotPayload, ZeroShotResult[]>('zero-shot')
 */
export function defineTask<Payload, Result>(name: string): TaskDefinition<Payload, Result> {
  return Object.freeze({ name });
}

/**
 * The engine-side state of a task's instances (a trained head, label vectors; an index
 * tomorrow), addressed by instance id and version. The page owns the authoritative copy and
 * sends it when the engine does not hold the version it asks for (a new worker after a crash,
 * or a change the page did not commit).
 *
 * @example
 * const head = states.current?.head
 * states.set(payload.id, payload.version, { ...value, head })
 */
export interface TaskStates<Value> {
  /** The value of the instance the request named, at the version it named. */
  readonly current: Value | undefined;
  /** Keeps `value` as version `version` of instance `id` of this task and model. */
  set(id: string, version: number, value: Value): void;
}

/**
 * The engine side of a task: runs payloads next to the model. `restore` rebuilds an instance's
 * value from the plain state the page sent.
 *
 * @example
 * const handler: TaskHandler<SentimentPayload, SentimentResult[]> = {
 *   run: (payload, context) => analyzeSentiment(payload, context),
 * }
 */
export interface TaskHandler<Payload, Result, State = never, Value = never> {
  restore?(state: State, context: TaskContext): Value | Promise<Value>;
  run(payload: Payload, context: TaskContext, states: TaskStates<Value>): Promise<Result>;
}

/**
 * A task handler with its types erased, as the engine holds it.
 *
 * @example
 * const handler = (await taskHandlers.sentiment?.())?.create()
 */
export interface RegisteredTaskHandler {
  readonly task: TaskDefinition<unknown, unknown>;
  create(): TaskHandler<unknown, unknown, unknown, unknown>;
}

/**
 * Pairs a task with the factory of its engine-side handler, for `tasks/task-handlers.ts`.
 * The engine creates one handler per task and engine; the handler owns its state.
 *
 * @example
 * export const sentimentHandler = defineTaskHandler(sentimentTask, () => ({ run: analyze }))
 */
export function defineTaskHandler<Payload, Result, State, Value>(
  task: TaskDefinition<Payload, Result>,
  create: () => TaskHandler<Payload, Result, State, Value>,
): RegisteredTaskHandler {
  return { task, create } as unknown as RegisteredTaskHandler;
}

/**
 * An instance whose engine-side state a request needs: its id, the version the page holds,
 * and that version's plain state, sent only when the engine asks for it.
 *
 * @example
 * runner.run(teachableTask, payload, { instance: { id, version, state: () => toState(model) } })
 */
export interface TaskInstance<State> {
  id: string;
  version: number;
  state(): State;
}

/**
 * The page side's way to its task handlers: loads the task's model (sharing its status and
 * progress with the UI), then runs the payload next to it (in the worker, or in-thread).
 *
 * @example
 * const results = await runner.run(sentimentTask, { texts: ['Great!'], explain: false }, { signal })
 */
export interface TaskRunner {
  /** The model the task runs with. */
  readonly modelId: string;
  /** The client's limits (texts per call, labels, examples, import size). */
  readonly limits: Limits;
  /** Length of that model's vectors (known once it has loaded, for Transformers.js models). */
  readonly dimensions: number;
  /** Loads the model (shared with every user of it), with progress; a signal stops the wait. */
  load(options?: {
    signal?: AbortSignal;
    onProgress?: (status: ModelStatus) => void;
  }): Promise<void>;
  run<Payload, Result, State>(
    task: TaskDefinition<Payload, Result>,
    payload: Payload,
    options?: {
      signal?: AbortSignal | undefined;
      instance?: TaskInstance<State>;
      /** Hears the task's partial results as they come (generated text). */
      onProgress?: (progress: unknown) => void;
    },
  ): Promise<Result>;
}
