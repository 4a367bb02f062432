import type { ClassifyOptions, ExplainOptions } from '../call-options.js';
import type { Explanation } from '../explain/explanation-types.js';

/**
 * Sentiment labels; `neutral` is the band where the model is not confident either way.
 *
 * @example
 * const label: SentimentLabel = 'neutral'
 */
export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/**
 * What {@link SentimentAnalyzer.analyze} returns for one text.
 *
 * @example
 * const { label, score, probabilities } = await sentiment.analyze('Love it')
 */
export interface SentimentResult {
  label: SentimentLabel;
  /** Probability of the returned label (for `neutral`, its share of the band). */
  score: number;
  /** Calibrated probabilities of the three labels; they sum to 1. */
  probabilities: Record<SentimentLabel, number>;
  /** Present when `explain: true` was asked for. */
  explanation?: Explanation;
}

/**
 * Options of `client.sentiment()`.
 *
 * @example
 * const sentiment = client.sentiment({ model: 'use-lite' })
 */
export interface SentimentAnalyzerOptions {
  /**
   * The embedding model the sentiment head runs on. The shipped head was trained on USE-lite.
   * @default 'use-lite'
   */
  model?: string;
}

/**
 * Sentiment of short English texts (reviews, tickets, messages), computed on the device.
 *
 * @example
 * const sentiment = client.sentiment()
 * const { label, score } = await sentiment.analyze('The new dashboard is great')
 */
export interface SentimentAnalyzer {
  /** The model the analyzer runs on. */
  readonly modelId: string;
  analyze(text: string, options?: ClassifyOptions): Promise<SentimentResult>;
  analyze(texts: readonly string[], options?: ClassifyOptions): Promise<SentimentResult[]>;
  /** Token attributions for the label the model gives `text`. */
  explain(text: string, options?: Pick<ExplainOptions, 'signal'>): Promise<Explanation>;
}
