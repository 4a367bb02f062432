import {
  AbortError,
  type ModelHandle,
  type ModelStatus,
  OnDeviceError,
  RuntimeError,
} from '@ondevice/core';

/**
 * State of a request, as a union on `status`. While the next input computes (`loading`),
 * `data` keeps the last result, which names the input it belongs to, so a view never flickers
 * back to empty between keystrokes. `progress` is the model's status whatever the request's.
 */
export type RequestResult<Data> =
  | { status: 'idle'; data: undefined; error: undefined; progress: ModelStatus }
  | {
      status: 'loading';
      /** The previous input's data (check its text), or `undefined` before the first result. */
      data: Data | undefined;
      error: undefined;
      progress: ModelStatus;
    }
  | { status: 'success'; data: Data; error: undefined; progress: ModelStatus }
  | { status: 'error'; data: undefined; error: OnDeviceError; progress: ModelStatus };

/** Options of a {@link RequestObserver}: what to compute, and when. */
export interface RequestObserverOptions<Input> {
  /** The input; `null` or `undefined` means nothing to compute (`idle`). */
  input: Input | null | undefined;
  /**
   * Compute at all; `false` keeps the observer `idle`.
   * @default true
   */
  enabled?: boolean;
  /**
   * Wait this long after the input last changed before computing it; the first input is
   * computed at once. Typing never waits on the model: the request starts after a pause.
   * @default 0
   */
  debounceMs?: number;
}

/** How a {@link RequestObserver} computes its data. */
export interface RequestObserverConfig<Input, Data> {
  /** The model whose load status is reported as `progress`. */
  model: ModelHandle;
  /** Identity of an input: inputs with the same key are the same request. */
  keyOf(input: Input): string;
  /** Starts the request; must reject with an `AbortError` when `signal` fires. */
  run(input: Input, signal: AbortSignal): Promise<Data>;
  /** What is computed, for error messages ("Sentiment analysis"). */
  description: string;
}

type Outcome<Data> =
  | { key: string; data: Data; error?: undefined }
  | { key: string; error: OnDeviceError; data?: undefined };

interface Settings<Input> {
  input: Input | undefined;
  key: string | undefined;
  enabled: boolean;
  debounceMs: number;
}

/**
 * Runs one request at a time for a changing input and publishes the result (after TanStack
 * Query's `QueryObserver`): `subscribe` / `getSnapshot` for `useSyncExternalStore`,
 * `setOptions` when the input changes. Work runs only while someone listens. A change of input
 * aborts the request in flight and, after `debounceMs`, starts the new one; the last data stays
 * available meanwhile. Framework-free: the per-task observers (sentiment, zero-shot,
 * explanations, teachable predictions) configure it.
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
export class RequestObserver<Input, Data> {
  private readonly config: RequestObserverConfig<Input, Data>;
  private readonly listeners = new Set<() => void>();
  private settings: Settings<Input> = {
    input: undefined,
    key: undefined,
    enabled: true,
    debounceMs: 0,
  };
  private outcome: Outcome<Data> | undefined;
  private lastData: Data | undefined;
  private request: { key: string; controller: AbortController } | undefined;
  private timer: { key: string; handle: ReturnType<typeof setTimeout> } | undefined;
  private started = false;
  private result: RequestResult<Data>;
  private unsubscribeModel: (() => void) | undefined;

  constructor(config: RequestObserverConfig<Input, Data>) {
    this.config = config;
    this.result = this.derive(this.settings);
  }

  /** Registers a listener; the first one starts the work, removing the last one aborts it. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.unsubscribeModel = this.config.model.subscribe(() => this.update());
      // A new viewer of a failed request tries again (TanStack's retryOnMount).
      if (this.outcome?.error) this.outcome = undefined;
      this.onActive();
      this.update();
      this.schedule(true);
    }
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.unsubscribeModel?.();
      this.unsubscribeModel = undefined;
      this.onInactive();
      this.cancel();
    };
  };

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
    if (sameTarget(settings, this.settings) && settings.debounceMs === this.settings.debounceMs) {
      return;
    }
    const keyChanged = settings.key !== this.settings.key;
    this.settings = settings;
    if (keyChanged || !settings.enabled) this.cancel();
    this.update();
    if (this.listeners.size > 0) this.schedule(false);
  }

  /** Aborts the request in flight and drops every listener. */
  destroy(): void {
    const hadListeners = this.listeners.size > 0;
    this.listeners.clear();
    this.unsubscribeModel?.();
    this.unsubscribeModel = undefined;
    if (hadListeners) this.onInactive();
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
    if (this.listeners.size > 0) this.schedule(true);
  }

  /** Called when the first listener arrives: subclasses start watching their sources. */
  protected onActive(): void {}

  /** Called when the last listener leaves. */
  protected onInactive(): void {}

  private toSettings(options: RequestObserverOptions<Input>): Settings<Input> {
    const input = options.input ?? undefined;
    return {
      input,
      key: input === undefined ? undefined : this.config.keyOf(input),
      enabled: options.enabled ?? true,
      debounceMs: Math.max(0, options.debounceMs ?? 0),
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
    for (const listener of [...this.listeners]) listener();
  }

  private derive(settings: Settings<Input>): RequestResult<Data> {
    const progress = this.config.model.getSnapshot();
    if (!settings.enabled || settings.key === undefined) {
      return { status: 'idle', data: undefined, error: undefined, progress };
    }
    const outcome = this.outcome;
    if (outcome && outcome.key === settings.key) {
      return outcome.error
        ? { status: 'error', data: undefined, error: outcome.error, progress }
        : { status: 'success', data: outcome.data as Data, error: undefined, progress };
    }
    return { status: 'loading', data: this.lastData, error: undefined, progress };
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
  return left.key === right.key && left.enabled === right.enabled;
}

function sameResult<Data>(left: RequestResult<Data>, right: RequestResult<Data>): boolean {
  return (
    left.status === right.status &&
    left.data === right.data &&
    left.error === right.error &&
    left.progress === right.progress
  );
}
