/**
 * Options of a call that classifies: `sentiment.analyze()`, `zeroShot.classify()`,
 * `teachable.predict()`.
 *
 * @example
 * await sentiment.analyze(text, { explain: true, signal: controller.signal })
 */
export interface ClassifyOptions {
  /** Cancels the call: it rejects with `AbortError`. */
  signal?: AbortSignal;
  /**
   * Also return token attributions for the returned label.
   * @default false
   */
  explain?: boolean;
}

/**
 * Options of the `explain()` method of sentiment, zero-shot and teachable classifiers.
 *
 * @example
 * await classifier.explain(text, { label: 'billing', signal })
 */
export interface ExplainOptions {
  /** Cancels the call: it rejects with `AbortError`. */
  signal?: AbortSignal;
  /** Explain this label instead of the predicted one (not for sentiment). */
  label?: string;
}
