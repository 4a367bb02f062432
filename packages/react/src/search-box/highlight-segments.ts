import type { SearchHighlight } from '@ondevice/core';

/**
 * A piece of a field's text: plain, or a match to draw as `<mark>`.
 *
 * @example
 * const segment: HighlightSegment = { kind: 'match', text: 'Refund', start: 0 }
 */
export interface HighlightSegment {
  kind: 'text' | 'match';
  text: string;
  /** Offset of the piece in the text it was cut from (a React key). */
  start: number;
}

/**
 * Cuts a field's text into plain and matching pieces from the highlights of that field
 * (other fields' are ignored); overlapping or touching matches become one, offsets outside the
 * text are clipped.
 *
 * @example
 * highlightSegments('Refund a payment', [{ field: 'title', start: 0, end: 6, text: 'Refund' }], 'title')
 * // [{ kind: 'match', text: 'Refund', start: 0 }, { kind: 'text', text: ' a payment', start: 6 }]
 */
export function highlightSegments(
  text: string,
  highlights: readonly SearchHighlight[],
  field: string,
): HighlightSegment[] {
  const spans = highlights
    .filter((highlight) => highlight.field === field)
    .map((highlight) => [
      Math.max(0, Math.min(text.length, highlight.start)),
      Math.max(0, Math.min(text.length, highlight.end)),
    ])
    .filter(([start, end]) => (start as number) < (end as number))
    .sort((left, right) => (left[0] as number) - (right[0] as number)) as [number, number][];
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ kind: 'text', text: text.slice(at, start), start: at });
    segments.push({ kind: 'match', text: text.slice(start, end), start });
    at = end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at), start: at });
  return segments;
}

/**
 * A window of about `maxLength` characters of a long text, around its first match (or the
 * given anchor offset), cut at word boundaries, with the highlights moved to the window's
 * offsets; `before` / `after` say whether text was left out there.
 *
 * @example
 * snippetOf(longBody, highlights, 'body', { maxLength: 160 })
 * // { text: 'the whole workspace and every project…', highlights: [...], before: true, after: true }
 */
export function snippetOf(
  text: string,
  highlights: readonly SearchHighlight[],
  field: string,
  options: { maxLength: number; anchor?: number | undefined },
): { text: string; highlights: SearchHighlight[]; before: boolean; after: boolean } {
  const own = highlights.filter((highlight) => highlight.field === field);
  if (text.length <= options.maxLength) {
    return { text, highlights: own, before: false, after: false };
  }
  const anchor = own[0]?.start ?? options.anchor ?? 0;
  // Some context before the match: a quarter of the window.
  let start = Math.max(0, Math.min(anchor - Math.floor(options.maxLength / 4), text.length));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space >= anchor ? start : space + 1;
  }
  let end = Math.min(text.length, start + options.maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return {
    text: text.slice(start, end),
    highlights: own
      .filter((highlight) => highlight.end > start && highlight.start < end)
      .map((highlight) => ({
        ...highlight,
        start: Math.max(0, highlight.start - start),
        end: Math.min(end, highlight.end) - start,
      })),
    before: start > 0,
    after: end < text.length,
  };
}
