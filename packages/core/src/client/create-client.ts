import { describeValue } from '../util/describe-value.js';
import { InvalidInputError } from '@ondevice/errors';
import type { EngineOptions } from '../engine/engine-options.js';
import type { LoadReport } from '../engine/load-report.js';
import { type ModelCatalog, createModelCatalog } from '../models/model-catalog.js';
import type { ModelManifest } from '../models/model-manifest.js';
import { defaultEmbeddingModelId, sameEmbeddingSpace } from '../models/registry.js';
import { defaultModelHost } from '../models/model-reference.js';
import { createEntityRecognizer, entitySettings } from '../tasks/entities/entity-recognizer.js';
import type { EntityRecognizer, EntityRecognizerOptions } from '../tasks/entities/entity-types.js';
import { createTextGenerator } from '../tasks/generation/text-generator.js';
import type { TextGenerator, TextGeneratorOptions } from '../tasks/generation/generation-types.js';
import { type BackendPreference, parseBackendPreference } from '../runtimes/backend-name.js';
import { readRememberedBackends, rememberBackend } from '../runtimes/backend-memory.js';
import type { RuntimeMemory } from '../runtimes/runtime.js';
import { createSentimentAnalyzer } from '../tasks/sentiment/sentiment-analyzer.js';
import type {
  SentimentAnalyzer,
  SentimentAnalyzerOptions,
} from '../tasks/sentiment/sentiment-types.js';
import { type ClassifierStore, openClassifierStore } from '../tasks/teachable/classifier-store.js';
import {
  createTeachableClassifier,
  teachableSettings,
} from '../tasks/teachable/teachable-classifier.js';
import type { TeachableClassifier, TeachableOptions } from '../tasks/teachable/teachable-types.js';
import {
  createZeroShotClassifier,
  zeroShotSettings,
} from '../tasks/zero-shot/zero-shot-classifier.js';
import type { ZeroShotClassifier, ZeroShotOptions } from '../tasks/zero-shot/zero-shot-types.js';
import { LazyRecommender } from '../recommend/lazy-recommender.js';
import { recommenderSettings } from '../recommend/recommender-settings.js';
import type { Recommender, RecommenderOptions } from '../recommend/recommend-types.js';
import { LazySearchIndex } from '../search/lazy-search-index.js';
import { searchSettings } from '../search/search-settings.js';
import type { SearchDocument, SearchIndex, SearchIndexOptions } from '../search/search-types.js';
import { type RecordStore, openRecordStore } from '../util/record-store.js';
import { Subscribable } from '../util/subscribable.js';
import type { EngineConnection } from '../worker/engine-connection.js';
import { createInThreadConnection } from '../worker/in-thread-connection.js';
import { createWorkerConnection } from '../worker/worker-connection.js';
import type { Diagnostics } from './diagnostics.js';
import { Embedder, type EmbedderOptions } from './embedder.js';
import { InstanceCache } from './instance-cache.js';
import { type Limits, resolveLimits } from '../util/limits.js';
import { type NetworkOptions, resolveNetworkOptions } from '../loading/network-options.js';
import { resolveAssetBaseUrl } from './resolve-asset-base-url.js';
import { ModelHandle } from './model-handle.js';
import { validateClientOptions } from './validate-client-options.js';
import { checkOptions, optionRules } from '../util/check-options.js';

const embedderOptionRules = {
  model: optionRules.string,
  cacheSize: optionRules.any,
  maxBatchSize: optionRules.any,
  id: optionRules.string,
};
import { createTaskRunner } from './task-runner.js';

/** The model the shipped sentiment head was trained on. */
const sentimentModelId = 'use-lite';

/**
 * Options of {@link createClient}.
 *
 * @example
 * createClient({ backend: 'auto', worker: true, assetBaseUrl: '/ondevice/' })
 */
