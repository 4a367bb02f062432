import type { OnDeviceError } from '@ondevice/errors';
import type { ClassifyOptions, ExplainOptions } from '../call-options.js';
import type { Explanation } from '../explain/explanation-types.js';
import type { ScoredLabel, ZeroShotLabel } from '../zero-shot/zero-shot-types.js';

/**
 * Options of `client.teachable()`. The same id with other options is an error; leaving an
 * option out takes the existing classifier's.
 *
 * @example
 * client.teachable({ id: 'support-intents', labels: [{ id: 'billing', descriptions: ['invoice'] }] })
 */
export interface TeachableOptions {
  /** Stable id: the classifier is persisted under it (IndexedDB, memory where unavailable). */
  id: string;
  /**
   * The embedding model.
   * @default the client's default model ('use-lite')
   */
  model?: string;
  /**
   * Labels known up front, with descriptions: until a label has examples, it is predicted
   * zero-shot from its descriptions.
   */
  labels?: readonly ZeroShotLabel[];
  /** Below this confidence the prediction is `unsure` (out of scope). @default 0.5 */
  unsureBelow?: number;
}

/**
 * An example to teach: a text and its label.
 *
 * @example
 * await classifier.learn({ text: 'I was charged twice', label: 'billing' })
 */
export interface TeachableExample {
  text: string;
  label: string;
}

/**
 * Options of {@link TeachableClassifier.learn}.
 *
 * @example
 * await classifier.learn(examples, { signal: controller.signal })
 */
export interface LearnOptions {
  /** Cancels the retraining: the classifier keeps its previous state. */
  signal?: AbortSignal;
}

/**
 * One taught example.
 *
 * @example
 * classifier.getSnapshot().examples[0] // { text: 'refund please', label: 'billing', taughtAt: '2026-…' }
 */
export interface TaughtExample {
  text: string;
  label: string;
  /** When it was taught (ISO 8601). */
  taughtAt: string;
}

/**
 * What {@link TeachableClassifier.predict} returns.
 *
 * @example
 * const { label, confidence, unsure, source } = await classifier.predict('refund please')
 */
export interface TeachablePrediction {
  /** Every known label, best first; confidences sum to 1. */
  labels: ScoredLabel[];
  /** The best label, or null when `unsure`. */
  label: string | null;
  /**
   * Probability of the best label once "none of these" is allowed for: taught classifiers learn
   * an implicit out-of-scope class from generic sentences, so a text unlike every label gets a
   * low confidence even when one label beats the others (then it is below `labels[0].score`).
   * Zero-shot: the best label's score.
   */
  confidence: number;
  /** True when the best confidence is under `unsureBelow` (the text may be out of scope). */
  unsure: boolean;
  /** How the prediction was made: from taught examples, or zero-shot (no examples yet). */
  source: 'taught' | 'zero-shot';
  explanation?: Explanation;
}

/**
 * The state a UI shows: labels, examples, and whether training is under way.
 *
 * @example
 * const { status, examples, error } = classifier.getSnapshot()
 */
export interface TeachableState {
  id: string;
  labels: string[];
  examples: readonly TaughtExample[];
  /**
   * `loading` while the stored classifier is read, `training` while it retrains, `ready`, or
   * `error` when reading it or the last change failed (see `error`). A stored classifier that
   * cannot be read stays in `error` (a `ClassifierStorageError`) until `reset()`.
   */
  status: 'loading' | 'training' | 'ready' | 'error';
  /** What failed, when `status` is `error`. */
  error: OnDeviceError | null;
  /** Milliseconds the last retraining took. */
  lastTrainingMs: number | null;
  /** Where it is persisted. */
  storage: 'indexeddb' | 'memory';
}

/**
 * Versioned JSON form of a classifier, from `export()`, accepted by `import()`.
 *
 * @example
 * localStorage.setItem('intents', JSON.stringify(await classifier.export()))
 */
export interface TeachableExport {
  format: 'ondevice.teachable';
  version: 1;
  id: string;
  modelId: string;
  labels: ZeroShotLabel[];
  examples: TaughtExample[];
  /** The trained head, so an imported classifier predicts identically without retraining. */
  head: { labels: string[]; weights: number[]; bias: number[]; dimensions: number } | null;
  unsureBelow: number;
}

/**
 * A classifier the user teaches on the device: few examples per label, retrained in the worker
 * on every change, persisted, exportable.
 *
 * @example
 * const intents = client.teachable({ id: 'support-intents', labels: [{ id: 'billing', descriptions: ['invoice or payment'] }] })
 * await intents.learn({ text: 'I was charged twice', label: 'billing' })
 * const { label, unsure } = await intents.predict('refund please')
 */
export interface TeachableClassifier {
  /** The classifier's id. */
  readonly id: string;
  /** The model it runs on. */
  readonly modelId: string;
  /**
   * Teaches one example or several, then retrains (in the worker) and persists. Teaching a text
   * again with another label corrects it.
   */
  learn(
    examples: TeachableExample | readonly TeachableExample[],
    options?: LearnOptions,
  ): Promise<void>;
  /** Forgets one example (by text and label) or every example of a label. */
  forget(example: TeachableExample | { label: string }): Promise<void>;
  predict(text: string, options?: ClassifyOptions): Promise<TeachablePrediction>;
  predict(texts: readonly string[], options?: ClassifyOptions): Promise<TeachablePrediction[]>;
  /** Token attributions for the predicted label of `text` (or `options.label`), with the nearest taught examples. */
  explain(text: string, options?: ExplainOptions): Promise<Explanation>;
  /**
   * The classifier as versioned JSON (examples, labels, trained head; no embeddings, which are
   * recomputed where it is imported).
   * @throws {ClassifierStorageError} when its stored data cannot be read (see `storedRecord`).
   */
  export(): Promise<TeachableExport>;
  /**
   * Replaces this classifier's state; rejects malformed or mismatched data with a typed error
   * (`InvalidClassifierDataError` naming the field, `LimitExceededError` over `maxImportBytes`,
   * `maxLabels` or `maxExamples`).
   */
  import(data: unknown): Promise<void>;
  /**
   * Discards this classifier: its stored data (readable or not) and every example; the labels of
   * the options stay. The way out of a stored classifier that cannot be read.
   */
  reset(): Promise<void>;
  /**
   * The classifier's record exactly as stored (a structured-clone value: examples' vectors are
   * `Float32Array`s), or undefined when nothing is stored: to keep or send a stored classifier
   * this version cannot read before `reset()` discards it.
   */
  storedRecord(): Promise<unknown>;
  /** Current state, for `useSyncExternalStore`. */
  getSnapshot(): TeachableState;
  subscribe(listener: () => void): () => void;
}
