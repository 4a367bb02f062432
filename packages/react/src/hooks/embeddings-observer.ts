import {
  AbortError,
  type EmbedResult,
  type Embedder,
  type ModelHandle,
  type ModelStatus,
  OnDeviceError,
  RuntimeError,
} from '@ondevice/core';
import { textsEqual } from './texts-equal.js';

/** Embeddings together with the texts they were computed for. */
export interface EmbeddingsData extends EmbedResult {
  /** The input texts, in the order of `embeddings`. */
  texts: readonly string[];
}

/**
 * State of an embeddings request, as a union on `status`. `progress` is the model's status
 * (downloading bytes, initializing, ready) whatever the request's state.
 */
export type EmbeddingsResult =
  | { status: 'idle'; data: undefined; error: undefined; progress: ModelStatus }
  | {
      status: 'loading';
      /** The previous texts' data when `keepPreviousData` is set, else `undefined`. */
      data: EmbeddingsData | undefined;
      error: undefined;
      progress: ModelStatus;
    }
  | { status: 'success'; data: EmbeddingsData; error: undefined; progress: ModelStatus }
  | { status: 'error'; data: undefined; error: OnDeviceError; progress: ModelStatus };

/** What an {@link EmbeddingsObserver} computes. */
export interface EmbeddingsObserverOptions {
  /** Texts to embed; `null`, `undefined` or an empty list means nothing to do (`idle`). */
  texts: readonly string[] | null | undefined;
  /**
   * Compute at all; `false` keeps the observer `idle`.
   * @default true
   */
  enabled?: boolean;
  /**
   * While new texts are computed, keep returning the last result (with its own `texts`).
   * @default false
   */
  keepPreviousData?: boolean;
}

type Outcome =
  | { texts: readonly string[]; data: EmbeddingsData; error?: undefined }
  | { texts: readonly string[]; error: OnDeviceError; data?: undefined };

interface Settings {
  texts: readonly string[];
  enabled: boolean;
  keepPreviousData: boolean;
}

const noTexts: readonly string[] = Object.freeze([]);

/**
 * Embeds a list of texts and publishes the result (after TanStack Query's `QueryObserver`):
 * `subscribe` / `getSnapshot` for `useSyncExternalStore`, `setOptions` when inputs change.
 * Work runs only while someone listens; a request whose texts changed, or whose last listener
 * left, is aborted. Framework-free, so it can move into `@ondevice/core` unchanged.
 *
 * @example
 * const observer = new EmbeddingsObserver({
 *   embedder: client.embedder(),
 *   model: client.model(),
 * })
 * observer.setOptions({ texts: ['cat', 'kitten'] })
 * const stop = observer.subscribe(() => console.log(observer.getSnapshot().status))
 */
export class EmbeddingsObserver {
  private readonly embedder: Embedder;
  private readonly model: ModelHandle;
  private readonly listeners = new Set<() => void>();
  private settings: Settings = { texts: noTexts, enabled: true, keepPreviousData: false };
  private outcome: Outcome | undefined;
  private request: { texts: readonly string[]; controller: AbortController } | undefined;
  private result: EmbeddingsResult;
  private unsubscribeModel: (() => void) | undefined;

  constructor(options: { embedder: Embedder; model: ModelHandle }) {
    this.embedder = options.embedder;
    this.model = options.model;
    this.result = this.derive(this.settings);
  }

  /** Registers a listener; the first one starts the work, removing the last one aborts it. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.unsubscribeModel = this.model.subscribe(() => this.update());
      // Like TanStack's retryOnMount: a new viewer of a failed request tries again.
      if (this.outcome?.error) this.outcome = undefined;
      this.update();
      this.execute();
    }
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.unsubscribeModel?.();
      this.unsubscribeModel = undefined;
      this.cancel();
    };
  };

  /** The current result; the same object until something changes. */
  getSnapshot = (): EmbeddingsResult => {
    if (this.result.progress !== this.model.getSnapshot()) this.result = this.derive(this.settings);
    return this.result;
  };

