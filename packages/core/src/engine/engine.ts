import { yieldToEventLoop } from '../util/yield-to-event-loop.js';
import { AbortError, InvalidInputError, ModelLoadError } from '@ondevice/errors';
import {
  type AssetSource,
  createAssetSource,
  defaultAssetBaseUrl,
  resolveBaseUrl,
} from '../loading/asset-source.js';
import { loadAssetFile } from '../loading/load-asset-file.js';
import { loadModelFiles } from '../loading/load-model-files.js';
import { type ModelFileCache, createModelFileCache } from '../loading/model-cache.js';
import { type ModelCatalog, createModelCatalog } from '../models/model-catalog.js';
import { detectCapabilities } from '../runtimes/capabilities.js';
import type { ModelStatusListener } from '../runtimes/model-status.js';
import { loadRuntimeFactory } from '../runtimes/registry.js';
import {
  type GenerationInput,
  type Runtime,
  type RuntimeGenerateOptions,
  type RuntimeGeneration,
  type RuntimeMemory,
  type RuntimeModel,
  runtimeSpecificationVersion,
} from '../runtimes/runtime.js';
import { createLocationFileReader } from '../loading/load-location-files.js';
import { raceAbort } from '../util/abort.js';
import { isNode, isWorkerScope } from '../util/environment.js';
import type { EngineOptions } from './engine-options.js';
import { runBudgetMs } from './run-planner.js';
import {
  type ClassifiedTexts,
  type ClassifiedTokens,
  classifyTextTokens,
  classifyTexts,
  guardRun,
  requireTask,
  runSequences,
} from './model-runs.js';
import type { LoadReport } from './load-report.js';
import { type TaskContext, TaskResources } from './task-context.js';

/** How long a model on a guessed backend must be idle before the backends are measured. */
const measureAfterIdleMs = 2000;

/**
 * What the engine tells its host outside any request.
 *
 * @example
 * new Engine(options, { onReport: (report) => post({ type: 'report', report }) })
 */
export interface EngineHooks {
  /** A model's load report changed: the backends were measured after a guessed start. */
  onReport?(report: LoadReport): void;
}

/**
 * Vectors of texts, in order, and which texts were longer than the model reads.
 *
 * @example
 * const { vectors, truncated } = await engine.embed('use-lite', texts, () => false)
 */
export interface EmbeddedTexts {
  /** `texts.length × dimensions` floats. */
  vectors: Float32Array;
  /** Per text: the model saw only its first `maxTokens` tokens. */
  truncated: boolean[];
}

export type { ClassifiedTexts, ClassifiedTokens } from './model-runs.js';

interface LoadedModel {
  model: RuntimeModel;
  report: LoadReport;
  /** Cache keys of its files, dropped from memory when it is unloaded. */
  cacheKeys: ReadonlySet<string>;
}

/**
 * A model load shared by its callers. Callers with a signal can leave; when the last one has
 * left (and none without a signal waits), the load is cancelled and forgotten.
 */
interface SharedLoad {
  promise: Promise<LoadedModel>;
  controller: AbortController;
  listeners: Set<ModelStatusListener>;
  /** Callers still waiting; `Infinity` once one without a signal joined (it never leaves). */
  waiting: number;
  settled: boolean;
}

/**
 * Runs models on one thread (a worker, or the page when `worker: false`). A model's manifest
 * names its runtime, which is created on first use from the runtime registry. Requests are
 * queued and run one at a time; a long request is cut into runs of similar token counts and
 * checks for cancellation between them. Tasks get a {@link TaskContext} over the same models.
 *
 * @example
 * const engine = new Engine(options)
 * await engine.load('use-lite', (status) => console.log(status.status))
 * const { vectors } = await engine.embed('use-lite', ['Hello'], () => false)
 */
export class Engine {
  private readonly source: AssetSource;
  private readonly cache: ModelFileCache;
  private readonly catalog: ModelCatalog;
  private readonly runtimes = new Map<string, Promise<Runtime>>();
  private readonly loads = new Map<string, SharedLoad>();
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  /** Embeddings of label descriptions and taught examples, and decoded heads, kept for tasks. */
  private readonly taskResources = new TaskResources();
  /** How long one model run may take on this thread (see run-planner.ts). */
  private readonly runBudgetMs = isWorkerScope() ? runBudgetMs.worker : runBudgetMs.shared;
  /** Requests queued or running, and when the last one started or ended (for idle work). */
  private busy = 0;
  private lastActivity = 0;