export interface ClientOptions {
  /**
   * Backend. `auto` measures the usable candidates with the real model and picks the fastest,
   * remembering the choice per device and model.
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
  /**
   * The app's own model manifests, beside the built-in ones; each names a registered runtime.
   * @default []
   */
  models?: readonly ModelManifest[];
  /**
   * Where Transformers.js models named by hub id (`owner/name`) are downloaded from: the Hugging
   * Face Hub, or a mirror with the same layout (`<host><id>/resolve/<revision>/<file>`).
   * @default 'https://huggingface.co/'
   */
  modelHost?: string;
  /**
   * The model of embedders, zero-shot and teachable classifiers whose options name none.
   * @default 'use-lite'
   */
  defaultModel?: string;
  /**
   * Bounds on texts per call, labels, examples and import size; each call over one fails with
   * `LimitExceededError`. See {@link Limits} for the defaults.
   */
  limits?: Partial<Limits>;
  /**
   * Stall and load timeouts of model downloads, and retries of transient failures; a load
   * that runs out of them fails with `ModelLoadError` (reason `stalled`, `timeout`, `http`,
   * `network`). See {@link NetworkOptions} for the defaults.
   */
  network?: Partial<NetworkOptions>;
}

/**
 * The one object an app creates; pass it to `<OnDeviceProvider client>`. Every factory follows
 * one caching rule: with an `id`, the same id gives the same instance and another value for an
 * option it was created with is an `InvalidInputError`; without one, equal options give the
 * same instance.
 *
 * @example
 * const client = createClient()
 * const { embeddings } = await client.embedder().embed(['Hello world'])
 * const { label } = await client.sentiment().analyze('I love it')
 */
export interface OnDeviceClient {
  /** An embedder for a model, with an in-memory cache and batching. */
  embedder(options?: EmbedderOptions): Embedder;
  /**
   * Sentiment of short English texts (positive, negative, or neutral when unsure), from a head
   * trained on SST-2 over USE-lite embeddings; runs in the worker.
   */
  sentiment(options?: SentimentAnalyzerOptions): SentimentAnalyzer;
  /**
   * A zero-shot classifier over labels described in plain words at run time.
   * @throws {InvalidInputError} when labels are missing, duplicated or malformed.
   */
  zeroShot(options: ZeroShotOptions): ZeroShotClassifier;
  /**
   * A classifier the user teaches with examples, trained in the worker and persisted under
   * `options.id` (IndexedDB, or memory where it is missing).
   * @throws {InvalidInputError} when the id is empty, the options are malformed, or the id
   *   exists with other options.
   */
  teachable(options: TeachableOptions): TeachableClassifier;
  /**
   * Named-entity recognition with a token-classification model (Transformers.js), in the worker.
   * @throws {InvalidInputError} when the options are malformed.
   */
  entities(options: EntityRecognizerOptions): EntityRecognizer;
  /**
   * Text generation with a causal language model (Transformers.js), streamed from the worker.
   * @throws {InvalidInputError} when the options are malformed.
   */
  generator(options: TextGeneratorOptions): TextGenerator;
  /**
   * A search index over the app's documents: keyword, semantic and hybrid search with facets,
   * filters and suggestions; passages embedded in the worker and kept as 8-bit codes; persisted
   * under `options.id` (IndexedDB, or memory where it is missing) unless `persist: false`.
   * @throws {InvalidInputError} when the id or fields are missing, the options are malformed,
   *   or the id exists with other options.
   */
  searchIndex<Doc extends SearchDocument = SearchDocument>(
    options: SearchIndexOptions,
  ): SearchIndex<Doc>;
  /**
   * A recommender trained on the device: items (texts embedded in the worker), interactions,
   * `fit()` in the worker, and recommendations with reasons; persisted under `options.id`
   * (IndexedDB, or memory where it is missing) unless `persist: false`.
   * @throws {InvalidInputError} when the id is missing, the options are malformed, or the id
   *   exists with other options.
   */
  recommender(options: RecommenderOptions): Recommender;
  /**
   * Frees a model's sessions and memory on the engine's thread; the next use loads it again
   * (its status goes back to idle). Resolves false when it was not loaded. When it was the last
   * model in the worker and nothing else is running, the worker ends too: its WebAssembly memory
   * cannot shrink, so that is how the memory goes back (`diagnostics().worker.idleEnds`).
   */
  unload(modelId: string): Promise<boolean>;
  /**
   * The observable status handle of a model (loads once per client).
   * @throws {UnknownModelError} when the id is not a known model.
   */
  model(modelId?: string): ModelHandle;
  /** Every model this client knows: built-in and `options.models`. */
  manifests(): readonly ModelManifest[];
  /** A snapshot of backend choice, cache, worker and model state. */
  diagnostics(): Diagnostics;
  /** Called whenever diagnostics change. */
  subscribe(listener: () => void): () => void;
  /** Memory of every runtime on the engine's thread (live tensors, bytes), by runtime name. */
  memory(): Promise<Record<string, RuntimeMemory>>;
  /** Stops the worker and drops every model. */
  dispose(): void;
}

