import { AbortError, OnDeviceError, RuntimeError } from '@ondevice/errors';
import type { OnDeviceClient } from '../client/create-client.js';
import type { ModelHandle } from '../client/model-handle.js';
import type { ModelStatus } from '../runtimes/model-status.js';
import type {
  ChatMessage,
  GenerateOptions,
  GenerationResult,
  TextGenerator,
} from '../tasks/generation/generation-types.js';
import { Subscribable } from '../util/subscribable.js';

/**
 * The state of a {@link GenerationObserver}, as a union on `status`:
 * - `idle`: nothing generated yet;
 * - `loading`: a generation started and no text has come yet (the model may be downloading:
 *   see `progress`);
 * - `generating`: text is streaming in (`text` grows);
 * - `done`: finished; `result` has the whole text, token counts, finish reason and timings;
 * - `stopped`: stopped by `stop()` (or the caller's signal); `text` keeps what came before;
 * - `error`: `error` is a typed {@link OnDeviceError}; `text` keeps what came before.
 * `progress` is the model's load status whatever the generation's.
 *
 * @example
 * const { status, text, progress } = observer.getSnapshot()
 * if (status === 'loading' && progress.status === 'downloading') showBytes(progress.loaded, progress.total)
 */
export type GenerationState = (
  | { status: 'idle'; result: undefined; error: undefined }
  | { status: 'loading'; result: undefined; error: undefined }
  | { status: 'generating'; result: undefined; error: undefined }
  | { status: 'done'; result: GenerationResult; error: undefined }
  | { status: 'stopped'; result: undefined; error: undefined }
  | { status: 'error'; result: undefined; error: OnDeviceError }
) & {
  /** The text generated so far (the new text only, not the prompt). */
  text: string;
  /** The model's load status. */
  progress: ModelStatus;
};

/**
 * Defaults for every `generate()` call of a {@link GenerationObserver}; the call's own options
 * override them.
 *
 * @example
 * observer.setOptions({ maxNewTokens: 64, temperature: 0.7 })
 */
export type GenerationDefaults = Omit<GenerateOptions, 'signal'>;

/**
 * Options of a {@link GenerationObserver}: the generator, and defaults for its calls.
 *
 * @example
 * new GenerationObserver(client, { generator: client.generator({ model }), maxNewTokens: 64 })
 */
export interface GenerationObserverOptions extends GenerationDefaults {
  /** What generates: `client.generator({ model })`. Its model's load status is `progress`. */
  generator: TextGenerator;
}

type Outcome = Omit<GenerationState, 'progress'>;

/** One generation; it owns the observer's state while it is `this.run`. */
interface Run {
  controller: AbortController;
}

/**
 * Runs streamed text generations one at a time and publishes their state (after TanStack
 * Query's observers): `subscribe` / `getSnapshot` for `useSyncExternalStore` or any store,
 * `generate` to start (stopping the one in flight), `stop` to abort. Pieces of text are
 * appended to `text` as they stream in. When the last listener leaves, the generation in
 * flight is stopped (no one is left to read it).
 *
 * @example
 * const observer = new GenerationObserver(client, { generator: client.generator({ model }) })
 * observer.subscribe(() => render(observer.getSnapshot().text))
 * await observer.generate('Once upon a time', { maxNewTokens: 60 })
 */
export class GenerationObserver extends Subscribable {
  private readonly model: ModelHandle;
  private defaults: GenerationDefaults;
  private outcome: Outcome = idle;
  private state: GenerationState;
  private run: Run | undefined;
  private unsubscribeModel: (() => void) | undefined;

  /** The generator this observer runs. */
  readonly generator: TextGenerator;

  constructor(client: OnDeviceClient, options: GenerationObserverOptions) {
    super();
    const { generator, ...defaults } = options;
    this.generator = generator;
    this.model = client.model(generator.modelId);
    this.defaults = defaults;
    this.state = { ...this.outcome, progress: this.model.getSnapshot() } as GenerationState;
  }

