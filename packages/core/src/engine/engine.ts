import { AbortError, InvalidInputError, RuntimeError } from '@ondevice/errors';
import {
  type AssetSource,
  createAssetSource,
  defaultAssetBaseUrl,
  resolveBaseUrl,
} from '../loading/asset-source.js';
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
import { isNode, isWorkerScope } from '../util/environment.js';
import type { EngineOptions } from './engine-options.js';
import { RunPlanner, runBudgetMs } from './run-planner.js';
import type { LoadReport } from './load-report.js';
import { type TaskContext, TaskResources } from './task-context.js';

/** Longest stretch of tokenising between two looks at the event loop, in milliseconds. */
const tokenizeSliceMs = 10;

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

const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

interface LoadedModel {
  model: RuntimeModel;
  report: LoadReport;
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
  private readonly loads = new Map<string, Promise<LoadedModel>>();
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  /** Embeddings of label descriptions and taught examples, and decoded heads, kept for tasks. */
  private readonly taskResources = new TaskResources();
  /** Sizes model runs to a time budget, from what runs have cost so far. */
  private readonly planner = new RunPlanner(
    isWorkerScope() ? runBudgetMs.worker : runBudgetMs.shared,
  );

  constructor(private readonly options: EngineOptions) {
    this.source = createAssetSource(options.assetBaseUrl);
    this.cache = createModelFileCache({ persistent: options.modelCache === 'persistent' });
    // A manifest naming no registered runtime fails its own loads, not the engine.
    this.catalog = createModelCatalog(options.models);
  }

  /** Loads a model once (later calls share the first), reporting status as it goes. */
  load(modelId: string, onStatus: ModelStatusListener, signal?: AbortSignal): Promise<LoadReport> {
    let load = this.loads.get(modelId);
    if (!load) {
      load = this.loadModel(modelId, onStatus, signal);
      this.loads.set(modelId, load);
      // A failed load may be retried (the network may come back).
      load.catch(() => this.loads.delete(modelId));
    } else {
      void load.then(
        ({ report }) => onStatus({ status: 'ready', backend: report.backend }),
        () => {},
      );
    }
    return load.then(({ report }) => report);
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
    // Yield first, so queued requests do not run back to back as one long task on the page.
    const run = this.queue.then(yieldToEventLoop).then(async () => {
      check();
      const { model } = await (this.loads.get(modelId) ?? this.loadAndGet(modelId));
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
      const runs = this.planner.plan(lengths);
      for (const [position, group] of runs.entries()) {
        check();
        let vectors: Float32Array;
        const started = performance.now();
        try {
          vectors = await model.run(group.map((index) => tokens[index] as number[]));
        } catch (error) {
          throw new RuntimeError({
            message: `Running ${modelId} failed: ${String(error)}`,
            cause: error,
          });
        }
        this.planner.record(group, lengths, performance.now() - started);
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
    for (const load of this.loads.values())
      void load.then(
        ({ model }) => model.unload(),
        () => {},
      );
    this.loads.clear();
  }

  private loadAndGet(modelId: string) {
    void this.load(modelId, () => {});
    return this.loads.get(modelId) as Promise<LoadedModel>;
  }

  private runtime(name: string): Promise<Runtime> {
    let runtime = this.runtimes.get(name);
    if (!runtime) {
      runtime = loadRuntimeFactory(name).then((create) => {
        const created = create({
          // In Node, runtimes read their binaries from their own packages.
          assetBaseUrl: isNode()
            ? undefined
            : resolveBaseUrl(this.options.assetBaseUrl ?? defaultAssetBaseUrl),
          threads: isWorkerScope() || isNode(),
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

  private async loadModel(
    modelId: string,
    onStatus: ModelStatusListener,
    signal?: AbortSignal,
  ): Promise<LoadedModel> {
    const started = performance.now();
    const manifest = this.catalog.get(modelId);
    // The files start downloading (or coming out of the cache) while the runtime's code loads.
    const files = loadModelFiles({
      manifest,
      source: this.source,
      cache: this.cache,
      ...(signal ? { signal } : {}),
      onProgress: (loaded, total) => onStatus({ status: 'downloading', loaded, total }),
    });
    files.catch(() => {}); // a failure reaches the caller through readFiles, or is moot
    const runtime = await this.runtime(manifest.runtime);
    const { model, selection } = await runtime.load({
      manifest,
      policy: {
        requested: this.options.backend,
        budgetMs: this.options.autoBackendBudgetMs,
        allowSoftwareRenderer: this.options.allowSoftwareRenderer,
        ...(this.options.rememberedBackends[modelId]
          ? { remembered: this.options.rememberedBackends[modelId] }
          : {}),
      },
      ...(signal ? { signal } : {}),
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
    return { model, report };
  }
}