class Client extends Subscribable implements OnDeviceClient {
  private readonly backend: BackendPreference;
  private readonly useWorker: boolean;
  private readonly engineOptions: EngineOptions;
  private readonly catalog: ModelCatalog;
  private readonly defaultModel: string;
  private readonly limits: Limits;
  private connectionInstance: EngineConnection | undefined;
  private readonly handles = new Map<string, ModelHandle>();
  private readonly instances = new InstanceCache();
  private classifierStore: Promise<ClassifierStore> | undefined;
  private searchStore: Promise<RecordStore> | undefined;
  private keywordWorkerInstance: Worker | undefined;
  private recommendStore: Promise<RecordStore> | undefined;
  private readonly reports = new Map<string, LoadReport>();
  private restarts = 0;
  private idleEnds = 0;
  private lastFailure: string | null = null;
  private snapshot: Diagnostics | undefined;

  constructor(private readonly options: ClientOptions) {
    super();
    this.backend = parseBackendPreference(options.backend ?? 'auto');
    this.limits = resolveLimits(options.limits);
    // Runtime names are checked by the engine: the registry stays out of the page's bundle.
    const modelHost = options.modelHost ?? defaultModelHost;
    this.catalog = createModelCatalog(options.models ?? [], undefined, modelHost);
    this.defaultModel = this.catalog.get(options.defaultModel ?? defaultEmbeddingModelId).id;
    this.useWorker = (options.worker ?? true) && typeof Worker === 'function';
    this.engineOptions = {
      backend: this.backend,
      assetBaseUrl: resolveAssetBaseUrl(options.assetBaseUrl),
      autoBackendBudgetMs: options.autoBackendBudgetMs ?? 1500,
      allowSoftwareRenderer: options.allowSoftwareRenderer ?? false,
      modelCache: options.modelCache ?? 'persistent',
      rememberedBackends:
        options.rememberBackend === false ? {} : readRememberedBackends(this.catalog.ids()),
      models: [...this.catalog.custom],
      modelHost,
      network: resolveNetworkOptions(options.network),
    };
  }

  embedder(options: EmbedderOptions = {}): Embedder {
    checkOptions(options, embedderOptionRules, 'embedder()');
    const resolved = {
      model: this.catalog.get(options.model ?? this.defaultModel).id,
      cacheSize: integerOption(options.cacheSize ?? 1000, 'cacheSize', 0),
      maxBatchSize: integerOption(options.maxBatchSize ?? 64, 'maxBatchSize', 1),
    };
    return this.instances.get(
      'embedder',
      options.id,
      options,
      resolved,
      () =>
        new Embedder(this.model(resolved.model), this.connection, {
          ...resolved,
          limits: this.limits,
        }),
    );
  }

  sentiment(options: SentimentAnalyzerOptions = {}): SentimentAnalyzer {
    // The head runs on the client's default model when that gives the same vectors (one model loaded).
    const fallback = sameEmbeddingSpace(this.defaultModel, sentimentModelId)
      ? this.defaultModel
      : sentimentModelId;
    const resolved = { model: this.catalog.get(options.model ?? fallback).id };
    checkOptions(options, { model: optionRules.string }, 'sentiment()');
    return this.instances.get('sentiment', undefined, options, resolved, () =>
      createSentimentAnalyzer(this.runner(resolved.model)),
    );
  }