  constructor(
    private readonly options: EngineOptions,
    private readonly hooks: EngineHooks = {},
  ) {
    this.source = createAssetSource(options.assetBaseUrl, options.network);
    this.cache = createModelFileCache({ persistent: options.modelCache === 'persistent' });
    // A manifest naming no registered runtime fails its own loads, not the engine.
    this.catalog = createModelCatalog(options.models, undefined, options.modelHost);
  }

  /**
   * Loads a model once (later calls share the first), reporting status as it goes. A caller's
   * `signal` stops its wait; when every caller has stopped waiting, the download is cancelled
   * and the next call starts afresh.
   */
  load(modelId: string, onStatus: ModelStatusListener, signal?: AbortSignal): Promise<LoadReport> {
    let shared = this.loads.get(modelId);
    if (!shared) {
      shared = this.startLoad(modelId, onStatus);
    } else if (shared.settled) {
      void shared.promise.then(
        ({ report }) => onStatus({ status: 'ready', backend: report.backend }),
        () => {},
      );
    }
    return this.join(modelId, shared, onStatus, signal).then(({ report }) => report);
  }

  /**
   * Embeds texts with a loaded (or loading) model, each bounded by the model's token limit.
   * Tokenising and running are cut into slices of a few tens of milliseconds, with a look at
   * the event loop and at `isCancelled` between them, so a cancelled request frees the engine
   * quickly and the thread stays responsive whatever the input.
   *
   * @throws {InvalidInputError} when the model does not give embeddings.
   */
  embed(
    modelId: string,
    texts: readonly string[],
    isCancelled: () => boolean,
  ): Promise<EmbeddedTexts> {
    return this.enqueue(modelId, 'embedding', isCancelled, async (model, check) => {
      requireTask(modelId, model, ['text-embedding'], 'Embeddings');
      const { rows, truncated } = await runSequences(
        model,
        modelId,
        texts,
        (text) => model.tokenize([text], model.maxTokens),
        check,
        this.runBudgetMs,
      );
      return { vectors: rows, truncated };
    });
  }

  /**
   * Label probabilities of texts (text classifiers) or of text pairs (NLI models), run in
   * length-bucketed batches like embeddings.
   *
   * @throws {InvalidInputError} when the model is not a classifier of that kind.
   */
  classify(
    modelId: string,
    inputs: readonly (string | readonly [string, string])[],
    isCancelled: () => boolean,
  ): Promise<ClassifiedTexts> {
    return this.enqueue(modelId, 'classification', isCancelled, (model, check) =>
      classifyTexts(model, modelId, inputs, check, this.runBudgetMs),
    );
  }

  /**
   * Per-token label probabilities with character offsets (token classifiers), run in
   * length-bucketed batches.
   *
   * @throws {InvalidInputError} when the model is not a token classifier.
   */
  classifyTokens(
    modelId: string,
    texts: readonly string[],
    isCancelled: () => boolean,
  ): Promise<ClassifiedTokens> {
    return this.enqueue(modelId, 'entity recognition', isCancelled, (model, check) =>
      classifyTextTokens(model, modelId, texts, check, this.runBudgetMs),
    );
  }

  /**
   * Generates text with a generator model, calling `onText` with each new piece; `isCancelled`
   * is read between tokens (a cancelled generation ends with what it has).
   *
   * @throws {InvalidInputError} when the model is not a text generator.
   */
  generate(
    modelId: string,
    input: GenerationInput,
    options: RuntimeGenerateOptions,
    onText: (text: string) => void,
    isCancelled: () => boolean,
  ): Promise<RuntimeGeneration> {
    return this.enqueue(modelId, 'generation', isCancelled, async (model) => {
      requireTask(modelId, model, ['text-generation'], 'Text generation');
      return guardRun(modelId, () =>
        (model.generate as NonNullable<RuntimeModel['generate']>)(
          input,
          options,
          onText,
          () => isCancelled() || this.disposed,
        ),
      );
    });
  }

