import { type RedactionPolicy, redactPII } from '@ondevice/core';
import { piiBenchTexts } from '../workload/pii-texts.js';

type Log = (line: string) => void;

/** The (n) workload: texts, their length, warm-up calls. */
export const piiJob = { texts: 300, length: 1000, warmUp: 30, seed: 2026 } as const;

/**
 * One policy's run: every text redacted once, one call at a time.
 *
 * @example
 * const run: PiiVariantRun = { name: 'PERSON on', policy: {}, milliseconds: [3.1, …], totalMs: 950, entities: 2400 }
 */
export interface PiiVariantRun {
  name: string;
  policy: RedactionPolicy;
  /** Each call's time, from the call to its result. */
  milliseconds: number[];
  /** The calls back to back, warm-up excluded. */
  totalMs: number;
  /** Entities found in all the texts. */
  entities: number;
}

/**
 * (n): what (n) measured, in Node.
 *
 * @example
 * const run = await measurePii(log)
 */
export interface PiiRun {
  textCount: number;
  meanLength: number;
  variants: PiiVariantRun[];
}

/**
 * (n): `redactPII()` in this Node process on seeded ~1 kB support texts, with the default policy
 * (PERSON on: context rules and compromise) and with `{ PERSON: 'allow' }` (PERSON off); each
 * after its own warm-up calls (compromise's import and first runs), then every text once,
 * `performance.now()` around each awaited call.
 *
 * @example
 * const run = await measurePii(log)
 */
export async function measurePii(log: Log): Promise<PiiRun> {
  const texts = piiBenchTexts(piiJob.texts, piiJob.length, piiJob.seed);
  const variants: PiiVariantRun[] = [];
  for (const [name, policy] of [
    ['PERSON on (default policy)', {}],
    ['PERSON off ({ PERSON: "allow" })', { PERSON: 'allow' }],
  ] as const) {
    for (const text of texts.slice(0, piiJob.warmUp)) await redactPII(text, policy);
    const milliseconds: number[] = [];
    let entities = 0;
    const started = performance.now();
    for (const text of texts) {
      const before = performance.now();
      const redaction = await redactPII(text, policy);
      milliseconds.push(performance.now() - before);
      entities += redaction.entities.length;
    }
    const totalMs = performance.now() - started;
    variants.push({ name, policy, milliseconds, totalMs, entities });
    log(`  ${name}: ${((texts.length / totalMs) * 1000).toFixed(0)} texts/s`);
  }
  return {
    textCount: texts.length,
    meanLength: Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length),
    variants,
  };
}
