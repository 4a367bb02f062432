import type { RedactionPreviewEntity } from './redaction-preview.js';

/** A piece of the outgoing text: plain, a placeholder that replaced a value, or a value left in. */
export type RedactionSegment =
  | { kind: 'text'; start: number; text: string }
  | { kind: 'masked' | 'unmasked'; start: number; text: string; type: string };

/**
 * Splits the redacted text into plain text, placeholders (`masked`: entities with a
 * `placeholder`) and values left as they are (`unmasked`: entities without one), in order.
 *
 * The entities' offsets are `redactPII()`'s: into the original text. Each placeholder is
 * expected where the offsets put it once the earlier placeholders' lengths are accounted for,
 * and looked for further on when it is not there (offsets into the redacted text work too); a
 * placeholder that is not in the text at all is left out. An unmasked value is marked where its
 * offsets put it, when that fits. The segments' texts join back into `text`.
 *
 * @example
 * redactionSegments('Mail [EMAIL_1] now', [{ type: 'EMAIL', start: 5, end: 16, placeholder: '[EMAIL_1]' }])
 * // [{ kind: 'text', start: 0, text: 'Mail ' },
 * //  { kind: 'masked', start: 5, text: '[EMAIL_1]', type: 'EMAIL' },
 * //  { kind: 'text', start: 14, text: ' now' }]
 */
export function redactionSegments(
  text: string,
  entities: readonly RedactionPreviewEntity[],
): RedactionSegment[] {
  const segments: RedactionSegment[] = [];
  let cursor = 0;
  // Where the redacted text is, relative to the original, after the entities so far.
  let shift = 0;
  const ordered = [...entities].sort((left, right) => left.start - right.start);
  for (const entity of ordered) {
    if (!Number.isInteger(entity.start) || !Number.isInteger(entity.end)) continue;
    if (entity.end <= entity.start) continue;
    const expected = entity.start + shift;
    const { placeholder } = entity;
    let at: number;
    let length: number;
    if (placeholder) {
      length = placeholder.length;
      at =
        expected >= cursor && text.startsWith(placeholder, expected)
          ? expected
          : text.indexOf(placeholder, cursor);
      if (at < 0) continue;
      shift = at + length - entity.end;
    } else {
      at = expected;
      length = entity.end - entity.start;
      if (at < cursor || at + length > text.length) continue;
    }
    if (at > cursor) segments.push({ kind: 'text', start: cursor, text: text.slice(cursor, at) });
    segments.push({
      kind: placeholder ? 'masked' : 'unmasked',
      start: at,
      text: text.slice(at, at + length),
      type: entity.type,
    });
    cursor = at + length;
  }
  if (cursor < text.length)
    segments.push({ kind: 'text', start: cursor, text: text.slice(cursor) });
  return segments;
}
