import type { PiiSpan } from './pii-span.js';
import { type PiiAction, type PiiEntity, type PiiType, piiTypes } from './pii-types.js';

const placeholderPattern = new RegExp(`\\[(?:${piiTypes.join('|')})_\\d+\\]`, 'g');

/**
 * Replaces the masked spans of `text` with typed, numbered placeholders (`[EMAIL_1]`), numbered
 * per type in order of first appearance; the same value (the same characters) gets the same
 * placeholder. A placeholder that the text already holds is never handed out, so `restore`
 * cannot confuse a literal `[EMAIL_1]` of the text with a masked value.
 *
 * @example
 * const { text } = applyPlaceholders('mail a@b.io', [{ start: 5, end: 11, type: 'EMAIL' }], () => 'mask')
 * text // 'mail [EMAIL_1]'
 */
export function applyPlaceholders(
  text: string,
  spans: readonly PiiSpan[],
  actionOf: (type: PiiType) => PiiAction,
): { text: string; entities: PiiEntity[]; restore: (textWithPlaceholders: string) => string } {
  const present = new Set(text.match(placeholderPattern) ?? []);
  const byValue = new Map<string, string>();
  const originals = new Map<string, string>();
  const next = new Map<PiiType, number>();
  const entities: PiiEntity[] = [];
  let redacted = '';
  let at = 0;
  for (const span of spans) {
    const action = actionOf(span.type);
    if (action !== 'mask') {
      entities.push({ ...span, action });
      continue;
    }
    const value = text.slice(span.start, span.end);
    const key = `${span.type}\u0000${value}`;
    let placeholder = byValue.get(key);
    if (placeholder === undefined) {
      let number = next.get(span.type) ?? 1;
      while (present.has(`[${span.type}_${number}]`)) number += 1;
      next.set(span.type, number + 1);
      placeholder = `[${span.type}_${number}]`;
      byValue.set(key, placeholder);
      originals.set(placeholder, value);
    }
    entities.push({ ...span, action, placeholder });
    redacted += text.slice(at, span.start) + placeholder;
    at = span.end;
  }
  redacted += text.slice(at);
  return {
    text: redacted,
    entities,
    restore: (textWithPlaceholders: string) =>
      textWithPlaceholders.replace(
        placeholderPattern,
        (placeholder) => originals.get(placeholder) ?? placeholder,
      ),
  };
}
