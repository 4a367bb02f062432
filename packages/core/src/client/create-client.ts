import { type BackendPreference, parseBackendPreference } from '../backends/backend-name.js';
import type { EngineOptions } from '../engine/engine-options.js';
import type { LoadReport } from '../engine/embedding-engine.js';
import { InvalidInputError } from '@ondevice/errors';
import { defaultEmbeddingModelId, getModelManifest, listModelIds } from '../models/registry.js';
import { createSentimentAnalyzer } from '../sentiment/sentiment-analyzer.js';
import type { SentimentAnalyzer } from '../sentiment/sentiment-types.js';
import { createTaskRunner } from '../tasks/task-runner.js';
import { type ClassifierStore, openClassifierStore } from '../teachable/classifier-store.js';
import { createTeachableClassifier } from '../teachable/teachable-classifier.js';
import type { TeachableClassifier, TeachableOptions } from '../teachable/teachable-types.js';
import { Subscribable } from '../util/subscribable.js';
import { createZeroShotClassifier } from '../zero-shot/zero-shot-classifier.js';
import type { ZeroShotClassifier, ZeroShotOptions } from '../zero-shot/zero-shot-types.js';
import type { EngineConnection } from '../worker/engine-connection.js';
import { createInThreadConnection } from '../worker/in-thread-connection.js';
import { createWorkerConnection } from '../worker/worker-connection.js';
import { readRememberedBackends, rememberBackend } from './backend-memory.js';
import type { Diagnostics } from './diagnostics.js';
import { Embedder } from './embedder.js';
import { ModelHandle } from './model-handle.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * TensorFlow.js backend. `auto` measures the usable candidates with the real model and
   * picks the fastest, remembering the choice per device and model.
   * @default 'auto'
   */
  backend?: BackendPreference;
  /**
   * Run inference in a module Web Worker. Turned off automatically where `Worker` is missing (Node).
   * @default true
   */
  worker?: boolean;
  /**
   * Base URL of model files and wasm binaries. In Node, leaving it unset reads node_modules.
   * @default '/ondevice/' (where `@ondevice/vite` serves them)
   */
  assetBaseUrl?: string;
  /**
   * Time budget, in milliseconds, for measuring backends under `auto`.
   * @default 1500
   */
  autoBackendBudgetMs?: number;
  /**
   * Let `auto` consider a software GPU rasteriser (SwiftShader, llvmpipe).
   * @default false
   */
  allowSoftwareRenderer?: boolean;
  /**
   * Remember the measured backend in localStorage so later visits skip the measurement.
   * @default true
   */
  rememberBackend?: boolean;
  /**
   * `persistent` keeps verified model files in the Cache API (a second visit needs no network);
   * `memory` keeps them for this session only.
   * @default 'persistent'
   */
  modelCache?: 'persistent' | 'memory';
  /** Creates the worker; for bundlers that need their own worker syntax. */
  createWorker?: () => Worker;
}

/** Options of {@link OnDeviceClient.embedder}. */
export interface EmbedderOptions {
  /**
   * Model id.
   * @default 'use-lite'
   */
  model?: string;
  /**
   * Recent embeddings kept in memory (0 turns the cache off).
   * @default 1000
   */
  cacheSize?: number;
  /**
   * Most texts sent to the model in one batch.
   * @default 64
   */
  maxBatchSize?: number;
}

