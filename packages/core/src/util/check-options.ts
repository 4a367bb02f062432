import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from './describe-value.js';

/**
 * Checks one option's value; returns a description of what was expected when it is wrong.
 *
 * @example
 * const isBoolean: OptionRule = (value) => (typeof value === 'boolean' ? undefined : 'true or false')
 */
export type OptionRule = (value: unknown) => string | undefined;

/**
 * Rules for common option types, each accepting `undefined` (the option left out).
 *
 * @example
 * checkOptions(options, { worker: optionRules.boolean }, 'createClient()')
 */
export const optionRules = {
  boolean: (value: unknown) =>
    value === undefined || typeof value === 'boolean' ? undefined : 'true or false',
  string: (value: unknown) =>
    value === undefined || typeof value === 'string' ? undefined : 'a string',
  function: (value: unknown) =>
    value === undefined || typeof value === 'function' ? undefined : 'a function',
  oneOf:
    (...allowed: readonly string[]): OptionRule =>
    (value) =>
      value === undefined || allowed.includes(value as string)
        ? undefined
        : `one of ${allowed.map((entry) => `'${entry}'`).join(', ')}`,
  signal: (value: unknown) =>
    value === undefined ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as AbortSignal).aborted === 'boolean' &&
      typeof (value as AbortSignal).addEventListener === 'function')
      ? undefined
      : 'an AbortSignal',
  /** Anything: checked elsewhere (by the code that uses it). */
  any: () => undefined,
} satisfies Record<string, OptionRule | ((...args: string[]) => OptionRule)>;

/**
 * The one check of every options object a public entry point takes: it must be an object (or
 * left out), every key must be known — an unknown one gets a "did you mean" when a known key is
 * a small edit away — and every value must pass its rule.
 *
 * @param prefix what the error's `parameter` starts with: `options` (`options.worker`), or the
 *   name of a nested options object (`network`, `limits`).
 * @throws {InvalidInputError} naming the option (`options.worker`) and what was expected.
 * @example
 * checkOptions({ wroker: true }, { worker: optionRules.boolean }, 'createClient()')
 * // InvalidInputError: createClient() has no option "wroker". Did you mean "worker"?
 */
export function checkOptions(
  options: unknown,
  rules: Readonly<Record<string, OptionRule>>,
  where: string,
  prefix = 'options',
): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError({
      parameter: prefix,
      message: `${where} takes an options object (or nothing); got ${describeValue(options)}.`,
    });
  }
  const known = Object.keys(rules);
  for (const [key, value] of Object.entries(options)) {
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) {
      const guess = closest(key, known);
      throw new InvalidInputError({
        parameter: `${prefix}.${key}`,
        message: `${where} has no option "${key}".${guess ? ` Did you mean "${guess}"?` : ''} Its options: ${known.join(', ')}.`,
      });
    }
    const expected = rule(value);
    if (expected !== undefined) {
      throw new InvalidInputError({
        parameter: `${prefix}.${key}`,
        message: `${where}: ${key} must be ${expected}; got ${describeValue(value)}.`,
      });
    }
  }
}

/** The known key within two edits of `key` (case ignored), if there is one. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = rows[i] as number[];
      const previous = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * An options object of integers (`limits`, `network`): the defaults, with the caller's values
 * over them, each a safe integer no smaller than its minimum. Unknown keys get a "did you mean".
 *
 * @throws {InvalidInputError} naming `<name>.<key>` (or `<name>` when it is not an object).
 * @example
 * resolveIntegerOptions({ retries: 0 }, { retries: 3 }, { retries: 0 }, 'network') // { retries: 0 }
 */
export function resolveIntegerOptions<Options extends { [Key in keyof Options]: number }>(
  given: unknown,
  defaults: Readonly<Options>,
  minimums: Readonly<Options>,
  name: string,
): Options {
  const rules = Object.fromEntries(
    Object.entries(minimums as Record<string, number>).map(
      ([key, minimum]): [string, OptionRule] => [
        key,
        (value) =>
          value === undefined || (Number.isSafeInteger(value) && (value as number) >= minimum)
            ? undefined
            : `an integer ≥ ${minimum}`,
      ],
    ),
  );
  checkOptions(given, rules, name, name);
  const resolved = { ...defaults };
  for (const [key, value] of Object.entries((given ?? {}) as Record<string, unknown>)) {
    if (value !== undefined) (resolved as Record<string, number>)[key] = value as number;
  }
  return resolved;
}
