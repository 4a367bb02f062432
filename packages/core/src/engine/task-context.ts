import { AbortError } from '@ondevice/errors';
import { LruCache } from '../util/lru-cache.js';

/**
 * What a task gets from the engine: the model's embeddings, cancellation, per-model memo.
 *
 * @example
 * const [vector] = await context.embed(['refund please'])
 * context.throwIfCancelled()
 */
export interface TaskContext {
  readonly modelId: string;
  /** Length of the model's vectors. */
  readonly dimensions: number;
  /**
   * Embeds texts with the task's model, one vector per text. With `cache` (the default), vectors
   * of label descriptions and taught examples are kept by the engine, so retraining after one
   * new example embeds only that example.
   */
  embed(texts: readonly string[], options?: { cache?: boolean }): Promise<Float32Array[]>;
  /** Throws {@link AbortError} when the request was cancelled. */
  throwIfCancelled(): void;
  /** A value computed once per engine and model (a decoded head, a mean vector…). */
  memo<T>(key: string, create: () => Promise<T>): Promise<T>;
}

/**
 * The engine-side state tasks share: an embedding cache and memoised values.
 *
 * @example
 * const resources = new TaskResources()
 * const context = resources.context({ modelId, embed, isCancelled: () => false })
 */
export class TaskResources {
  private readonly vectors: LruCache<string, Float32Array>;
  private readonly memos = new Map<string, Promise<unknown>>();

  /** @param capacity texts whose vectors are kept (descriptions and examples of every classifier). */
  constructor(capacity = 4096) {
    this.vectors = new LruCache(capacity);
  }

  /** A context for one request. */
  context(options: {
    modelId: string;
    dimensions: number;
    embed: (texts: readonly string[], isCancelled: () => boolean) => Promise<Float32Array>;
    isCancelled: () => boolean;
  }): TaskContext {
    const { modelId, isCancelled } = options;
    const throwIfCancelled = () => {
      if (isCancelled()) throw new AbortError({ message: 'The task was cancelled.' });
    };
    return {
      modelId,
      dimensions: options.dimensions,
      throwIfCancelled,
      embed: async (texts, { cache = true } = {}) => {
        throwIfCancelled();
        const result: (Float32Array | undefined)[] = texts.map((text) =>
          cache ? this.vectors.get(`${modelId}\u0000${text}`) : undefined,
        );
        const missing = [...new Set(texts.filter((_, index) => result[index] === undefined))];
        if (missing.length > 0) {
          const flat = await options.embed(missing, isCancelled);
          const dimensions = flat.length / missing.length;
          const computed = new Map<string, Float32Array>();
          missing.forEach((text, index) => {
            const vector = flat.slice(index * dimensions, (index + 1) * dimensions);
            computed.set(text, vector);
            if (cache) this.vectors.set(`${modelId}\u0000${text}`, vector);
          });
          texts.forEach((text, index) => {
            result[index] ??= computed.get(text);
          });
        }
        return result as Float32Array[];
      },
      memo: <T>(key: string, create: () => Promise<T>) => {
        const full = `${modelId}\u0000${key}`;
        let value = this.memos.get(full) as Promise<T> | undefined;
        if (!value) {
          value = create();
          this.memos.set(full, value);
          value.catch(() => this.memos.delete(full)); // a failure is retried by the next request
        }
        return value;
      },
    };
  }
}
