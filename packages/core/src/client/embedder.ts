import { LimitExceededError } from '@ondevice/errors';
import { checkOptions, optionRules } from '../util/check-options.js';
import type { Limits } from '../util/limits.js';
import type { BackendName } from '../runtimes/backend-name.js';
import type { ModelStatus } from '../runtimes/model-status.js';
import { abortErrorFor, throwIfAborted } from '../util/abort.js';
import { LruCache } from '../util/lru-cache.js';
import { validateTexts } from '../util/validate-texts.js';
import type { EngineConnection } from '../worker/engine-connection.js';
import type { ModelHandle } from './model-handle.js';

/**
 * Options of `client.embedder()`.
 *
 * @example
 * const embedder = client.embedder({ cacheSize: 5000, maxBatchSize: 32 })
 */
export interface EmbedderOptions {
  /**
   * Model id.
   * @default the client's default model ('use-lite')
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
  /**
   * Names this embedder: the same id gives the same embedder, and the same id with other
   * options is an error. Without an id, equal options give the same embedder.
   */
  id?: string;
}

/**
 * Options of {@link Embedder.embed}.
 *
 * @example
 * await embedder.embed(texts, { signal: controller.signal, onProgress: (status) => show(status) })
 */
export interface EmbedOptions {
  /** Cancels this call: it rejects with `AbortError`; work no other call needs is dropped. */
  signal?: AbortSignal;
  /** Model status while the model loads (downloading bytes, initializing, ready). */
  onProgress?: (status: ModelStatus) => void;
  /**
   * What happens to a text longer than the model reads (USE-lite: 128 tokens, about 90 words):
   * `end` embeds its start and says so in `truncated`; `error` rejects the call with
   * `LimitExceededError` (limit `maxTokens`).
   * @default 'end'
   */
  truncation?: Truncation;
}

/**
 * What to do with a text longer than the model's token limit.
 *
 * @example
 * await embedder.embed(longText, { truncation: 'error' })
 */
export type Truncation = 'end' | 'error';

/**
 * What {@link Embedder.embed} resolves with.
 *
 * @example
 * const { embeddings, dimensions, backend } = await embedder.embed(['a', 'b'])
 */
export interface EmbedResult {
  /** One vector per input text, in input order. Each is the caller's own copy. */
  embeddings: Float32Array[];
  /** Length of every vector. */
  dimensions: number;
  modelId: string;
  /** Backend the vectors were computed on. */
  backend: BackendName;
  /** Per text: it was longer than the model reads, and only its start was embedded. */
  truncated: boolean[];
}

/**
 * Counters of the embedding cache and batching, for diagnostics.
 *
 * @example
 * const { cacheHits, batches } = embedder.stats()
 */
export interface EmbedderStats {
  cacheSize: number;
  cacheCapacity: number;
  cacheHits: number;
  cacheMisses: number;
  /** Texts sent to the model (after deduplication and cache hits). */
  textsComputed: number;
  /** Model requests made (after coalescing). */
  batches: number;
}

/** A text's vector, and whether the text was cut to the model's token limit. */
interface Embedded {
  vector: Float32Array;
  truncated: boolean;
}

const embedOptionRules = {
  signal: optionRules.signal,
  onProgress: optionRules.function,
  truncation: optionRules.oneOf('end', 'error'),
};

interface Job {
  text: string;
  promise: Promise<Embedded>;
  resolve(embedded: Embedded): void;
  reject(error: unknown): void;
  /** Calls still waiting for this text; when it drops to 0 the text is not needed. */
  waiters: number;
  batch?: Batch;
}

interface Batch {
  jobs: Job[];
  controller: AbortController;
}

/**
 * Computes sentence embeddings. Concurrent calls made in the same tick are coalesced into
 * batches; a text already in flight is computed once; recent results come from an LRU cache.
 *
 * @example
 * const embedder = client.embedder()
 * const { embeddings } = await embedder.embed(['Hello', 'Hi there'])
 * cosineSimilarity(embeddings[0], embeddings[1])
 */
export class Embedder {
  private readonly cache: LruCache<string, Embedded>;
  private readonly jobs = new Map<string, Job>();
  private queued: Job[] = [];
  private flushScheduled = false;
  private textsComputed = 0;
  private batches = 0;

  constructor(
    private readonly model: ModelHandle,
    private readonly connection: () => EngineConnection,
    private readonly options: { cacheSize: number; maxBatchSize: number; limits: Limits },
  ) {
    this.cache = new LruCache(options.cacheSize);
  }

  /** Id of the model this embedder uses. */
  get modelId(): string {
    return this.model.modelId;
  }

