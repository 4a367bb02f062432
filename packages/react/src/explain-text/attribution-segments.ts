import type { AttributionSpan } from '@ondevice/core';

/** How strongly a run of text pushed the explained label, for display. */
export type AttributionSign = 'positive' | 'negative' | 'neutral';

/** A run of the explained text: an attributed span, or the text between spans. */
export interface AttributionSegment {
  text: string;
  start: number;
  end: number;
  /** The span's signed weight; 0 for text between spans. */
  weight: number;
  /** `neutral` for text between spans and for weights too small to show. */
  sign: AttributionSign;
  /** |weight| relative to the largest |weight| of the explanation, 0–1. */
  strength: number;
  /** `strength` in three steps, for styles that cannot use a continuous value. */
  level: 'weak' | 'medium' | 'strong' | undefined;
}

/**
 * Cuts `text` into segments from an explanation's spans: each span keeps its weight, scaled
 * against the strongest span, and the text between spans (spaces, punctuation) is neutral.
 * Spans below `minStrength` of the strongest are shown as neutral, so only words that matter
 * stand out. Spans that overlap an earlier one or fall outside the text are skipped.
 *
 * @example
 * attributionSegments('so slow', [
 *   { start: 0, end: 2, text: 'so', weight: 0.01 },
 *   { start: 3, end: 7, text: 'slow', weight: 0.2 },
 * ]).map((segment) => segment.sign) // ['neutral', 'neutral', 'positive']
 */
export function attributionSegments(
  text: string,
  spans: readonly AttributionSpan[],
  minStrength = 0.15,
): AttributionSegment[] {
  const maxWeight = Math.max(0, ...spans.map((span) => Math.abs(span.weight)));
  const segments: AttributionSegment[] = [];
  let cursor = 0;
  const plain = (start: number, end: number) => {
    if (end > start) {
      const run = { text: text.slice(start, end), start, end, weight: 0, strength: 0 };
      segments.push({ ...run, sign: 'neutral', level: undefined });
    }
  };
  for (const span of [...spans].sort((left, right) => left.start - right.start)) {
    if (span.start < cursor || span.end > text.length || span.end <= span.start) continue;
    plain(cursor, span.start);
    const strength = maxWeight > 0 ? Math.abs(span.weight) / maxWeight : 0;
    const shown = strength >= minStrength;
    segments.push({
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      weight: span.weight,
      sign: !shown ? 'neutral' : span.weight > 0 ? 'positive' : 'negative',
      strength,
      level: !shown
        ? undefined
        : strength >= 2 / 3
          ? 'strong'
          : strength >= 1 / 3
            ? 'medium'
            : 'weak',
    });
    cursor = span.end;
  }
  plain(cursor, text.length);
  return segments;
}
