import { type Limits, checkLimit } from '../../util/limits.js';

/**
 * The client's limits a teachable classifier enforces (the client passes its own).
 *
 * @example
 * const limits: TeachableLimits = { maxExamples: 50_000, maxLabels: 256, maxImportBytes: 64 << 20 }
 */
export type TeachableLimits = Pick<Limits, 'maxExamples' | 'maxLabels' | 'maxImportBytes'>;

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
  if (limits) checkLimit(limits, name, actual, what);
}
