import { yieldToEventLoop } from '../util/yield-to-event-loop.js';
import { AbortError, InvalidInputError, ModelLoadError, RuntimeError } from '@ondevice/errors';
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
  type Runtime,
  type RuntimeMemory,
  type RuntimeModel,
  runtimeSpecificationVersion,
} from '../runtimes/runtime.js';
import { raceAbort } from '../util/abort.js';
import { isNode, isWorkerScope } from '../util/environment.js';
import type { EngineOptions } from './engine-options.js';
import { planRuns, runBudgetMs } from './run-planner.js';
import type { LoadReport } from './load-report.js';
import { type TaskContext, TaskResources } from './task-context.js';

/** Longest stretch of tokenising between two looks at the event loop, in milliseconds. */
const tokenizeSliceMs = 10;

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

interface LoadedModel {
  model: RuntimeModel;
  report: LoadReport;
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
    this.catalog = createModelCatalog(options.models);
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
   */
  embed(
    modelId: string,
    texts: readonly string[],
    isCancelled: () => boolean,
  ): Promise<EmbeddedTexts> {
    const cancelled = () => isCancelled() || this.disposed;
    const check = () => {
      if (cancelled()) throw new AbortError({ message: 'The embedding request was cancelled.' });
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
      const dimensions = model.dimensions;
      const output = new Float32Array(texts.length * dimensions);
      const tokens: number[][] = new Array<number[]>(texts.length);
      const truncated: boolean[] = new Array<boolean>(texts.length);
      let sliceStart = performance.now();
      for (let index = 0; index < texts.length; index += 1) {
        const [encoded] = model.tokenize([texts[index] as string], model.maxTokens);
        tokens[index] = encoded?.tokens ?? [];
        truncated[index] = encoded?.truncated ?? false;
        if (performance.now() - sliceStart > tokenizeSliceMs) {
          await yieldToEventLoop();
          check();
          sliceStart = performance.now();
        }
      }
      const lengths = tokens.map((list) => list.length);
      const runs = planRuns(lengths, this.runBudgetMs);
      for (const [position, group] of runs.entries()) {
        check();
        let vectors: Float32Array;
        try {
          vectors = await model.run(group.map((index) => tokens[index] as number[]));
        } catch (error) {
          throw new RuntimeError({
            message: `Running ${modelId} failed: ${String(error)}`,
            cause: error,
          });
        }
        group.forEach((index, row) => {
          output.set(
            vectors.subarray(row * dimensions, (row + 1) * dimensions),
            index * dimensions,
          );
        });
        // Let cancel messages in (worker) and the page breathe (in-thread) between runs.
        if (position < runs.length - 1) await yieldToEventLoop();
      }
      return { vectors: output, truncated };
    });
    this.queue = run.catch(() => undefined);
    void this.queue.then(() => {
      this.busy -= 1;
      this.lastActivity = performance.now();
    });
    return run;
  }

  /**
   * What a task running next to `modelId` gets: embeddings with the engine's cache,
   * cancellation, memoised values.
   */
  taskContext(modelId: string, isCancelled: () => boolean): TaskContext {
    return this.taskResources.context({
      modelId,
      dimensions: this.catalog.get(modelId).dimensions,
      isCancelled: () => isCancelled() || this.disposed,
      embed: async (texts, cancelled) => (await this.embed(modelId, texts, cancelled)).vectors,
    });
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
            url: first ? this.source.locate(first) : modelId,
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
    const files = loadModelFiles({
      manifest,
      source: this.source,
      cache: this.cache,
      retry: this.options.network,
      signal,
      onProgress: (loaded, total) => onStatus({ status: 'downloading', loaded, total }),
    });
    files.catch(() => {}); // a failure reaches the caller through readFiles, or is moot
    const runtime = await this.runtime(manifest.runtime);
    const { model, selection, measure } = await runtime.load({
      manifest,
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
      dimensions: model.dimensions,
      maxTokens: model.maxTokens,
      backend: model.backend,
      selection,
      capabilities: detectCapabilities(),
      cache: this.cache.diagnostics(),
      milliseconds: performance.now() - started,
    };
    onStatus({ status: 'ready', backend: model.backend });
    const loaded = { model, report };
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