  /**
   * Unloads a model: waits for requests already queued, cancels a load in flight, and frees its
   * sessions and tensors. The next use loads it again. Resolves false when it was not loaded.
   */
  unload(modelId: string): Promise<boolean> {
    const shared = this.loads.get(modelId);
    if (!shared) return Promise.resolve(false);
    this.loads.delete(modelId);
    if (!shared.settled) shared.controller.abort();
    const run = this.queue.then(async () => {
      try {
        const { model, cacheKeys } = await shared.promise;
        await model.unload();
        this.taskResources.forget(modelId);
        this.cache.forget(cacheKeys);
        return true;
      } catch {
        return false; // it never loaded: nothing to free
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * What a task running next to `modelId` gets: the loaded model's task and labels, its
   * embeddings with the engine's cache, classification, generation, cancellation, memoised
   * values. Waits for the model's load.
   */
  async taskContext(
    modelId: string,
    isCancelled: () => boolean,
    emit?: (progress: unknown) => void,
  ): Promise<TaskContext> {
    const { model } = await this.join(modelId, this.loads.get(modelId) ?? this.startLoad(modelId));
    const cancelled = () => isCancelled() || this.disposed;
    return this.taskResources.context({
      modelId,
      task: model.task,
      labels: [...(model.labels ?? [])],
      dimensions: model.dimensions,
      isCancelled: cancelled,
      ...(emit ? { emit } : {}),
      embed: async (texts, check) => (await this.embed(modelId, texts, check)).vectors,
      classify: async (inputs) => {
        const { probabilities } = await this.classify(modelId, inputs, cancelled);
        const width = model.dimensions;
        return inputs.map((_, row) => probabilities.slice(row * width, (row + 1) * width));
      },
      classifyTokens: (texts) => this.classifyTokens(modelId, texts, cancelled),
      generate: (input, options, onText) =>
        this.generate(modelId, input, options, onText, cancelled),
    });
  }

  /**
   * Queues work on a model: runs after the requests before it, with the model loaded; the work
   * gets a check that throws {@link AbortError} once the request is cancelled.
   */
  private enqueue<T>(
    modelId: string,
    what: string,
    isCancelled: () => boolean,
    work: (model: RuntimeModel, check: () => void) => Promise<T>,
  ): Promise<T> {
    const check = () => {
      if (isCancelled() || this.disposed) {
        throw new AbortError({ message: `The ${what} request was cancelled.` });
      }
    };
    this.busy += 1;
    this.lastActivity = performance.now();
    // Yield first, so queued requests do not run back to back as one long task on the page.
    const run = this.queue.then(yieldToEventLoop).then(async () => {
      check();
      const { model } = await this.join(
        modelId,
        this.loads.get(modelId) ?? this.startLoad(modelId),
      );
      return work(model, check);
    });
    this.queue = run.catch(() => undefined);
    void this.queue.then(() => {
      this.busy -= 1;
      this.lastActivity = performance.now();
    });
    return run;
  }

  /** Models loaded or loading: 0 when an unload freed the last one. */
  get modelCount(): number {
    return this.loads.size;
  }

  /** Memory of every runtime started on this thread, by runtime name. */
  async memory(): Promise<Record<string, RuntimeMemory>> {
    const entries = await Promise.all(
      [...this.runtimes.entries()].map(async ([name, runtime]) => {
        try {
          return [name, await (await runtime).memory()] as const;
        } catch {
          return undefined; // a runtime that failed to start holds nothing
        }
      }),
    );
    return Object.fromEntries(entries.filter((entry) => entry !== undefined));
  }

  dispose(): void {
    this.disposed = true;
    for (const load of this.loads.values()) {
      load.controller.abort();
      void load.promise.then(
        ({ model }) => model.unload(),
        () => {},
      );
    }
    this.loads.clear();
  }

  private startLoad(modelId: string, onStatus?: ModelStatusListener): SharedLoad {
    const controller = new AbortController();
    // The first caller hears the first status too (0 bytes), reported before join() runs.
    const listeners = new Set<ModelStatusListener>(onStatus ? [onStatus] : []);
    const promise = this.loadModel(
      modelId,
      (status) => {
        for (const listener of listeners) listener(status);
      },
      controller.signal,
    );
    const shared: SharedLoad = { promise, controller, listeners, waiting: 0, settled: false };
    this.loads.set(modelId, shared);
    const forget = () => {
      if (this.loads.get(modelId) === shared) this.loads.delete(modelId);
    };
    promise.then(
      () => {
        shared.settled = true;
      },
      () => {
        shared.settled = true;
        forget(); // a failed load may be retried (the network may come back)
      },
    );
    return shared;
  }

  /** Waits for a shared load as one more caller; see {@link Engine.load}. */
  private join(
    modelId: string,
    shared: SharedLoad,
    onStatus?: ModelStatusListener,
    signal?: AbortSignal,
  ): Promise<LoadedModel> {
    if (shared.settled) return raceAbort(shared.promise, signal, `Loading ${modelId}`);
    if (onStatus) shared.listeners.add(onStatus);
    if (!signal) {
      shared.waiting = Number.POSITIVE_INFINITY;
      return shared.promise;
    }
    shared.waiting += 1;
    const waited = raceAbort(shared.promise, signal, `Loading ${modelId}`);
    const leave = () => {
      if (onStatus) shared.listeners.delete(onStatus);
      shared.waiting -= 1;
      if (shared.waiting > 0 || shared.settled) return;
      // Nobody waits any more: stop the downloads, and let the next call start afresh.
      if (this.loads.get(modelId) === shared) this.loads.delete(modelId);
      shared.controller.abort(signal.reason);
    };
    waited.catch(() => {
      if (signal.aborted) leave();
    });
    return waited;
  }

  private runtime(name: string): Promise<Runtime> {
    let runtime = this.runtimes.get(name);
    if (!runtime) {
      runtime = loadRuntimeFactory(name).then((create) => {
        // In Node, runtimes read their binaries from their own packages.
        const assetBaseUrl = isNode()
          ? undefined
          : resolveBaseUrl(this.options.assetBaseUrl ?? defaultAssetBaseUrl);
        const created = create({
          assetBaseUrl,
          threads: isWorkerScope() || isNode(),
          ...(assetBaseUrl
            ? {
                readAsset: (path, { version, isValid }) =>
                  loadAssetFile({
                    url: new URL(path, assetBaseUrl).href,
                    version,
                    cache: this.cache,
                    network: this.options.network,
                    ...(isValid ? { isValid } : {}),
                  }),
              }
            : {}),
        });
        if (created.specificationVersion !== runtimeSpecificationVersion) {
          throw new InvalidInputError({
            parameter: 'runtime',
            message: `Runtime "${name}" implements interface ${String(created.specificationVersion)}; this engine speaks ${runtimeSpecificationVersion}.`,
          });
        }
        return created;
      });
      this.runtimes.set(name, runtime);
      runtime.catch(() => this.runtimes.delete(name));
    }
    return runtime;
  }

  /**
   * Loads a model within the load timeout: past it, the downloads stop and the load fails with
   * `ModelLoadError` reason `timeout` (a runtime still initialising is left to finish unused).
   */
  private async loadModel(
    modelId: string,
    onStatus: ModelStatusListener,
    signal: AbortSignal,
  ): Promise<LoadedModel> {
    const manifest = this.catalog.get(modelId);
    const { loadTimeoutMs } = this.options.network;
    const timeout = new AbortController();
    let progress = { loaded: 0, total: 0 };
    const timedOut = new Promise<never>((_, reject) => {
      timeout.signal.addEventListener('abort', () => {
        const first = manifest.files[0];
        reject(
          new ModelLoadError({
            url: first ? this.source.locate(first) : (manifest.origin ?? modelId),
            status: undefined,
            reason: 'timeout',
            message: `Loading model ${modelId} took longer than the load timeout of ${loadTimeoutMs} ms (${progress.loaded} of ${progress.total} bytes downloaded). Check the connection, or raise network.loadTimeoutMs.`,
          }),
        );
      });
    });
    const timer = setTimeout(() => timeout.abort(), loadTimeoutMs);
    const work = this.loadModelFiles(
      modelId,
      (status) => {
        if (timeout.signal.aborted) return;
        if (status.status === 'downloading') progress = status;
        onStatus(status);
      },
      AbortSignal.any([signal, timeout.signal]),
    );
    try {
      return await Promise.race([work, timedOut]);
    } finally {
      clearTimeout(timer);
      work.catch(() => {}); // moot once the timeout won
    }
  }

  private async loadModelFiles(
    modelId: string,
    onStatus: ModelStatusListener,
    signal: AbortSignal,
  ): Promise<LoadedModel> {
    const started = performance.now();
    const manifest = this.catalog.get(modelId);
    // The files start downloading (or coming out of the cache) while the runtime's code loads.
    // The cache keys this model reads and writes, so unloading it frees their in-memory copies.
    const cacheKeys = new Set<string>();
    const cache: ModelFileCache = {
      get: (key) => (cacheKeys.add(key), this.cache.get(key)),
      put: (key, bytes) => (cacheKeys.add(key), this.cache.put(key, bytes)),
      forget: (keys) => this.cache.forget(keys),
      diagnostics: () => this.cache.diagnostics(),
    };
    const files = loadModelFiles({
      manifest,
      source: this.source,
      cache,
      retry: this.options.network,
      signal,
      onProgress: (loaded, total) => onStatus({ status: 'downloading', loaded, total }),
    });
    files.catch(() => {}); // a failure reaches the caller through readFiles, or is moot
    const runtime = await this.runtime(manifest.runtime);
    const locationFiles = manifest.location
      ? createLocationFileReader({
          manifest,
          cache,
          network: this.options.network,
          signal,
          onProgress: (loaded, total) => onStatus({ status: 'downloading', loaded, total }),
        })
      : undefined;
    const { model, selection, measure } = await runtime.load({
      manifest,
      ...(locationFiles ? { locationFiles } : {}),
      policy: {
        requested: this.options.backend,
        budgetMs: this.options.autoBackendBudgetMs,
        allowSoftwareRenderer: this.options.allowSoftwareRenderer,
        ...(this.options.rememberedBackends[modelId]
          ? { remembered: this.options.rememberedBackends[modelId] }
          : {}),
      },
      signal,
      readFiles: () => files,
      onInitializing: () => onStatus({ status: 'initializing' }),
    });
    const report: LoadReport = {
      modelId,
      runtime: runtime.name,
      task: model.task,
      ...(model.labels ? { labels: [...model.labels] } : {}),
      ...(model.dtype ? { dtype: model.dtype } : {}),
      dimensions: model.dimensions,
      maxTokens: model.maxTokens,
      backend: model.backend,
      selection,
      capabilities: detectCapabilities(),
      cache: this.cache.diagnostics(),
      milliseconds: performance.now() - started,
    };
    onStatus({ status: 'ready', backend: model.backend });
    const loaded = { model, report, cacheKeys };
    if (measure) this.measureWhenIdle(loaded, measure, signal);
    return loaded;
  }

  /**
   * Measures the backends of a model that started on the probe's guess, once no request has
   * run for {@link measureAfterIdleMs}, as one queued job (requests wait for it, never run
   * beside it); switches to a faster backend when there is one and reports the measured choice.
   * A failed measurement keeps the guess.
   */
  private measureWhenIdle(
    loaded: LoadedModel,
    measure: () => Promise<{ model: RuntimeModel; selection: LoadReport['selection'] }>,
    signal: AbortSignal,
  ): void {
    const attempt = () => {
      if (this.disposed || signal.aborted) return;
      const quiet = performance.now() - this.lastActivity;
      if (this.busy > 0 || quiet < measureAfterIdleMs) {
        later(Math.max(measureAfterIdleMs - quiet, 50));
        return;
      }
      this.busy += 1;
      this.queue = this.queue
        .then(async () => {
          if (this.disposed) return;
          const measured = await measure();
          if (this.disposed) {
            measured.model.unload();
            return;
          }
          const previous = loaded.model;
          loaded.model = measured.model;
          loaded.report = {
            ...loaded.report,
            backend: measured.model.backend,
            selection: measured.selection,
          };
          if (previous !== measured.model) previous.unload();
          this.hooks.onReport?.(loaded.report);
        })
        .catch(() => undefined)
        .finally(() => {
          this.busy -= 1;
          this.lastActivity = performance.now();
        });
    };
    const later = (ms: number) => {
      const timer = setTimeout(attempt, ms);
      // In Node, a pending measurement never keeps the process alive.
      (timer as { unref?: () => void }).unref?.();
    };
    later(measureAfterIdleMs);
  }
}
