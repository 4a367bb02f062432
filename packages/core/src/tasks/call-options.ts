import { optionRules } from '../util/check-options.js';

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

/**
 * The checks of {@link ClassifyOptions}, for `checkOptions`.
 *
 * @example
 * checkOptions(options, classifyOptionRules, 'analyze()')
 */
export const classifyOptionRules = { signal: optionRules.signal, explain: optionRules.boolean };

/**
 * The checks of {@link ExplainOptions}, for `checkOptions`.
 *
 * @example
 * checkOptions(options, explainOptionRules, 'explain()')
 */
export const explainOptionRules = { signal: optionRules.signal, label: optionRules.string };
