import {
  type PiiType,
  type RedactOptions,
  type Redaction,
  type RedactionPolicy,
  piiTypes,
  redactPII,
} from '@ondevice/core';

/**
 * A placeholder as core writes it: `[EMAIL_1]`, `[PERSON_12]` (global: use with `replace`).
 *
 * @example
 * 'Hi [PERSON_1]'.match(placeholderPattern) // ['[PERSON_1]']
 */
export const placeholderPattern = new RegExp(`\\[(?:${piiTypes.join('|')})_\\d+\\]`, 'g');

/**
 * One entity of {@link RedactedTexts}.
 *
 * @example
 * const entity: RedactedEntity = { start: 5, end: 21, type: 'EMAIL', placeholder: '[EMAIL_1]' }
 */
export interface RedactedEntity {
  start: number;
  end: number;
  type: PiiType;
  placeholder?: string;
}

/**
 * Several texts (the parts of one conversation) redacted together: the placeholders are
 * numbered across all of them, so the same value is the same placeholder in every message.
 *
 * @example
 * const { texts, restore } = await redactTexts(['I am Maria Lopez.', 'Maria Lopez again.'])
 */
export interface RedactedTexts {
  /** The texts, in order, with every masked value replaced by its placeholder. */
  texts: string[];
  /**
   * Per text, what was found, in order: offsets into the original text (as `redactPII()` gives
   * them), the type, and the placeholder that replaced it (none where the policy allows the
   * type). What `<RedactionPreview>` of `@ondevice/react` takes with the text.
   */
  entities: RedactedEntity[][];
  /** Entities masked or allowed, per type, over all the texts. */
  counts: Record<PiiType, number>;
  /** Puts the values back in place of these placeholders (others are left as they are). */
  restore(text: string): string;
}

/**
 * Runs core's `redactPII` on each text, then renumbers the placeholders across the texts in
 * order of first appearance (`[EMAIL_1]` is the same address in every message). A value masked
 * in one text is masked wherever else it appears as a whole word, even where the detectors
 * missed it (a name mentioned again without its context). A placeholder that a text already
 * holds literally is never handed out, so `restore` cannot mistake it for a value.
 *
 * @throws {PiiBlockedError} when a text holds an entity of a type the policy blocks.
 * @example
 * const { texts, restore } = await redactTexts(['Mail jane@example.com', 'jane@example.com, ok?'])
 * texts // ['Mail [EMAIL_1]', '[EMAIL_1], ok?']
 * restore('Sent to [EMAIL_1].') // 'Sent to jane@example.com.'
 */
export async function redactTexts(
  texts: readonly string[],
  policy?: RedactionPolicy,
  options?: RedactOptions,
): Promise<RedactedTexts> {
  const redactions: (Redaction | undefined)[] = [];
  for (const text of texts) {
    redactions.push(text === '' ? undefined : await redactPII(text, policy, options));
  }

  const counts = Object.fromEntries(piiTypes.map((type) => [type, 0])) as Record<PiiType, number>;
  const reserved = new Set(texts.flatMap((text) => text.match(placeholderPattern) ?? []));
  const placeholders = new Map<string, string>(); // `${type}\0${value}` → placeholder
  const values = new Map<string, string>(); // placeholder → value
  const next = new Map<PiiType, number>();
  const placeholderOf = (type: PiiType, value: string): string => {
    const key = `${type}\u0000${value}`;
    let placeholder = placeholders.get(key);
    if (placeholder === undefined) {
      let number = next.get(type) ?? 1;
      while (reserved.has(`[${type}_${number}]`)) number += 1;
      next.set(type, number + 1);
      placeholder = `[${type}_${number}]`;
      placeholders.set(key, placeholder);
      values.set(placeholder, value);
    }
    return placeholder;
  };

  // First pass: number what the detectors found, in conversation order.
  const spansPerText = texts.map((text, index) => {
    const spans: Span[] = [];
    for (const entity of redactions[index]?.entities ?? []) {
      counts[entity.type] += 1;
      if (entity.placeholder === undefined) continue;
      const value = text.slice(entity.start, entity.end);
      spans.push({ ...entity, placeholder: placeholderOf(entity.type, value) });
    }
    return spans;
  });
  // Second pass: the same values wherever else they appear.
  const masked = [...placeholders.entries()]
    .map(([key, placeholder]) => ({ value: key.slice(key.indexOf('\u0000') + 1), placeholder }))
    .sort((a, b) => b.value.length - a.value.length);
  const entities: RedactedEntity[][] = [];
  const redacted = texts.map((text, index) => {
    const spans = spansPerText[index] ?? [];
    for (const { value, placeholder } of masked) {
      for (const start of wholeWordOccurrences(text, value)) {
        const end = start + value.length;
        if (spans.some((span) => start < span.end && span.start < end)) continue;
        spans.push({ start, end, placeholder });
        counts[placeholder.slice(1, placeholder.lastIndexOf('_')) as PiiType] += 1;
      }
    }
    spans.sort((a, b) => a.start - b.start);
    const allowed = (redactions[index]?.entities ?? []).filter(
      (entity) => entity.placeholder === undefined,
    );
    entities.push(
      [
        ...spans.map(({ start, end, placeholder }) => ({
          start,
          end,
          type: placeholder.slice(1, placeholder.lastIndexOf('_')) as PiiType,
          placeholder,
        })),
        ...allowed.map(({ start, end, type }) => ({ start, end, type })),
      ].sort((a, b) => a.start - b.start),
    );
    let result = '';
    let at = 0;
    for (const span of spans) {
      result += text.slice(at, span.start) + span.placeholder;
      at = span.end;
    }
    return result + text.slice(at);
  });

  return {
    texts: redacted,
    entities,
    counts,
    restore: (text) =>
      text.replace(placeholderPattern, (placeholder) => values.get(placeholder) ?? placeholder),
  };
}

interface Span {
  start: number;
  end: number;
  placeholder: string;
}

const wordCharacter = /[\p{L}\p{N}_]/u;

function wholeWordOccurrences(text: string, value: string): number[] {
  const found: number[] = [];
  if (value === '') return found;
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    const before = text[at - 1];
    const after = text[at + value.length];
    const boundary = (character: string | undefined) =>
      character === undefined || !wordCharacter.test(character);
    if (boundary(before) && boundary(after)) found.push(at);
  }
  return found;
}