  /** The result these options will give, without applying them (for the render before `setOptions`). */
  getOptimisticResult(options: EmbeddingsObserverOptions): EmbeddingsResult {
    const settings = toSettings(options);
    return sameSettings(settings, this.settings) ? this.getSnapshot() : this.derive(settings);
  }

  /** Applies new options; a change of texts (by content) aborts the request in flight. */
  setOptions(options: EmbeddingsObserverOptions): void {
    const settings = toSettings(options);
    if (sameSettings(settings, this.settings)) return;
    const textsChanged = !textsEqual(settings.texts, this.settings.texts);
    // Our own frozen copy: the caller may reuse and mutate its array.
    this.settings = {
      ...settings,
      texts: textsChanged ? Object.freeze([...settings.texts]) : this.settings.texts,
    };
    if (textsChanged || !settings.enabled) this.cancel();
    this.update();
    if (this.listeners.size > 0) this.execute();
  }

  /** Aborts the request in flight and drops every listener. */
  destroy(): void {
    this.listeners.clear();
    this.unsubscribeModel?.();
    this.unsubscribeModel = undefined;
    this.cancel();
  }

  private execute() {
    const { texts, enabled } = this.settings;
    if (!enabled || texts.length === 0) return;
    if (this.outcome && textsEqual(this.outcome.texts, texts)) return;
    if (this.request && textsEqual(this.request.texts, texts)) return;
    this.cancel();
    const request = { texts, controller: new AbortController() };
    this.request = request;
    this.embedder.embed(texts, { signal: request.controller.signal }).then(
      (result) => this.settle(request, { texts, data: { ...result, texts } }),
      (error: unknown) => {
        if (request.controller.signal.aborted && AbortError.isInstance(error)) return;
        this.settle(request, { texts, error: asOnDeviceError(error) });
      },
    );
  }

  private settle(request: NonNullable<EmbeddingsObserver['request']>, outcome: Outcome) {
    if (this.request !== request) return; // superseded or cancelled
    this.request = undefined;
    this.outcome = outcome;
    this.update();
  }

  private cancel() {
    this.request?.controller.abort();
    this.request = undefined;
  }

  private update() {
    const next = this.derive(this.settings);
    if (sameResult(next, this.result)) return;
    this.result = next;
    for (const listener of [...this.listeners]) listener();
  }

  private derive(settings: Settings): EmbeddingsResult {
    const progress = this.model.getSnapshot();
    if (!settings.enabled || settings.texts.length === 0) {
      return { status: 'idle', data: undefined, error: undefined, progress };
    }
    const outcome = this.outcome;
    if (outcome && textsEqual(outcome.texts, settings.texts)) {
      return outcome.error
        ? { status: 'error', data: undefined, error: outcome.error, progress }
        : { status: 'success', data: outcome.data, error: undefined, progress };
    }
    const previous = settings.keepPreviousData ? outcome?.data : undefined;
    return { status: 'loading', data: previous, error: undefined, progress };
  }
}

function toSettings(options: EmbeddingsObserverOptions): Settings {
  return {
    texts: options.texts ?? noTexts,
    enabled: options.enabled ?? true,
    keepPreviousData: options.keepPreviousData ?? false,
  };
}

function sameSettings(left: Settings, right: Settings): boolean {
  return (
    left.enabled === right.enabled &&
    left.keepPreviousData === right.keepPreviousData &&
    textsEqual(left.texts, right.texts)
  );
}

function sameResult(left: EmbeddingsResult, right: EmbeddingsResult): boolean {
  return (
    left.status === right.status &&
    left.data === right.data &&
    left.error === right.error &&
    left.progress === right.progress
  );
}

function asOnDeviceError(error: unknown): OnDeviceError {
  if (OnDeviceError.isInstance(error)) return error;
  return new RuntimeError({
    message: `Computing embeddings failed: ${String(error)}`,
    cause: error,
  });
}
