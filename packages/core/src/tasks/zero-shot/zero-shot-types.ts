import type { Explanation } from '../explain/explanation-types.js';
import type { ClassifyOptions, ExplainOptions } from '../call-options.js';

/**
 * A label invented at run time: an id and one or more descriptions or example phrases.
 *
 * @example
 * const billing: ZeroShotLabel = { id: 'billing', descriptions: ['invoice, payment or refund'] }
 */
export interface ZeroShotLabel {
  id: string;
  /** Descriptions or example phrases, e.g. `['billing question', 'invoice is wrong']`. */
  descriptions: readonly string[];
}

/**
 * Options of `client.zeroShot()`.
 *
 * @example
 * client.zeroShot({ labels, multiLabel: true, threshold: 0.4 })
 */
export interface ZeroShotOptions {
  labels: readonly ZeroShotLabel[];
  /**
   * The embedding model.
   * @default the client's default model ('use-lite')
   */
  model?: string;
  /**
   * Names this classifier: `client.zeroShot({ id })` elsewhere returns it, and the same id with
   * other options is an error. Without an id, equal options give the same classifier.
   */
  id?: string;
  /**
   * Score each label on its own (scores do not sum to 1) and return every label at or over
   * `threshold` as `selected`. @default false
   */
  multiLabel?: boolean;
  /** Minimum score for a label to be `selected` in multi-label mode. @default 0.5 */
  threshold?: number;
}

/**
 * One label with its calibrated score.
 *
 * @example
 * result.labels[0] // { id: 'billing', score: 0.81 }
 */
export interface ScoredLabel {
  id: string;
  score: number;
}

/**
 * What {@link ZeroShotClassifier.classify} returns.
 *
 * @example
 * const { labels, selected } = await router.classify('I was charged twice')
 */
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
  /** The model the classifier runs on. */
  readonly modelId: string;
  classify(text: string, options?: ClassifyOptions): Promise<ZeroShotResult>;
  classify(texts: readonly string[], options?: ClassifyOptions): Promise<ZeroShotResult[]>;
  /** Token attributions for the best label of `text`, or for `options.label`. */
  explain(text: string, options?: ExplainOptions): Promise<Explanation>;
}