  zeroShot(options: ZeroShotOptions): ZeroShotClassifier {
    const settings = zeroShotSettings(options, this.limits);
    const resolved = {
      ...settings,
      model: this.catalog.get(options.model ?? this.defaultModel).id,
    };
    return this.instances.get('zeroShot', options.id, options, resolved, (instanceId) =>
      createZeroShotClassifier(this.runner(resolved.model), instanceId, settings),
    );
  }

  teachable(options: TeachableOptions): TeachableClassifier {
    const settings = teachableSettings(options, this.limits);
    const resolved = {
      ...settings,
      model: this.catalog.get(options.model ?? this.defaultModel).id,
    };
    return this.instances.get('teachable', settings.id, options, resolved, (instanceId) =>
      createTeachableClassifier(
        this.runner(resolved.model),
        instanceId,
        settings,
        () => (this.classifierStore ??= openClassifierStore()),
      ),
    );
  }

  entities(options: EntityRecognizerOptions): EntityRecognizer {
    const settings = entitySettings(options);
    const resolved = {
      ...settings,
      model: this.catalog.get(requiredModel(options, 'entities')).id,
    };
    return this.instances.get('entities', undefined, options, resolved, () =>
      createEntityRecognizer(this.runner(resolved.model), settings),
    );
  }

  generator(options: TextGeneratorOptions): TextGenerator {
    checkOptions(options, { model: optionRules.string }, 'generator()');
    const resolved = { model: this.catalog.get(requiredModel(options, 'generator')).id };
    return this.instances.get('generator', undefined, options, resolved, () =>
      createTextGenerator(this.runner(resolved.model)),
    );
  }

  searchIndex<Doc extends SearchDocument = SearchDocument>(
    options: SearchIndexOptions,
  ): SearchIndex<Doc> {
    const settings = searchSettings(options);
    const resolved = {
      ...settings,
      model: this.catalog.get(options.model ?? this.defaultModel).id,
    };
    return this.instances.get(
      'searchIndex',
      settings.id,
      options,
      resolved,
      () =>
        new LazySearchIndex<Doc>(
          settings,
          this.embedder({ model: resolved.model }),
          resolved.model,
          settings.persist ? () => (this.searchStore ??= openRecordStore('ondevice-search')) : null,
          this.limits,
          this.useWorker ? this.keywordWorker : null,
        ),
    );
  }

  recommender(options: RecommenderOptions): Recommender {
    const settings = recommenderSettings(options);
    const resolved = {
      ...settings,
      model: this.catalog.get(options.model ?? this.defaultModel).id,
    };
    return this.instances.get(
      'recommender',
      settings.id,
      options,
      resolved,
      () =>
        new LazyRecommender(
          settings,
          resolved.model,
          this.embedder({ model: resolved.model }),
          this.runner(resolved.model),
          settings.persist
            ? () => (this.recommendStore ??= openRecordStore('ondevice-recommend'))
            : null,
          this.limits,
        ),
    );
  }

  async unload(modelId: string): Promise<boolean> {
    const handle = this.handles.get(modelId);
    if (!handle || !this.connectionInstance) return false;
    handle.reset();
    const unloaded = await this.connectionInstance.unload(modelId);
    this.reports.delete(modelId);
    this.changed();
    return unloaded;
  }

  model(modelId: string = this.defaultModel): ModelHandle {
    let handle = this.handles.get(modelId);
    if (!handle) {
      this.catalog.get(modelId); // throws UnknownModelError listing valid ids
      handle = new ModelHandle(modelId, this.connection, (report) => this.recordLoad(report));
      handle.subscribe(() => this.changed());
      this.handles.set(modelId, handle);
    }
    return handle;
  }

  manifests(): readonly ModelManifest[] {
    return this.catalog.manifests;
  }

  diagnostics(): Diagnostics {
    this.snapshot ??= this.buildDiagnostics();
    return this.snapshot;
  }

  memory(): Promise<Record<string, RuntimeMemory>> {
    return this.connection().memory();
  }

