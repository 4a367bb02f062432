import type { BackendName } from '../backends/backend-name.js';
import { type Capabilities, detectCapabilities } from '../backends/capabilities.js';
import { probeWebGl, probeWebGpu } from '../backends/probe-gpu.js';
import { type BackendSelection, selectBackend } from '../backends/select-backend.js';
import { AbortError } from '@ondevice/errors';
import { RuntimeError } from '@ondevice/errors';
import {
  type AssetSource,
  createAssetSource,
  defaultAssetBaseUrl,
  resolveBaseUrl,
} from '../loading/asset-source.js';
import { isNode, isWorkerScope } from '../util/environment.js';
import { loadModelFiles } from '../loading/load-model-files.js';
import {
  type CacheDiagnostics,
  type ModelFileCache,
  createModelFileCache,
} from '../loading/model-cache.js';
import { getModelManifest } from '../models/registry.js';
import { runTask } from '../tasks/run-task.js';
import { TaskResources } from '../tasks/task-context.js';
import type { TaskRequest, TaskResult } from '../tasks/task-types.js';
import type { EngineOptions } from './engine-options.js';
import type { ModelStatusListener } from './model-status.js';
import { groupByLength } from './length-groups.js';
import { type Tfjs, type WasmSettings, activateBackend, loadTfjs } from './tfjs-runtime.js';
import { UseLiteModel } from './use-lite-model.js';

/** What a finished load reports back to the client. */
export interface LoadReport {
  modelId: string;
  dimensions: number;
  backend: BackendName;
  selection: BackendSelection;
  capabilities: Capabilities;
  cache: CacheDiagnostics;
  /** Milliseconds from the load request to ready. */
  milliseconds: number;
}

const probeSentences = [
  'The quick brown fox jumps over the lazy dog.',
  'How do I reset my password?',
  'Quarterly revenue grew faster than expected.',
  'This restaurant was a pleasant surprise.',
];

/**
 * How texts are grouped into model runs: similar token counts (longest at most twice the
 * shortest), at least 8 texts per run unless fewer remain, at most 128 so cancellation is
 * checked often.
 */
const groupOptions = { maximumRatio: 2, minimumSize: 8, maximumSize: 128 };

const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs models on one thread (a worker, or the page when `worker: false`). Requests are queued
 * and run one at a time; a long request is cut into slices and checks for cancellation
 * between them.
 */
export class EmbeddingEngine {
  private readonly source: AssetSource;
  private readonly cache: ModelFileCache;
  private readonly wasm: WasmSettings;
  private readonly loads = new Map<string, Promise<{ model: UseLiteModel; report: LoadReport }>>();
  private selection: Promise<BackendSelection> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  /** Embeddings of label descriptions and taught examples, and decoded heads, kept for tasks. */
  private readonly taskResources = new TaskResources();

