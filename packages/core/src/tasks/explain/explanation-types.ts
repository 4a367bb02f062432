/**
 * A run of characters of the explained text and how much it pushed the answer.
 *
 * @example
 * const strongest = explanation.spans.toSorted((a, b) => Math.abs(b.weight) - Math.abs(a.weight))[0]
 */
export interface AttributionSpan {
  /** Offset of the first character in the original text (UTF-16 code units). */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /**
   * Signed effect on the explained label's score: positive spans support the label, negative
   * spans speak against it. Roughly the drop in score when the span is removed (occlusion).
   */
  weight: number;
}

/**
 * Why a classifier gave its answer.
 *
 * @example
 * const { label, spans } = await client.sentiment().explain('Slow support, great fix')
 */
export interface Explanation {
  /** The label whose score is explained. */
  label: string;
  /** That label's score on the full text. */
  score: number;
  /** Every word of the text, in order, with its weight. */
  spans: AttributionSpan[];
  /** How the weights were computed, for model cards and UIs. */
  method: 'occlusion';
  /** Teachable classifiers only: the taught examples nearest to the text, most similar first. */
  nearestExamples?: { text: string; label: string; similarity: number }[];
}
