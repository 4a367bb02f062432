import { LimitExceededError } from '@ondevice/errors';

/**
 * The client's limits a teachable classifier enforces (the client passes its own; see `Limits`
 * in `client/limits.ts`, which tasks do not import).
 *
 * @example
 * const limits: TeachableLimits = { maxExamples: 50_000, maxLabels: 256, maxImportBytes: 64 << 20 }
 */
export interface TeachableLimits {
  maxExamples: number;
  maxLabels: number;
  maxImportBytes: number;
}

/**
 * Throws when `actual` is over the limit `name` (no limits: nothing to check).
 *
 * @throws {LimitExceededError} naming the limit and how to raise it.
 * @example
 * checkTeachableLimit(limits, 'maxExamples', examples.length, 'learn()')
 */
export function checkTeachableLimit(
  limits: TeachableLimits | undefined,
  name: keyof TeachableLimits,
  actual: number,
  what: string,
): void {
  const maximum = limits?.[name];
  if (maximum === undefined || actual <= maximum) return;
  throw new LimitExceededError({
    limit: name,
    maximum,
    actual,
    message: `${what} got ${actual}, over the limit ${name} = ${maximum}. Raise it with createClient({ limits: { ${name}: ${actual} } }).`,
  });
}
