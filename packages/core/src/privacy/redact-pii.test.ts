import {
  AbortError,
  InvalidInputError,
  LimitExceededError,
  OnDeviceError,
  PiiBlockedError,
} from '@ondevice/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { piiTypes } from './pii-types.js';
import { maxRedactionLength, redactPII } from './redact-pii.js';

const ticket =
  'Hi Maria, my card 4111 1111 1111 1111 was charged twice. Mail me at maria.lopez@example.com ' +
  'or call +44 20 7946 0958. Again: maria.lopez@example.com. Thanks, Priya';

describe('redactPII', () => {
  it('masks every type with numbered placeholders, the same value with the same one', async () => {
    const redaction = await redactPII(ticket);
    expect(redaction.text).toBe(
      'Hi [PERSON_1], my card [CREDIT_CARD_1] was charged twice. Mail me at [EMAIL_1] ' +
        'or call [PHONE_1]. Again: [EMAIL_1]. Thanks, [PERSON_2]',
    );
    expect(redaction.counts).toEqual({
      EMAIL: 2,
      PHONE: 1,
      CREDIT_CARD: 1,
      IBAN: 0,
      US_SSN: 0,
      IP_ADDRESS: 0,
      SECRET: 0,
      PERSON: 2,
    });
    expect(Object.keys(redaction.counts)).toEqual([...piiTypes]);
    const starts = redaction.entities.map((entity) => entity.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const entity of redaction.entities) {
      expect(entity.action).toBe('mask');
      expect(entity.placeholder).toMatch(new RegExp(`^\\[${entity.type}_\\d+\\]$`));
    }
    expect(ticket.slice(redaction.entities[0]!.start, redaction.entities[0]!.end)).toBe('Maria');
  });

  it('restores the values in an answer, leaving placeholders it did not make', async () => {
    const redaction = await redactPII(ticket);
    expect(redaction.restore(redaction.text)).toBe(ticket);
    expect(
      redaction.restore(
        'Dear [PERSON_1], we refunded [CREDIT_CARD_1]; [EMAIL_9] and [PHONE_2] stay.',
      ),
    ).toBe('Dear Maria, we refunded 4111 1111 1111 1111; [EMAIL_9] and [PHONE_2] stay.');
    expect(() => redaction.restore(42 as never)).toThrow(InvalidInputError);
  });

  it('never hands out a placeholder that the text already holds', async () => {
    const text = 'Literal [EMAIL_1] in the text, then ana@example.com.';
    const redaction = await redactPII(text);
    expect(redaction.text).toBe('Literal [EMAIL_1] in the text, then [EMAIL_2].');
    expect(redaction.restore(redaction.text)).toBe(text);
  });

  it('leaves allowed types in the text but lists them', async () => {
    const redaction = await redactPII(ticket, { EMAIL: 'allow', PHONE: 'allow' });
    expect(redaction.text).toContain('maria.lopez@example.com');
    expect(redaction.text).toContain('+44 20 7946 0958');
    const email = redaction.entities.find((entity) => entity.type === 'EMAIL');
    expect(email).toMatchObject({ action: 'allow' });
    expect(email).not.toHaveProperty('placeholder');
    expect(redaction.counts.EMAIL).toBe(2);
  });

  it('does not look for names when PERSON is allowed', async () => {
    const redaction = await redactPII(ticket, { PERSON: 'allow' });
    expect(redaction.counts.PERSON).toBe(0);
    expect(redaction.text).toMatch(/^Hi Maria, my card \[CREDIT_CARD_1\]/);
  });

  it('rejects with the blocked types and counts, never the values', async () => {
    const error = await redactPII(ticket, {
      CREDIT_CARD: 'block',
      EMAIL: 'block',
      IBAN: 'block',
    }).catch((caught: unknown) => caught);
    expect(PiiBlockedError.isInstance(error)).toBe(true);
    const blocked = error as PiiBlockedError;
    expect(blocked.code).toBe('pii-blocked');
    expect(blocked.types).toEqual(['EMAIL', 'CREDIT_CARD']);
    expect(blocked.counts).toEqual({ EMAIL: 2, CREDIT_CARD: 1 });
    const everything = JSON.stringify(blocked.toSerialized());
    for (const value of ['4111', 'maria.lopez', 'example.com', 'Maria', '7946']) {
      expect(everything).not.toContain(value);
    }
    // A blocked type that is absent does not block.
    await expect(redactPII('nothing here', { CREDIT_CARD: 'block' })).resolves.toMatchObject({
      text: 'nothing here',
    });
  });

  it('gives exact UTF-16 offsets around emoji and other surrogate pairs', async () => {
    const text = '😀👍🏽 𝒳 mail ana@example.com 🎉 or call (415) 555-0132 💳 4111 1111 1111 1111';
    const redaction = await redactPII(text, { PERSON: 'allow' });
    expect(
      redaction.entities.map((entity) => [entity.type, text.slice(entity.start, entity.end)]),
    ).toEqual([
      ['EMAIL', 'ana@example.com'],
      ['PHONE', '(415) 555-0132'],
      ['CREDIT_CARD', '4111 1111 1111 1111'],
    ]);
    expect(redaction.text).toBe('😀👍🏽 𝒳 mail [EMAIL_1] 🎉 or call [PHONE_1] 💳 [CREDIT_CARD_1]');
  });

  it('keeps one entity per span: a secret wins over what it contains', async () => {
    const text =
      'https://admin:pa55word@db.example.com/x and https://app.example.com/reset?token=abc123def456 and https://app.example.com/invite?email=ana@example.com';
    const redaction = await redactPII(text, { PERSON: 'allow' });
    expect(redaction.text).toBe(
      'https://[SECRET_1]@db.example.com/x and https://app.example.com/reset?token=[SECRET_2] and https://app.example.com/invite?email=[EMAIL_1]',
    );
  });

  it.each([
    [42, undefined, undefined, 'text'],
    [null, undefined, undefined, 'text'],
    ['x', { EMIAL: 'mask' }, undefined, 'policy.EMIAL'],
    ['x', { EMAIL: 'hide' }, undefined, 'policy.EMAIL'],
    ['x', 'mask', undefined, 'policy'],
    ['x', undefined, { signal: 'soon' }, 'options.signal'],
    ['x', undefined, { timeout: 5 }, 'options.timeout'],
  ])('rejects %j, %j, %j naming %s', async (text, policy, options, parameter) => {
    const error = await redactPII(text as never, policy as never, options as never).catch(
      (caught: unknown) => caught,
    );
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).parameter).toBe(parameter);
  });

  it('names the valid types when a policy has an unknown one', async () => {
    await expect(redactPII('x', { EMIAL: 'mask' } as never)).rejects.toThrow(
      /Did you mean "EMAIL"/,
    );
  });

  it('rejects a text over the limit, saying how to split it', async () => {
    const error = await redactPII('a'.repeat(maxRedactionLength + 1)).catch(
      (caught: unknown) => caught,
    );
    expect(LimitExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'maxRedactionLength', maximum: maxRedactionLength });
    expect((error as Error).message).toMatch(/up to 1,000,000 UTF-16 code units.*Split the text/);
  });

  it('rejects with AbortError when the signal has fired', async () => {
    const error = await redactPII(ticket, {}, { signal: AbortSignal.abort() }).catch(
      (caught: unknown) => caught,
    );
    expect(AbortError.isInstance(error)).toBe(true);
  });

  it('finds nothing in text without personal data', async () => {
    const text =
      'Order ORD-99812 (INV-2024-00123, #48213) ships on 2024-03-15 at 14:32; v2.14.3 fixes it. ' +
      'Total $1,234.56 or € 99. SKU-4471-BLK, 123e4567-e89b-12d3-a456-426614174000, commit 3f9a2c1, ' +
      '/var/log/nginx/access.log. Unfortunately the ThinkPad X1 Carbon is out of stock.';
    const redaction = await redactPII(text);
    expect(redaction.entities).toEqual([]);
    expect(redaction.text).toBe(text);
  });

  it('restores any masked text to the original (property)', async () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(
        'jane@example.com',
        '+44 20 7946 0958',
        '4111 1111 1111 1111',
        'GB82 WEST 1234 5698 7654 32',
        '123-45-6789',
        '10.0.0.1',
        '2001:db8::1',
        'password: hunter2!',
        'Hi Maria,',
        '[EMAIL_1]',
        '[PERSON_2]',
        ' ',
        '\n',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        const text = pieces.join('');
        const redaction = await redactPII(text);
        expect(redaction.restore(redaction.text)).toBe(text);
        for (const entity of redaction.entities) {
          expect(entity.start).toBeLessThan(entity.end);
          expect(entity.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { seed: 20260112, numRuns: 300 },
    );
  });

  it('resolves or rejects with a typed error whatever it is given (property)', async () => {
    const anything = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.constantFrom('\uD800', '\u0000', ''),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.object(),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(anything, anything, anything, async (text, policy, options) => {
        try {
          const redaction = await redactPII(text as never, policy as never, options as never);
          expect(typeof redaction.text).toBe('string');
        } catch (error) {
          expect(OnDeviceError.isInstance(error)).toBe(true);
        }
      }),
      { seed: 20260113, numRuns: 200 },
    );
  });

  it.each([
    ['a@'.repeat(50_000)],
    ['1 '.repeat(50_000)],
    [':'.repeat(100_000)],
    ['1.'.repeat(50_000)],
    [`eyJ${'a'.repeat(100_000)}`],
    ['password '.repeat(10_000)],
    ['Hi '.repeat(30_000)],
    [`${'A'.repeat(50_000)} ${'b1-'.repeat(20_000)}`],
  ])('finishes on a pathological text, leaving it as it was (%#)', async (text) => {
    // No timing here (CI is a busy machine): a rule that backtracks without bound runs into the
    // test's timeout; time per text is the bench's (`npm run bench -- --only pii`).
    const redaction = await redactPII(text, { PERSON: 'allow' });
    expect(redaction.restore(redaction.text)).toBe(text);
  });
});