/** The one object an app creates; pass it to `<OnDeviceProvider client>`. */
export interface OnDeviceClient {
  /** An embedder for a model; the same options give the same embedder. */
  embedder(options?: EmbedderOptions): Embedder;
  /**
   * Sentiment of short English texts (positive, negative, or neutral when unsure), from a head
   * trained on SST-2 over USE-lite embeddings; runs in the worker. One analyzer per client.
   */
  sentiment(): SentimentAnalyzer;
  /**
   * A zero-shot classifier over labels described in plain words at run time.
   * @throws {InvalidInputError} when labels are missing, duplicated or malformed.
   */
  zeroShot(options: ZeroShotOptions): ZeroShotClassifier;
  /**
   * A classifier the user teaches with examples, trained in the worker and persisted under
   * `options.id` (IndexedDB, or memory where it is missing). The same id gives the same
   * classifier; its first options win.
   * @throws {InvalidInputError} when the id is empty or the options are malformed.
   */
  teachable(options: TeachableOptions): TeachableClassifier;
  /** The model's observable status handle (loads once per client). */
  model(modelId?: string): ModelHandle;
  /** A snapshot of backend choice, cache, worker and model state. */
  diagnostics(): Diagnostics;
  /** Called whenever diagnostics change. */
  subscribe(listener: () => void): () => void;
  /** Live tfjs tensors on the engine's thread (for leak checks). */
  tensorCount(): Promise<number>;
  /** Stops the worker and drops every model. */
  dispose(): void;
}

class Client extends Subscribable implements OnDeviceClient {
  private readonly backend: BackendPreference;
  private readonly useWorker: boolean;
  private readonly engineOptions: EngineOptions;
  private connectionInstance: EngineConnection | undefined;
  private readonly handles = new Map<string, ModelHandle>();
  private readonly embedders = new Map<string, Embedder>();
  private sentimentAnalyzer: SentimentAnalyzer | undefined;
  private readonly teachables = new Map<string, TeachableClassifier>();
  private classifierStore: Promise<ClassifierStore> | undefined;
  private readonly reports = new Map<string, LoadReport>();
  private restarts = 0;
  private lastFailure: string | null = null;
  private snapshot: Diagnostics | undefined;

  constructor(private readonly options: ClientOptions) {
    super();
    this.backend = parseBackendPreference(options.backend ?? 'auto');
    const budget = options.autoBackendBudgetMs ?? 1500;
    if (!(budget > 0)) {
      throw new InvalidInputError({
        parameter: 'autoBackendBudgetMs',
        message: `autoBackendBudgetMs must be a positive number of milliseconds; got ${String(budget)}.`,
      });
    }
    this.useWorker = (options.worker ?? true) && typeof Worker === 'function';
    this.engineOptions = {
      backend: this.backend,
      assetBaseUrl: options.assetBaseUrl,
      autoBackendBudgetMs: budget,
      allowSoftwareRenderer: options.allowSoftwareRenderer ?? false,
      modelCache: options.modelCache ?? 'persistent',
      rememberedBackends:
        options.rememberBackend === false ? {} : readRememberedBackends(listModelIds()),
    };
  }

  embedder(options: EmbedderOptions = {}): Embedder {
    const modelId = options.model ?? defaultEmbeddingModelId;
    const cacheSize = positiveInteger(options.cacheSize ?? 1000, 'cacheSize', true);
    const maxBatchSize = positiveInteger(options.maxBatchSize ?? 64, 'maxBatchSize', false);
    const key = `${modelId}|${cacheSize}|${maxBatchSize}`;
    let embedder = this.embedders.get(key);
    if (!embedder) {
      embedder = new Embedder(this.model(modelId), this.connection, { cacheSize, maxBatchSize });
      this.embedders.set(key, embedder);
    }
    return embedder;
  }

  sentiment(): SentimentAnalyzer {
    this.sentimentAnalyzer ??= createSentimentAnalyzer(
      createTaskRunner(this.model(defaultEmbeddingModelId), this.connection),
    );
    return this.sentimentAnalyzer;
  }

  zeroShot(options: ZeroShotOptions): ZeroShotClassifier {
    return createZeroShotClassifier(
      createTaskRunner(this.model(defaultEmbeddingModelId), this.connection),
      options,
    );
  }

  teachable(options: TeachableOptions): TeachableClassifier {
    const existing = this.teachables.get(options?.id);
    if (existing) return existing;
    const classifier = createTeachableClassifier(
      createTaskRunner(this.model(defaultEmbeddingModelId), this.connection),
      options,
      getModelManifest(defaultEmbeddingModelId).dimensions,
      () => (this.classifierStore ??= openClassifierStore()),
    );
    this.teachables.set(options.id, classifier);
    return classifier;
  }