  dispose(): void {
    this.connectionInstance?.dispose();
    this.connectionInstance = undefined;
    if (this.keywordWorkerInstance) {
      // Its indexes see the worker fail and go on in this thread, rebuilt from their documents.
      this.keywordWorkerInstance.dispatchEvent(
        new ErrorEvent('error', { message: 'the client was disposed' }),
      );
      this.keywordWorkerInstance.terminate();
      this.keywordWorkerInstance = undefined;
    }
    for (const handle of this.handles.values()) handle.reset();
  }

  /** The worker of the search indexes' keyword (MiniSearch) indexes: one a client, on first use. */
  private readonly keywordWorker = (): Worker =>
    (this.keywordWorkerInstance ??= createKeywordWorker());

  private runner(modelId: string) {
    return createTaskRunner(
      this.model(modelId),
      this.connection,
      () => this.catalog.get(modelId).dimensions ?? this.reports.get(modelId)?.dimensions ?? 0,
      this.limits,
    );
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
          onReport: (report) => this.recordLoad(report),
          onIdleEnd: () => {
            this.idleEnds += 1;
            this.changed();
          },
        })
      : createInThreadConnection(this.engineOptions, {
          onReport: (report) => this.recordLoad(report),
        });
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
      runtime: latest?.runtime ?? null,
      backend: { requested: this.backend, selection: latest?.selection ?? null },
      capabilities: latest?.capabilities ?? null,
      modelCache: latest?.cache ?? null,
      worker: {
        enabled: this.useWorker,
        restarts: this.restarts,
        lastFailure: this.lastFailure,
        idleEnds: this.idleEnds,
      },
      models: [...this.handles.values()].map((handle) => {
        const report = this.reports.get(handle.modelId);
        return {
          id: handle.modelId,
          runtime: this.catalog.get(handle.modelId).runtime,
          status: handle.getSnapshot().status,
          backend: report?.backend ?? null,
          loadMilliseconds: report?.milliseconds ?? null,
        };
      }),
      embedders: this.instances
        .instances()
        .filter((instance): instance is Embedder => instance instanceof Embedder)
        .map((embedder) => ({ modelId: embedder.modelId, ...embedder.stats() })),
    };
  }
}

function createKeywordWorker(): Worker {
  return new Worker(new URL('../search/keyword-worker-entry.js', import.meta.url), {
    type: 'module',
    name: 'ondevice-keyword-search',
  });
}

function createDefaultWorker(): Worker {
  // The `new Worker(new URL(…, import.meta.url))` form is what Vite and other bundlers detect.
  return new Worker(new URL('../worker/worker-entry.js', import.meta.url), {
    type: 'module',
    name: 'ondevice-inference',
  });
}

function requiredModel(options: { model?: unknown } | undefined, factory: string): string {
  const model = options?.model;
  if (typeof model !== 'string' || model === '') {
    throw new InvalidInputError({
      parameter: 'model',
      message: `${factory}() needs a model: a hub id ("owner/name"), a folder URL, or a registered id; got ${describeValue(model)}.`,
    });
  }
  return model;
}

function integerOption(value: unknown, parameter: string, minimum: number): number {
  if (!Number.isInteger(value) || (value as number) < minimum) {
    throw new InvalidInputError({
      parameter,
      message: `${parameter} must be an integer ≥ ${minimum}; got ${describeValue(value)}.`,
    });
  }
  return value as number;
}

/**
 * Creates the ondevice client: one per app.
 *
 * @throws {UnknownBackendError} when `backend` is not one of auto, webgpu, webgl, wasm, cpu.
 * @throws {InvalidInputError} when another option is malformed (the message names it).
 * @example
 * import { createClient } from '@ondevice/core'
 * const client = createClient({ backend: 'auto' })
 * const { embeddings } = await client.embedder().embed(['Hello world'])
 * const { label } = await client.sentiment().analyze('I love it')
 */
export function createClient(options: ClientOptions = {}): OnDeviceClient {
  return new Client(validateClientOptions(options));
}
