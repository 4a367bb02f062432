import { HTTPException } from 'hono/http-exception';
import { afterEach, describe, expect, it } from 'vitest';
import { coreRedactor } from './core-redactor.js';
import type { RedactionPolicy } from './redactor.js';
import { createThreadRedactor, type ThreadRedactor } from './thread-redactor.js';

const masked: RedactionPolicy = {
  EMAIL: 'mask',
  PHONE: 'mask',
  CREDIT_CARD: 'mask',
  IBAN: 'mask',
  US_SSN: 'mask',
  IP_ADDRESS: 'mask',
  SECRET: 'mask',
  PERSON: 'mask',
};
const texts = [
  'Hi, I am Maria Lopez; write to maria.lopez@example.com or call +1 415 555 0134.',
  'Order 4471-2290 shipped on 2024-03-02, version 2.14.1, total $1,299.00.',
  'Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, from 10.0.0.12.',
  'Yesterday John Carter asked Priya Patel about ticket #88812.',
  '',
];
const crashing = new URL(
  '../test-support/crashing-redaction-thread.test.support.mjs',
  import.meta.url,
);

let redaction: ThreadRedactor | undefined;
afterEach(async () => {
  await redaction?.close();
  redaction = undefined;
});

describe('createThreadRedactor', () => {
  it('gives what core gives on the event loop, for texts in flight together on two threads', async () => {
    redaction = createThreadRedactor({ threads: 2 });
    const policies: RedactionPolicy[] = [
      masked,
      { ...masked, PERSON: 'allow' },
      { ...masked, EMAIL: 'block', CREDIT_CARD: 'block' },
    ];
    const jobs = policies.flatMap((policy) => texts.map((text) => ({ text, policy })));
    const threaded = await Promise.all(
      jobs.map(({ text, policy }) => redaction!.redactor(text, policy)),
    );
    const expected = await Promise.all(jobs.map(({ text, policy }) => coreRedactor(text, policy)));
    expect(threaded).toEqual(expected);
    expect(threaded[0]).toMatchObject({
      blocked: false,
      text: 'Hi, I am [PERSON_1]; write to [EMAIL_1] or call [PHONE_1].',
    });
    expect(threaded.some((outcome) => outcome.blocked)).toBe(true);
    expect(redaction.mode).toBe('threads');
  });

  it('a text over the redactor length is the same 413 as on the event loop', async () => {
    redaction = createThreadRedactor();
    const error = await redaction.redactor('word '.repeat(250_000), masked).catch((e) => e);
    expect(error).toBeInstanceOf(HTTPException);
    expect((error as HTTPException).status).toBe(413);
    expect(await (error as HTTPException).getResponse().json()).toMatchObject({
      error: { code: 'prompt_too_long' },
    });
  });

  it('a thread that dies mid-text: the text is redacted on the event loop, and a fresh thread takes the next', async () => {
    const errors: unknown[] = [];
    redaction = createThreadRedactor({
      entry: crashing,
      onThreadError: (error) => errors.push(error),
    });
    expect(await redaction.redactor(texts[0]!, masked)).toMatchObject({
      text: 'from a fresh thread',
    });
    // The second text kills the thread: answered by core on the event loop, nothing lost.
    expect(await redaction.redactor(texts[0]!, masked)).toEqual(
      await coreRedactor(texts[0]!, masked),
    );
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('exited (code 3)');
    expect(redaction.mode).toBe('threads');
    expect(await redaction.redactor(texts[3]!, masked)).toMatchObject({
      text: 'from a fresh thread',
    });
  });

  it('a thread that cannot start: every text is redacted on the event loop from then on', async () => {
    const errors: unknown[] = [];
    redaction = createThreadRedactor({
      entry: new URL('./no-such-redaction-thread.mjs', import.meta.url),
      onThreadError: (error) => errors.push(error),
    });
    expect(await redaction.redactor(texts[0]!, masked)).toEqual(
      await coreRedactor(texts[0]!, masked),
    );
    expect(redaction.mode).toBe('event-loop');
    expect(await redaction.redactor(texts[2]!, masked)).toEqual(
      await coreRedactor(texts[2]!, masked),
    );
    expect(errors).toHaveLength(1);
  });

  it('a thread refused at once (new Worker throws): every text is redacted on the event loop', async () => {
    const errors: unknown[] = [];
    redaction = createThreadRedactor({
      entry: new URL('http://127.0.0.1/redaction-thread.mjs'),
      onThreadError: (error) => errors.push(error),
    });
    const outcomes = await Promise.all(texts.map((text) => redaction!.redactor(text, masked)));
    expect(outcomes).toEqual(await Promise.all(texts.map((text) => coreRedactor(text, masked))));
    expect(redaction.mode).toBe('event-loop');
    expect(errors).toHaveLength(1);
  });

  it('texts still waiting at close() are redacted on the event loop', async () => {
    redaction = createThreadRedactor();
    const waiting = Promise.all(texts.map((text) => redaction!.redactor(text, masked)));
    await redaction.close();
    expect(await waiting).toEqual(
      await Promise.all(texts.map((text) => coreRedactor(text, masked))),
    );
  });

  it('refuses a thread count that is not a whole number of at least 1', () => {
    expect(() => createThreadRedactor({ threads: 0 })).toThrow(RangeError);
    expect(() => createThreadRedactor({ threads: 1.5 })).toThrow(RangeError);
  });
});
