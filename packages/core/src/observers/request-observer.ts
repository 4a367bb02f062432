import { AbortError, OnDeviceError, RuntimeError } from '@ondevice/errors';
import type { ModelHandle } from '../client/model-handle.js';
import { Subscribable } from '../util/subscribable.js';
import type { RequestResult } from './request-result.js';

/**
 * Options of a {@link RequestObserver}: what to compute, and when.
 *
 * @example
 * observer.setOptions({ input: text, debounceMs: 150, enabled: text !== '' })
 */
export interface RequestObserverOptions<Input> {
  /** The input; `null`, `undefined` or an empty input means nothing to compute (`idle`). */
  input: Input | null | undefined;
  /**
   * Compute at all; `false` keeps the observer `idle`.
   * @default true
   */
  enabled?: boolean | undefined;
  /**
   * Wait this long after the input last changed before computing it; the first input is
   * computed at once. Typing never waits on the model: the request starts after a pause.
   * @default the observer's (50 ms for sentiment, 150 ms for the other text observers, 0 for embeddings)
   */
  debounceMs?: number | undefined;
  /**
   * While another input computes, keep the last result as `data` (its own input says which).
   * @default the observer's (true, except for embeddings)
   */
  keepPreviousData?: boolean | undefined;
}

/**
 * How a {@link RequestObserver} computes its data.
 *
 * @example
 * const config: RequestObserverConfig<string, SentimentResult> = {
 *   model: client.model(), keyOf: (text) => text, run: (text, signal) => analyze(text, signal),
 *   description: 'Sentiment analysis',
 * }
 */
export interface RequestObserverConfig<Input, Data> {
  /** The model whose load status is reported as `progress`. */
  model: ModelHandle;
  /** Identity of an input: inputs with the same key are the same request. */
  keyOf(input: Input): string;
  /** Inputs with nothing to compute (a blank text, an empty list): the result is `idle`. */
  isEmpty?(input: Input): boolean;
  /** Starts the request; must reject with an `AbortError` when `signal` fires. */
  run(input: Input, signal: AbortSignal): Promise<Data>;
  /** What is computed, for error messages ("Sentiment analysis"). */
  description: string;
  /**
   * While another input computes, keep the last result as `data`, when the options do not say.
   * @default true
   */
  keepPreviousData?: boolean;
  /**
   * Debounce when the options do not set one.
   * @default 0
   */
  debounceMs?: number;
}

type Outcome<Data> =
  | { key: string; data: Data; error?: undefined }
  | { key: string; error: OnDeviceError; data?: undefined };

interface Settings<Input> {
  input: Input | undefined;
  key: string | undefined;
  enabled: boolean;
  debounceMs: number;
  keepPreviousData: boolean;
}

/**
 * Runs one request at a time for a changing input and publishes the result as a
 * {@link RequestResult} (after TanStack Query's `QueryObserver`): `subscribe` / `getSnapshot`
 * for `useSyncExternalStore` (or any framework's store), `setOptions` when the input changes.
 * Work runs only while someone listens. A change of input aborts the request in flight and,
 * after the debounce, starts the new one; the last data stays available meanwhile. The task
 * observers (embeddings, sentiment, zero-shot, teachable predictions, explanations) configure it.
 *
 * @example
 * const observer = new RequestObserver({
 *   model: client.model(),
 *   keyOf: (text: string) => text,
 *   run: (text, signal) => client.sentiment().analyze(text, { signal }),
 *   description: 'Sentiment analysis',
 * })
 * const stop = observer.subscribe(() => console.log(observer.getSnapshot().status))
 * observer.setOptions({ input: 'Great support!', debounceMs: 150 })
 */
export class RequestObserver<Input, Data> extends Subscribable {
  private readonly config: RequestObserverConfig<Input, Data>;
  private settings: Settings<Input>;
  private outcome: Outcome<Data> | undefined;
  private lastData: Data | undefined;
  private request: { key: string; controller: AbortController } | undefined;
  private timer: { key: string; handle: ReturnType<typeof setTimeout> } | undefined;
  private started = false;
  private result: RequestResult<Data>;
  private unsubscribeModel: (() => void) | undefined;

  constructor(config: RequestObserverConfig<Input, Data>) {
    super();
    this.config = config;
    this.settings = {
      input: undefined,
      key: undefined,
      enabled: true,
      debounceMs: config.debounceMs ?? 0,
      keepPreviousData: config.keepPreviousData ?? true,
    };
    this.result = this.derive(this.settings);
  }

  /** The current result; the same object until something changes. */
  getSnapshot = (): RequestResult<Data> => {
    if (this.result.progress !== this.config.model.getSnapshot()) {
      this.result = this.derive(this.settings);
    }
    return this.result;
  };

  /** The result these options will give, without applying them (for the render before `setOptions`). */
  getOptimisticResult(options: RequestObserverOptions<Input>): RequestResult<Data> {
    const settings = this.toSettings(options);
    return sameTarget(settings, this.settings) ? this.getSnapshot() : this.derive(settings);
  }

  /** Applies new options; a new input (by key) aborts the request in flight. */
  setOptions(options: RequestObserverOptions<Input>): void {
    const settings = this.toSettings(options);
    if (
      sameTarget(settings, this.settings) &&
      settings.debounceMs === this.settings.debounceMs &&
      settings.keepPreviousData === this.settings.keepPreviousData
    ) {
      return;
    }
    const keyChanged = settings.key !== this.settings.key;
    this.settings = settings;
    if (keyChanged || !settings.enabled) this.cancel();
    this.update();
    if (this.hasListeners()) this.schedule(false);
  }

