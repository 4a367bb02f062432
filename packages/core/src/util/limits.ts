import { LimitExceededError } from '@ondevice/errors';
import { resolveIntegerOptions } from './check-options.js';

/**
 * Bounds on what one call may ask of the library, so a careless or hostile input ends in a
 * {@link LimitExceededError} instead of minutes of work or gigabytes of memory. Raise any of
 * them with `createClient({ limits: { … } })`.
 *
 * @example
 * createClient({ limits: { maxTextsPerCall: 50_000 } })
 */
export interface Limits {
  /** Texts in one `embed`, `analyze`, `classify` or `predict` call. @default 10000 */
  maxTextsPerCall: number;
  /** Labels of one zero-shot or teachable classifier. @default 256 */
  maxLabels: number;
  /** Examples one teachable classifier keeps. @default 50000 */
  maxExamples: number;
  /** Size of the data given to a classifier's `import()`, as JSON, in bytes. @default 67108864 (64 MiB) */
  maxImportBytes: number;
}

/**
 * The limits every client starts with.
 *
 * @example
 * defaultLimits.maxTextsPerCall // 10000
 */
export const defaultLimits: Readonly<Limits> = Object.freeze({
  maxTextsPerCall: 10_000,
  maxLabels: 256,
  maxExamples: 50_000,
  maxImportBytes: 64 * 1024 * 1024,
});

/**
 * The client's limits: the defaults, with the caller's positive integers over them.
 *
 * @throws {InvalidInputError} naming a limit that is unknown or not a positive integer.
 * @example
 * resolveLimits({ maxLabels: 1000 }).maxLabels // 1000
 */
export function resolveLimits(given: unknown): Limits {
  return resolveIntegerOptions(given, defaultLimits, minimumLimits, 'limits');
}

const minimumLimits: Readonly<Limits> = {
  maxTextsPerCall: 1,
  maxLabels: 1,
  maxExamples: 1,
  maxImportBytes: 1,
};

/**
 * Throws when `actual` is over the limit `name`.
 *
 * @throws {LimitExceededError} naming the limit and how to raise it.
 * @example
 * checkLimit(limits, 'maxTextsPerCall', texts.length, 'embed()')
 */
export function checkLimit<Name extends keyof Limits>(
  limits: Pick<Limits, Name>,
  name: Name,
  actual: number,
  what: string,
): void {
  const maximum = limits[name];
  if (actual <= maximum) return;
  throw new LimitExceededError({
    limit: name,
    maximum,
    actual,
    message: `${what} got ${actual}, over the limit ${name} = ${maximum}. Split the work, or raise it with createClient({ limits: { ${name}: ${actual} } }).`,
  });
}