  constructor(private readonly options: EngineOptions) {
    this.source = createAssetSource(options.assetBaseUrl);
    this.cache = createModelFileCache({ persistent: options.modelCache === 'persistent' });
    // In Node, tfjs-backend-wasm reads its binary from its own package directory.
    this.wasm = {
      // In Node, tfjs-backend-wasm reads its binary from its own package directory.
      baseUrl: isNode()
        ? undefined
        : `${resolveBaseUrl(options.assetBaseUrl ?? defaultAssetBaseUrl)}wasm/`,
      threads: isWorkerScope() || isNode(),
    };
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

  /** Embeds texts with a loaded (or loading) model; one flat array of floats. */
  embed(
    modelId: string,
    texts: readonly string[],
    isCancelled: () => boolean,
  ): Promise<Float32Array> {
    // Yield first, so queued requests do not run back to back as one long task on the page.
    const run = this.queue.then(yieldToEventLoop).then(async () => {
      const { model } = await (this.loads.get(modelId) ?? this.loadAndGet(modelId));
      const dimensions = model.dimensions;
      const output = new Float32Array(texts.length * dimensions);
      const tokens = model.tokenize(texts);
      // A run costs about (texts × longest text): run similar lengths together.
      const groups = groupByLength(
        tokens.map((list) => list.length),
        groupOptions,
      );
      for (const [position, group] of groups.entries()) {
        if (isCancelled() || this.disposed) {
          throw new AbortError({ message: 'The embedding request was cancelled.' });
        }
        let vectors: Float32Array;
        try {
          vectors = await model.embedTokens(group.map((index) => tokens[index] as number[]));
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
        if (position < groups.length - 1) await yieldToEventLoop();
      }
      return output;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs a classifier task (sentiment, zero-shot, teachable training or prediction) with a
   * model: the texts it needs are embedded here, on this thread, and only scores come back.
   */
  runTask(modelId: string, request: TaskRequest, isCancelled: () => boolean): Promise<TaskResult> {
    const context = this.taskResources.context({
      modelId,
      isCancelled: () => isCancelled() || this.disposed,
      embed: (texts, cancelled) => this.embed(modelId, texts, cancelled),
    });
    return runTask(request, context);
  }

  /** Number of live tfjs tensors on this thread (for leak tests). */
  async tensorCount(): Promise<number> {
    return (await loadTfjs()).tf.memory().numTensors;
  }

  dispose(): void {
    this.disposed = true;
    for (const load of this.loads.values())
      void load.then(
        ({ model }) => model.dispose(),
        () => {},
      );
    this.loads.clear();
  }

  private loadAndGet(modelId: string) {
    void this.load(modelId, () => {});
    return this.loads.get(modelId) as Promise<{ model: UseLiteModel; report: LoadReport }>;
  }

  private async loadModel(modelId: string, onStatus: ModelStatusListener, signal?: AbortSignal) {
    const started = performance.now();
    const manifest = getModelManifest(modelId);
    const runtime = loadTfjs();
    const files = await loadModelFiles({
      manifest,
      source: this.source,
      cache: this.cache,
      signal,
      onProgress: (loaded, total) => onStatus({ status: 'downloading', loaded, total }),
    });
    onStatus({ status: 'initializing' });
    const tfjs = await runtime;
    const tokenizer = await UseLiteModel.createTokenizer(files, manifest);
    const build = () => UseLiteModel.create(tfjs, files, manifest, tokenizer);
    const trials = new Map<BackendName, UseLiteModel>();
    this.selection ??= this.select(modelId, tfjs, async (name) => {
      const model = await build();
      trials.set(name, model);
      return model;
    });
    const selection = await this.selection;
    for (const [name, trial] of trials) if (name !== selection.chosen) trial.dispose();
    await activateBackend(tfjs, selection.chosen, this.wasm);
    const model = trials.get(selection.chosen) ?? (await build());
    const report: LoadReport = {
      modelId,
      dimensions: manifest.dimensions,
      backend: selection.chosen,
      selection,
      capabilities: detectCapabilities(),
      cache: this.cache.diagnostics(),
      milliseconds: performance.now() - started,
    };
    onStatus({ status: 'ready', backend: selection.chosen });
    return { model, report };
  }

  private select(modelId: string, tfjs: Tfjs, build: (name: BackendName) => Promise<UseLiteModel>) {
    const capabilities = detectCapabilities();
    return selectBackend({
      requested: this.options.backend,
      budgetMs: this.options.autoBackendBudgetMs,
      remembered: this.options.rememberedBackends[modelId],
      hooks: {
        probe: async (name) => {
          if (name === 'cpu') return { usable: true };
          if (name === 'wasm') {
            return capabilities.wasm
              ? { usable: true, device: describeWasm(capabilities, this.wasm.threads) }
              : { usable: false, reason: 'WebAssembly is not available' };
          }
          const gpu = name === 'webgpu' ? await probeWebGpu() : probeWebGl();
          if (!gpu.available) return { usable: false, reason: gpu.reason ?? 'not available' };
          if (
            gpu.software &&
            !this.options.allowSoftwareRenderer &&
            this.options.backend === 'auto'
          ) {
            return {
              usable: false,
              reason: `software renderer (${gpu.device ?? 'unknown'}) is never chosen by default; set allowSoftwareRenderer to measure it`,
            };
          }
          return { usable: true, ...(gpu.device ? { device: gpu.device } : {}) };
        },
        measure: async (name) => {
          await activateBackend(tfjs, name, this.wasm);
          const model = await build(name);
          await model.embed(probeSentences.slice(0, 1));
          const start = performance.now();
          await model.embed(probeSentences);
          const milliseconds = performance.now() - start;
          return {
            milliseconds,
            sentencesPerSecond: (probeSentences.length * 1000) / milliseconds,
          };
        },
      },
    });
  }
}

function describeWasm(capabilities: Capabilities, threadsAllowed: boolean): string {
  const features = [capabilities.wasmSimd ? 'SIMD' : 'no SIMD'];
  features.push(
    !threadsAllowed && capabilities.wasmThreads
      ? 'single-threaded (threads are used only in the worker)'
      : capabilities.wasmThreads
        ? `threads (${capabilities.hardwareConcurrency})`
        : 'single-threaded (page not cross-origin isolated)',
  );
  return `WebAssembly, ${features.join(', ')}`;
}
