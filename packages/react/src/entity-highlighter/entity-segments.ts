import type { EntitySpan } from '@ondevice/core';

/** A piece of a text: plain, or one entity span. */
export type EntitySegment =
  | { kind: 'text'; start: number; text: string }
  | { kind: 'entity'; start: number; text: string; span: EntitySpan };

/**
 * Splits a text into plain and entity segments, in order, by the spans' UTF-16 offsets. Spans
 * that do not fit the text (out of range, empty, or overlapping an earlier one) are left out
 * rather than marking the wrong characters. The segments' texts join back into `text`.
 *
 * @example
 * entitySegments('Alice met Bob', [{ type: 'PER', text: 'Bob', start: 10, end: 13, score: 0.9 }])
 * // [{ kind: 'text', start: 0, text: 'Alice met ' }, { kind: 'entity', start: 10, text: 'Bob', span }]
 */
export function entitySegments(text: string, spans: readonly EntitySpan[]): EntitySegment[] {
  const segments: EntitySegment[] = [];
  let cursor = 0;
  const ordered = [...spans].sort((left, right) => left.start - right.start);
  for (const span of ordered) {
    const fits =
      Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      span.start >= cursor &&
      span.end > span.start &&
      span.end <= text.length;
    if (!fits) continue;
    if (span.start > cursor) {
      segments.push({ kind: 'text', start: cursor, text: text.slice(cursor, span.start) });
    }
    segments.push({
      kind: 'entity',
      start: span.start,
      text: text.slice(span.start, span.end),
      span,
    });
    cursor = span.end;
  }
  if (cursor < text.length)
    segments.push({ kind: 'text', start: cursor, text: text.slice(cursor) });
  return segments;
}
