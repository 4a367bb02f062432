import { AbortError } from '@ondevice/errors';
import type { ModelTask } from '../models/model-manifest.js';
import type {
  GenerationInput,
  RuntimeGenerateOptions,
  RuntimeGeneration,
} from '../runtimes/runtime.js';
import type { ClassifiedTokens } from './engine.js';
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
  /** What the loaded model does. */
  readonly task: ModelTask;
  /** Labels of a classifier's outputs, in order (empty for other models). */
  readonly labels: readonly string[];
  /** Length of the model's vectors (or label count). */
  readonly dimensions: number;
  /** Label probabilities of each text or (premise, hypothesis) pair, in length-bucketed runs. */
  classify(inputs: readonly (string | readonly [string, string])[]): Promise<Float32Array[]>;
  /** Per-token label probabilities with character offsets. */
  classifyTokens(texts: readonly string[]): Promise<ClassifiedTokens>;
  /** Generates text, calling `onText` with each new piece. */
  generate(
    input: GenerationInput,
    options: RuntimeGenerateOptions,
    onText: (text: string) => void,
  ): Promise<RuntimeGeneration>;
  /**
   * Embeds texts with the task's model, one vector per text. With `cache` (the default), vectors
   * of label descriptions and taught examples are kept by the engine, so retraining after one
   * new example embeds only that example.
   */
  embed(texts: readonly string[], options?: { cache?: boolean }): Promise<Float32Array[]>;
  /** Sends a partial result to the caller (generated text as it comes); ignored when nobody listens. */
  emit(progress: unknown): void;
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
  context(
    options: Pick<
      TaskContext,
      'modelId' | 'task' | 'labels' | 'dimensions' | 'classify' | 'classifyTokens' | 'generate'
    > & {
      embed: (texts: readonly string[], isCancelled: () => boolean) => Promise<Float32Array>;
      isCancelled: () => boolean;
      emit?: (progress: unknown) => void;
    },
  ): TaskContext {
    const { modelId, isCancelled } = options;
    const throwIfCancelled = () => {
      if (isCancelled()) throw new AbortError({ message: 'The task was cancelled.' });
    };
    return {
      modelId,
      task: options.task,
      labels: options.labels,
      dimensions: options.dimensions,
      classify: options.classify,
      classifyTokens: options.classifyTokens,
      generate: options.generate,
      emit: (progress) => options.emit?.(progress),
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

  /** Drops the vectors and memoised values of an unloaded model. */
  forget(modelId: string): void {
    const prefix = `${modelId}\u0000`;
    for (const key of [...this.memos.keys()]) if (key.startsWith(prefix)) this.memos.delete(key);
    this.vectors.deleteWhere((key) => key.startsWith(prefix));
  }
}
