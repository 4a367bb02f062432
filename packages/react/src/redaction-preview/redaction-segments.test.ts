import { redactPII } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { piiTypeName } from './pii-type-names.js';
import { redactionCounts } from './redaction-counts.js';
import type { RedactionPreviewEntity } from './redaction-preview.js';
import { redactionSegments } from './redaction-segments.js';

const kinds = (segments: ReturnType<typeof redactionSegments>) =>
  segments.map((segment) => [segment.kind, segment.text]);

describe('redactionSegments', () => {
  it('finds redactPII()’s placeholders from its offsets into the original text', async () => {
    const original =
      'Ask Dana Whitfield (dana.whitfield@kestrel-analytics.example) or call +44 20 7946 0958.';
    const { text, entities } = await redactPII(original, { PERSON: 'allow' });
    expect(text).toBe('Ask Dana Whitfield ([EMAIL_1]) or call [PHONE_1].');
    const segments = redactionSegments(text, entities);
    expect(kinds(segments)).toEqual([
      ['text', 'Ask Dana Whitfield ('],
      ['masked', '[EMAIL_1]'],
      ['text', ') or call '],
      ['masked', '[PHONE_1]'],
      ['text', '.'],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });

  it('marks values a policy allowed where they are, after placeholders of other lengths', () => {
    // Original: 'Mail jo@kestrel.example from 203.0.113.9 now'
    const text = 'Mail [EMAIL_1] from 203.0.113.9 now';
    const entities: RedactionPreviewEntity[] = [
      { type: 'EMAIL', start: 5, end: 23, placeholder: '[EMAIL_1]' },
      { type: 'IP_ADDRESS', start: 29, end: 40 },
    ];
    expect(kinds(redactionSegments(text, entities))).toEqual([
      ['text', 'Mail '],
      ['masked', '[EMAIL_1]'],
      ['text', ' from '],
      ['unmasked', '203.0.113.9'],
      ['text', ' now'],
    ]);
  });

  it('also reads offsets into the redacted text, and entities out of order', () => {
    const text = '[PERSON_1] wrote to [EMAIL_1].';
    const entities: RedactionPreviewEntity[] = [
      { type: 'EMAIL', start: 20, end: 29, placeholder: '[EMAIL_1]' },
      { type: 'PERSON', start: 0, end: 10, placeholder: '[PERSON_1]' },
    ];
    expect(kinds(redactionSegments(text, entities))).toEqual([
      ['masked', '[PERSON_1]'],
      ['text', ' wrote to '],
      ['masked', '[EMAIL_1]'],
      ['text', '.'],
    ]);
  });

  it('looks further on for a placeholder the offsets miss (an earlier entity left out of the list)', () => {
    // Original: 'Dana Whitfield wrote to dana@kestrel.example.'; the PERSON entity was filtered out.
    const text = '[PERSON_1] wrote to [EMAIL_1].';
    const entities: RedactionPreviewEntity[] = [
      { type: 'EMAIL', start: 24, end: 44, placeholder: '[EMAIL_1]' },
    ];
    expect(kinds(redactionSegments(text, entities))).toEqual([
      ['text', '[PERSON_1] wrote to '],
      ['masked', '[EMAIL_1]'],
      ['text', '.'],
    ]);
  });

  it('leaves out what does not fit: a placeholder not in the text, bad or empty offsets, values past the end', () => {
    const text = 'Call [PHONE_1] today';
    const segments = redactionSegments(text, [
      { type: 'EMAIL', start: 0, end: 5, placeholder: '[EMAIL_1]' }, // not in the text
      { type: 'PHONE', start: 5, end: 20, placeholder: '[PHONE_1]' },
      { type: 'PERSON', start: 3, end: 3 }, // empty
      { type: 'PERSON', start: 1.5, end: 4 }, // not an offset
      { type: 'PERSON', start: 40, end: 45 }, // past the end
    ]);
    expect(kinds(segments)).toEqual([
      ['text', 'Call '],
      ['masked', '[PHONE_1]'],
      ['text', ' today'],
    ]);
    expect(redactionSegments('', [])).toEqual([]);
    expect(redactionSegments('plain', [])).toEqual([{ kind: 'text', start: 0, text: 'plain' }]);
  });
});

describe('redactionCounts and piiTypeName', () => {
  it('count masked and unmasked apart, in report order, unknown types last', () => {
    expect(
      redactionCounts([
        { type: 'TICKET_ID', start: 0, end: 1, placeholder: '[TICKET_ID_1]' },
        { type: 'PERSON', start: 2, end: 3, placeholder: '[PERSON_1]' },
        { type: 'EMAIL', start: 4, end: 5, placeholder: '[EMAIL_1]' },
        { type: 'PERSON', start: 6, end: 7 },
        { type: 'EMAIL', start: 8, end: 9, placeholder: '[EMAIL_2]' },
      ]),
    ).toEqual([
      { type: 'EMAIL', masked: 2, unmasked: 0 },
      { type: 'PERSON', masked: 1, unmasked: 1 },
      { type: 'TICKET_ID', masked: 1, unmasked: 0 },
    ]);
    expect(redactionCounts([])).toEqual([]);
  });

  it('name every redactPII() type, singular and plural, and keep others as they are', () => {
    expect(piiTypeName('EMAIL')).toBe('email address');
    expect(piiTypeName('EMAIL', 2)).toBe('email addresses');
    expect(piiTypeName('PERSON', 3)).toBe("people's names");
    expect(piiTypeName('CREDIT_CARD')).toBe('payment card number');
    expect(piiTypeName('TICKET_ID', 2)).toBe('TICKET_ID');
    for (const type of ['PHONE', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'SECRET']) {
      expect(piiTypeName(type)).not.toBe(type);
    }
  });
});