  model(modelId: string = defaultEmbeddingModelId): ModelHandle {
    let handle = this.handles.get(modelId);
    if (!handle) {
      getModelManifest(modelId); // throws UnknownModelError listing valid ids
      handle = new ModelHandle(modelId, this.connection, (report) => this.recordLoad(report));
      handle.subscribe(() => this.changed());
      this.handles.set(modelId, handle);
    }
    return handle;
  }

  diagnostics(): Diagnostics {
    this.snapshot ??= this.buildDiagnostics();
    return this.snapshot;
  }

  tensorCount(): Promise<number> {
    return this.connection().tensorCount();
  }

  dispose(): void {
    this.connectionInstance?.dispose();
    this.connectionInstance = undefined;
    for (const handle of this.handles.values()) handle.reset();
  }

  private readonly connection = (): EngineConnection => {
    this.connectionInstance ??= this.useWorker
      ? createWorkerConnection({
          engineOptions: this.engineOptions,
          createWorker: this.options.createWorker ?? createDefaultWorker,
          onFailure: (error) => {
            this.restarts += 1;
            this.lastFailure = error.message;
            for (const handle of this.handles.values()) handle.reset();
            this.changed();
          },
        })
      : createInThreadConnection(this.engineOptions);
    return this.connectionInstance;
  };

  private recordLoad(report: LoadReport) {
    this.reports.set(report.modelId, report);
    if (report.selection.decidedBy === 'measurement' && this.options.rememberBackend !== false) {
      const choice = {
        backend: report.backend,
        candidates: report.selection.candidates,
        measuredAt: new Date().toISOString(),
      };
      rememberBackend(report.modelId, choice);
      this.engineOptions.rememberedBackends[report.modelId] = choice;
    }
    this.changed();
  }

  private changed() {
    this.snapshot = undefined;
    this.notify();
  }

  private buildDiagnostics(): Diagnostics {
    const latest = [...this.reports.values()].at(-1);
    return {
      runtime: 'tfjs',
      backend: { requested: this.backend, selection: latest?.selection ?? null },
      capabilities: latest?.capabilities ?? null,
      modelCache: latest?.cache ?? null,
      worker: { enabled: this.useWorker, restarts: this.restarts, lastFailure: this.lastFailure },
      models: [...this.handles.values()].map((handle) => ({
        id: handle.modelId,
        status: handle.getSnapshot().status,
        loadMilliseconds: this.reports.get(handle.modelId)?.milliseconds ?? null,
      })),
      embedders: [...this.embedders.values()].map((embedder) => ({
        modelId: embedder.modelId,
        ...embedder.stats(),
      })),
    };
  }
}

function createDefaultWorker(): Worker {
  // The `new Worker(new URL(…, import.meta.url))` form is what Vite and other bundlers detect.
  return new Worker(new URL('../worker/worker-entry.js', import.meta.url), {
    type: 'module',
    name: 'ondevice-inference',
  });
}

function positiveInteger(value: number, parameter: string, allowZero: boolean): number {
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new InvalidInputError({
      parameter,
      message: `${parameter} must be an integer ${allowZero ? '≥ 0' : '≥ 1'}; got ${String(value)}.`,
    });
  }
  return value;
}

/**
 * Creates the ondevice client: one per app.
 *
 * @throws {UnknownBackendError} when `backend` is not one of auto, webgpu, webgl, wasm, cpu.
 * @example
 * import { createClient } from '@ondevice/core'
 * const client = createClient({ backend: 'auto' })
 * const { embeddings } = await client.embedder().embed(['Hello world'])
 * const { label } = await client.sentiment().analyze('I love it')
 */
export function createClient(options: ClientOptions = {}): OnDeviceClient {
  return new Client(options);
}
