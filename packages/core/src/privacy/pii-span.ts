import type { PiiType } from './pii-types.js';

/**
 * A detector's finding: UTF-16 offsets into the text (end exclusive) and the type.
 *
 * @example
 * const span: PiiSpan = { start: 5, end: 21, type: 'EMAIL' }
 */
export interface PiiSpan {
  start: number;
  end: number;
  type: PiiType;
}

/**
 * The spans of every match of `pattern` (a global regular expression) that `accept` keeps;
 * `accept` may return a narrower span (a group of the match) or `undefined` to drop it.
 *
 * @example
 * spansOf(text, /\d+/g, 'PHONE', (match) => ({ start: match.index, end: match.index + match[0].length }))
 */
export function spansOf(
  text: string,
  pattern: RegExp,
  type: PiiType,
  accept: (match: RegExpExecArray) => { start: number; end: number } | undefined,
): PiiSpan[] {
  const spans: PiiSpan[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const span = accept(match);
    if (span && span.end > span.start) spans.push({ ...span, type });
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return spans;
}

/**
 * The span of a capture group of a match (with the `d` flag), or undefined when it did not take part.
 *
 * @example
 * groupSpan(/key=(\w+)/d.exec('key=abc')!, 1) // { start: 4, end: 7 }
 */
export function groupSpan(
  match: RegExpExecArray,
  group: number,
): { start: number; end: number } | undefined {
  const indices = match.indices?.[group];
  return indices ? { start: indices[0], end: indices[1] } : undefined;
}

/**
 * The text just before `index`, at most `length` code units, for context rules.
 *
 * @example
 * textBefore('call 555', 5, 5) // 'call '
 */
export function textBefore(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - length), index);
}
