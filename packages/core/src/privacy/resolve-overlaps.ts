import type { PiiSpan } from './pii-span.js';
import type { PiiType } from './pii-types.js';

/**
 * Which type wins when spans of two types overlap, strongest first: a provider's shape or a
 * secret's context, then the types with a checksum, then the shapes of addresses and numbers,
 * then names (the weakest evidence).
 *
 * @example
 * overlapPriority.indexOf('SECRET') < overlapPriority.indexOf('EMAIL') // true
 */
export const overlapPriority: readonly PiiType[] = [
  'SECRET',
  'IBAN',
  'CREDIT_CARD',
  'US_SSN',
  'EMAIL',
  'IP_ADDRESS',
  'PHONE',
  'PERSON',
];

/**
 * One span per stretch of text, in text order. Overlapping spans of one type are merged into
 * one (two rules finding the same name); overlapping spans of different types are settled by
 * {@link overlapPriority}: the stronger type keeps its whole span and the other is dropped.
 *
 * @example
 * resolveOverlaps([{ start: 0, end: 9, type: 'SECRET' }, { start: 4, end: 20, type: 'EMAIL' }])
 * // [{ start: 0, end: 9, type: 'SECRET' }]
 */
export function resolveOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  if (spans.length === 0) return [];
  const merged: PiiSpan[] = [];
  for (const type of overlapPriority) {
    const ofType = spans
      .filter((span) => span.type === type)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    for (const span of ofType) {
      const previous = merged.at(-1);
      if (previous && previous.type === type && span.start < previous.end) {
        previous.end = Math.max(previous.end, span.end);
      } else {
        merged.push({ ...span });
      }
    }
  }
  // merged is grouped by type, strongest first: keep each span that overlaps none kept before
  // it. A mark per code unit keeps this linear in the text's length, however many spans.
  const taken = new Uint8Array(merged.reduce((end, span) => Math.max(end, span.end), 0));
  const kept: PiiSpan[] = [];
  for (const span of merged) {
    if (taken.subarray(span.start, span.end).includes(1)) continue;
    taken.fill(1, span.start, span.end);
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