  /** The current state; the same object until something changes. */
  getSnapshot = (): GenerationState => {
    if (this.state.progress !== this.model.getSnapshot()) this.state = this.derive();
    return this.state;
  };

  /** Replaces the defaults of later `generate()` calls (a generation in flight keeps its own). */
  setOptions(defaults: GenerationDefaults): void {
    this.defaults = defaults;
  }

  /**
   * Starts generating from a prompt or chat messages, stopping the generation in flight.
   * Resolves with the result when it finishes; with `undefined` when it was stopped,
   * superseded or failed (the failure is in the state as `error`). Never rejects.
   */
  generate = async (
    input: string | readonly ChatMessage[],
    options: GenerateOptions = {},
  ): Promise<GenerationResult | undefined> => {
    this.cancel();
    const run: Run = { controller: new AbortController() };
    this.run = run;
    const signal = options.signal
      ? AbortSignal.any([options.signal, run.controller.signal])
      : run.controller.signal;
    this.publish({ status: 'loading', text: '', result: undefined, error: undefined });
    let text = '';
    try {
      const stream = this.generator.generate(input, {
        ...this.defaults,
        ...defined(options),
        signal,
      });
      for await (const piece of stream) {
        if (this.run !== run) break; // stopped or superseded: leaving the loop stops the stream
        text += piece;
        this.publish({ status: 'generating', text, result: undefined, error: undefined });
      }
      if (this.run !== run) return undefined;
      const result = await stream.result;
      if (this.run !== run) return undefined;
      this.run = undefined;
      // The result's text is the authority (a stop string is never part of it).
      this.publish({ status: 'done', text: result.text, result, error: undefined });
      return result;
    } catch (error) {
      if (this.run !== run) return undefined;
      this.run = undefined;
      if (signal.aborted && AbortError.isInstance(error)) {
        this.publish({ status: 'stopped', text, result: undefined, error: undefined });
      } else {
        this.publish({ status: 'error', text, result: undefined, error: asOnDeviceError(error) });
      }
      return undefined;
    }
  };

  /** Stops the generation in flight (state `stopped`, keeping its text); does nothing otherwise. */
  stop = (): void => {
    if (!this.run) return;
    this.cancel();
    this.publish({ ...this.outcome, status: 'stopped', result: undefined, error: undefined });
  };

  /** Stops the generation in flight and forgets its text: back to `idle`. */
  reset = (): void => {
    this.cancel();
    this.publish(idle);
  };

  /** Stops the generation in flight and drops every listener. */
  destroy(): void {
    this.clearListeners();
    this.unsubscribeModel?.();
    this.unsubscribeModel = undefined;
    this.stop();
  }

  protected override onSubscribe(): void {
    if (this.listenerCount !== 1) return;
    this.unsubscribeModel = this.model.subscribe(() => this.update());
    this.update();
  }

  protected override onUnsubscribe(): void {
    if (this.hasListeners()) return;
    this.unsubscribeModel?.();
    this.unsubscribeModel = undefined;
    this.stop();
  }

  private cancel() {
    const run = this.run;
    this.run = undefined;
    run?.controller.abort();
  }

  private publish(outcome: Outcome) {
    this.outcome = outcome;
    this.state = this.derive();
    this.notify();
  }

  private update() {
    if (this.state.progress === this.model.getSnapshot()) return;
    this.state = this.derive();
    this.notify();
  }

  private derive(): GenerationState {
    return { ...this.outcome, progress: this.model.getSnapshot() } as GenerationState;
  }
}

const idle: Outcome = { status: 'idle', text: '', result: undefined, error: undefined };

/** The options that are set: an `undefined` option of a call leaves the default in place. */
function defined(options: GenerateOptions): GenerateOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as GenerateOptions;
}

function asOnDeviceError(error: unknown): OnDeviceError {
  if (OnDeviceError.isInstance(error)) return error;
  return new RuntimeError({ message: `Text generation failed: ${String(error)}`, cause: error });
}