  /**
   * Embeds one text or a list of texts.
   *
   * @throws {InvalidInputError} when `texts` is not a string or an array of strings.
   * @throws {AbortError} when `options.signal` fires first.
   * @throws {ModelLoadError | ModelIntegrityError} when the model cannot be loaded.
   */
  async embed(texts: string | readonly string[], options: EmbedOptions = {}): Promise<EmbedResult> {
    checkOptions(options, embedOptionRules, 'embed()');
    const list = validateTexts(texts, 'embed', this.options.limits);
    const { signal } = options;
    throwIfAborted(signal, 'Embedding');
    // The caller's operation names the abort, whether the model was still loading or not.
    const report = await this.model.load(options).catch((error: unknown) => {
      throwIfAborted(signal, 'Embedding');
      throw error;
    });
    throwIfAborted(signal, 'Embedding');
    const slots = list.map((text) => this.acquire(text));
    let settled = false;
    const release = () => {
      if (settled) return;
      settled = true;
      for (const slot of slots) if (isJob(slot)) this.releaseJob(slot);
    };
    try {
      const embedded = await new Promise<Embedded[]>((resolve, reject) => {
        const onAbort = () => {
          release();
          reject(abortErrorFor(signal as AbortSignal, 'Embedding'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        Promise.all(slots.map((slot) => (isJob(slot) ? slot.promise : slot))).then(
          (values) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(values);
          },
          (error: unknown) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
      const truncated = embedded.map((entry) => entry.truncated);
      if (options.truncation === 'error' && truncated.includes(true)) {
        const index = truncated.indexOf(true);
        throw new LimitExceededError({
          limit: 'maxTokens',
          maximum: report.maxTokens,
          actual: report.maxTokens + 1,
          message: `texts[${index}] is longer than ${this.modelId} reads (${report.maxTokens} tokens). Shorten or split it, or leave truncation at 'end' to embed its start.`,
        });
      }
      return {
        embeddings: embedded.map((entry) => entry.vector.slice()),
        truncated,
        dimensions: report.dimensions,
        modelId: this.modelId,
        backend: report.backend,
      };
    } finally {
      settled = true;
    }
  }

  /**
   * Loads the model ahead of the first `embed` (e.g. on page load), with progress.
   *
   * @example
   * await embedder.load({ onProgress: (status) => console.log(status) })
   */
  async load(options: EmbedOptions = {}): Promise<void> {
    checkOptions(options, embedOptionRules, 'load()');
    await this.model.load(options);
  }

  /** Cache and batching counters. */
  stats(): EmbedderStats {
    return {
      cacheSize: this.cache.size,
      cacheCapacity: this.cache.capacity,
      cacheHits: this.cache.hits,
      cacheMisses: this.cache.misses,
      textsComputed: this.textsComputed,
      batches: this.batches,
    };
  }

  /** Empties the embedding cache. */
  clearCache(): void {
    this.cache.clear();
  }

  /** The cached vector, or a job for the text (joining one already in flight). */
  private acquire(text: string): Job | Embedded {
    const existing = this.jobs.get(text);
    if (existing) {
      existing.waiters += 1;
      return existing;
    }
    const cached = this.cache.get(text);
    if (cached) return cached;
    let resolve!: (embedded: Embedded) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<Embedded>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    promise.catch(() => {}); // rejections reach the callers that still wait
    const job: Job = { text, promise, resolve, reject, waiters: 1 };
    this.jobs.set(text, job);
    this.queued.push(job);
    this.scheduleFlush();
    return job;
  }

  private releaseJob(job: Job) {
    job.waiters -= 1;
    if (job.waiters > 0) return;
    if (!job.batch) {
      // Not sent yet: drop it from the queue.
      this.queued = this.queued.filter((queued) => queued !== job);
      this.jobs.delete(job.text);
      return;
    }
    if (job.batch.jobs.every((other) => other.waiters <= 0)) {
      // Nobody waits for this batch any more: cancel it, and let later calls start afresh
      // instead of joining work that is being dropped.
      for (const other of job.batch.jobs)
        if (this.jobs.get(other.text) === other) this.jobs.delete(other.text);
      job.batch.controller.abort();
    }
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // A macrotask, so the many small calls a UI makes in one tick land in one batch.
    setTimeout(() => {
      this.flushScheduled = false;
      this.flush();
    }, 0);
  }

  private flush() {
    // Similar lengths in the same batch: a model run costs about (texts × longest text).
    const jobs = this.queued.sort((a, b) => a.text.length - b.text.length);
    this.queued = [];
    for (let start = 0; start < jobs.length; start += this.options.maxBatchSize) {
      this.send(jobs.slice(start, start + this.options.maxBatchSize));
    }
  }

  private send(jobs: Job[]) {
    const batch: Batch = { jobs, controller: new AbortController() };
    for (const job of jobs) job.batch = batch;
    this.batches += 1;
    this.textsComputed += jobs.length;
    const texts = jobs.map((job) => job.text);
    this.connection()
      .embed(this.modelId, texts, batch.controller.signal)
      .then(
        ({ vectors, truncated }) => {
          const dimensions = vectors.length / jobs.length;
          jobs.forEach((job, index) => {
            // A copy, so a cached vector does not keep the whole batch's buffer alive.
            const embedded = {
              vector: vectors.slice(index * dimensions, (index + 1) * dimensions),
              truncated: truncated[index] === true,
            };
            this.cache.set(job.text, embedded);
            if (this.jobs.get(job.text) === job) this.jobs.delete(job.text);
            job.resolve(embedded);
          });
        },
        (error: unknown) => {
          for (const job of jobs) {
            if (this.jobs.get(job.text) === job) this.jobs.delete(job.text);
            job.reject(error);
          }
        },
      );
  }
}

function isJob(slot: Job | Embedded): slot is Job {
  return 'promise' in slot;
}
