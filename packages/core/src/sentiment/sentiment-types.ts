import type { Explanation } from '../explain/explanation-types.js';

/** Sentiment labels; `neutral` is the band where the model is not confident either way. */
export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/** What {@link SentimentAnalyzer.analyze} returns for one text. */
export interface SentimentResult {
  label: SentimentLabel;
  /** Probability of the returned label (for `neutral`, its share of the band). */
  score: number;
  /** Calibrated probabilities of the three labels; they sum to 1. */
  probabilities: Record<SentimentLabel, number>;
  /** Present when `explain: true` was asked for. */
  explanation?: Explanation;
}

/** Options of {@link SentimentAnalyzer.analyze}. */
export interface SentimentOptions {
  signal?: AbortSignal;
  /** Also return token attributions for the returned label. @default false */
  explain?: boolean;
}

/**
 * Sentiment of short English texts (reviews, tickets, messages), computed on the device.
 *
 * @example
 * const sentiment = client.sentiment()
 * const { label, score } = await sentiment.analyze('The new dashboard is great')
 */
export interface SentimentAnalyzer {
  analyze(text: string, options?: SentimentOptions): Promise<SentimentResult>;
  analyze(texts: readonly string[], options?: SentimentOptions): Promise<SentimentResult[]>;
  /** Token attributions for the label the model gives `text`. */
  explain(text: string, options?: { signal?: AbortSignal }): Promise<Explanation>;
}
