import type { Explanation } from '../explain/explanation-types.js';
import type { ScoredLabel, ZeroShotLabel } from '../zero-shot/zero-shot-types.js';

/** Options of `client.teachable()`. */
export interface TeachableOptions {
  /** Stable id: the classifier is persisted under it (IndexedDB, memory where unavailable). */
  id: string;
  /**
   * Labels known up front, with descriptions: until a label has examples, it is predicted
   * zero-shot from its descriptions.
   */
  labels?: readonly ZeroShotLabel[];
  /** Below this confidence the prediction is `unsure` (out of scope). @default 0.5 */
  unsureBelow?: number;
}

/** One taught example. */
export interface TaughtExample {
  text: string;
  label: string;
  /** When it was taught (ISO 8601). */
  taughtAt: string;
}

/** What {@link TeachableClassifier.predict} returns. */
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

/** The state a UI shows: labels, examples, and whether training is under way. */
export interface TeachableState {
  id: string;
  labels: string[];
  examples: readonly TaughtExample[];
  status: 'loading' | 'training' | 'ready' | 'error';
  /** Milliseconds the last retraining took. */
  lastTrainingMs: number | null;
  /** Where it is persisted. */
  storage: 'indexeddb' | 'memory';
}

/** Versioned JSON form of a classifier, from `export()`, accepted by `import()`. */
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
 * await intents.learn('I was charged twice', 'billing')
 * const { label, unsure } = await intents.predict('refund please')
 */
export interface TeachableClassifier {
  learn(text: string, label: string, options?: { signal?: AbortSignal }): Promise<void>;
  learn(
    examples: readonly { text: string; label: string }[],
    options?: { signal?: AbortSignal },
  ): Promise<void>;
  /** Forgets one example (by text and label) or every example of a label. */
  forget(example: { text: string; label: string } | { label: string }): Promise<void>;
  predict(
    text: string,
    options?: { signal?: AbortSignal; explain?: boolean },
  ): Promise<TeachablePrediction>;
  predict(
    texts: readonly string[],
    options?: { signal?: AbortSignal; explain?: boolean },
  ): Promise<TeachablePrediction[]>;
  explain(text: string, options?: { signal?: AbortSignal; label?: string }): Promise<Explanation>;
  export(): Promise<TeachableExport>;
  /** Replaces this classifier's state; rejects malformed or mismatched data with a typed error. */
  import(data: unknown): Promise<void>;
  /** Current state, for `useSyncExternalStore`. */
  getSnapshot(): TeachableState;
  subscribe(listener: () => void): () => void;
}
