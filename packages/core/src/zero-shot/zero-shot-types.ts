import type { Explanation } from '../explain/explanation-types.js';

/** A label invented at run time: an id and one or more descriptions or example phrases. */
export interface ZeroShotLabel {
  id: string;
  /** Descriptions or example phrases, e.g. `['billing question', 'invoice is wrong']`. */
  descriptions: readonly string[];
}

/** Options of `client.zeroShot()`. */
export interface ZeroShotOptions {
  labels: readonly ZeroShotLabel[];
  /**
   * Score each label on its own (scores do not sum to 1) and return every label at or over
   * `threshold` as `selected`. @default false
   */
  multiLabel?: boolean;
  /** Minimum score for a label to be `selected` in multi-label mode. @default 0.5 */
  threshold?: number;
}

/** One label with its calibrated score. */
export interface ScoredLabel {
  id: string;
  score: number;
}

/** What {@link ZeroShotClassifier.classify} returns. */
export interface ZeroShotResult {
  /** Every label, best first. Single-label: scores sum to 1. Multi-label: independent scores. */
  labels: ScoredLabel[];
  /** Single-label: the best label. Multi-label: labels at or over the threshold (may be empty). */
  selected: string[];
  explanation?: Explanation;
}

/**
 * Classifies texts into labels described in plain words, with no training.
 *
 * @example
 * const router = client.zeroShot({ labels: [{ id: 'billing', descriptions: ['invoice, payment or refund'] }, …] })
 * const { selected } = await router.classify('I was charged twice')
 */
export interface ZeroShotClassifier {
  classify(
    text: string,
    options?: { signal?: AbortSignal; explain?: boolean },
  ): Promise<ZeroShotResult>;
  classify(
    texts: readonly string[],
    options?: { signal?: AbortSignal; explain?: boolean },
  ): Promise<ZeroShotResult[]>;
  explain(text: string, options?: { signal?: AbortSignal; label?: string }): Promise<Explanation>;
}