  /** Aborts the request in flight and drops every listener. */
  destroy(): void {
    const hadListeners = this.hasListeners();
    this.clearListeners();
    this.unsubscribeModel?.();
    this.unsubscribeModel = undefined;
    if (hadListeners) this.onInactive();
    this.cancel();
  }

  protected override onSubscribe(): void {
    if (this.listenerCount !== 1) return;
    this.unsubscribeModel = this.config.model.subscribe(() => this.update());
    // A new viewer of a failed request tries again (TanStack's retryOnMount).
    if (this.outcome?.error) this.outcome = undefined;
    this.onActive();
    this.update();
    this.schedule(true);
  }

  protected override onUnsubscribe(): void {
    if (this.hasListeners()) return;
    this.unsubscribeModel?.();
    this.unsubscribeModel = undefined;
    this.onInactive();
    this.cancel();
  }

  /**
   * Recomputes the current input although it did not change, because what it is computed
   * against did (a classifier was retrained). The current data stays as `data` meanwhile.
   */
  protected refetch(): void {
    this.cancel();
    this.outcome = undefined;
    this.update();
    if (this.hasListeners()) this.schedule(true);
  }

  /** Called when the first listener arrives: subclasses start watching their sources. */
  protected onActive(): void {}

  /** Called when the last listener leaves. */
  protected onInactive(): void {}

  private toSettings(options: RequestObserverOptions<Input>): Settings<Input> {
    const given = options.input ?? undefined;
    const input = given !== undefined && this.config.isEmpty?.(given) ? undefined : given;
    return {
      input,
      key: input === undefined ? undefined : this.config.keyOf(input),
      enabled: options.enabled ?? true,
      debounceMs: Math.max(0, options.debounceMs ?? this.config.debounceMs ?? 0),
      keepPreviousData: options.keepPreviousData ?? this.config.keepPreviousData ?? true,
    };
  }

  /** Starts the current input's request, at once or after the debounce delay. */
  private schedule(immediate: boolean) {
    const { key, enabled, debounceMs } = this.settings;
    if (!enabled || key === undefined) return;
    if (this.outcome?.key === key || this.request?.key === key || this.timer?.key === key) return;
    this.cancel();
    if (immediate || !this.started || debounceMs === 0) {
      this.execute();
      return;
    }
    const handle = setTimeout(() => {
      this.timer = undefined;
      this.execute();
    }, debounceMs);
    this.timer = { key, handle };
  }

  private execute() {
    const { input, key } = this.settings;
    if (input === undefined || key === undefined) return;
    this.started = true;
    const request = { key, controller: new AbortController() };
    this.request = request;
    let promise: Promise<Data>;
    try {
      promise = this.config.run(input, request.controller.signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (data) => this.settle(request, { key, data }),
      (error: unknown) => {
        if (request.controller.signal.aborted && AbortError.isInstance(error)) return;
        this.settle(request, { key, error: this.asOnDeviceError(error) });
      },
    );
  }

  private settle(
    request: NonNullable<RequestObserver<Input, Data>['request']>,
    outcome: Outcome<Data>,
  ) {
    if (this.request !== request) return; // superseded or cancelled
    this.request = undefined;
    this.outcome = outcome;
    if (outcome.data !== undefined) this.lastData = outcome.data;
    this.update();
  }

  private cancel() {
    if (this.timer) clearTimeout(this.timer.handle);
    this.timer = undefined;
    this.request?.controller.abort();
    this.request = undefined;
  }

  private update() {
    const next = this.derive(this.settings);
    if (sameResult(next, this.result)) return;
    this.result = next;
    this.notify();
  }

  private derive(settings: Settings<Input>): RequestResult<Data> {
    const progress = this.config.model.getSnapshot();
    if (!settings.enabled || settings.key === undefined) {
      return { status: 'idle', data: undefined, error: undefined, progress, isFetching: false };
    }
    const outcome = this.outcome;
    if (outcome && outcome.key === settings.key) {
      return outcome.error
        ? { status: 'error', data: undefined, error: outcome.error, progress, isFetching: false }
        : {
            status: 'success',
            data: outcome.data as Data,
            error: undefined,
            progress,
            isFetching: false,
          };
    }
    const data = settings.keepPreviousData ? this.lastData : undefined;
    return { status: 'loading', data, error: undefined, progress, isFetching: true };
  }

  private asOnDeviceError(error: unknown): OnDeviceError {
    if (OnDeviceError.isInstance(error)) return error;
    return new RuntimeError({
      message: `${this.config.description} failed: ${String(error)}`,
      cause: error,
    });
  }
}

function sameTarget<Input>(left: Settings<Input>, right: Settings<Input>): boolean {
  return (
    left.key === right.key &&
    left.enabled === right.enabled &&
    left.keepPreviousData === right.keepPreviousData
  );
}

function sameResult<Data>(left: RequestResult<Data>, right: RequestResult<Data>): boolean {
  return (
    left.status === right.status &&
    left.data === right.data &&
    left.error === right.error &&
    left.progress === right.progress &&
    left.isFetching === right.isFetching
  );
}
