import type { AttributionSpan, Explanation } from '@ondevice/core';

/** The words that mattered most, each way, for a text alternative. */
export interface ExplanationSummary {
  /** Spans that support the label, strongest first. */
  supporting: AttributionSpan[];
  /** Spans that speak against the label, strongest first. */
  opposing: AttributionSpan[];
}

/**
 * Picks the `maxListed` strongest supporting and opposing spans of an explanation (zero
 * weights are neither).
 *
 * @example
 * summarizeExplanation(explanation, 2).supporting.map((span) => span.text) // ['broken', 'again']
 */
export function summarizeExplanation(
  explanation: Pick<Explanation, 'spans'>,
  maxListed = 3,
): ExplanationSummary {
  const byStrength = [...explanation.spans].sort(
    (left, right) => Math.abs(right.weight) - Math.abs(left.weight),
  );
  return {
    supporting: byStrength.filter((span) => span.weight > 0).slice(0, maxListed),
    opposing: byStrength.filter((span) => span.weight < 0).slice(0, maxListed),
  };
}
