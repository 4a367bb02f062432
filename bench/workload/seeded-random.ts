import { seededRandom as createGenerator } from '@ondevice/core/evaluation';

/**
 * The project's one seeded generator (mulberry32, from `@ondevice/core/evaluation`) with the
 * helpers the workloads need, so every bench run and every side of a comparison sees exactly
 * the same texts.
 *
 * @example
 * const random = seededRandom(42)
 * random.next() // 0.6011…
 */
export function seededRandom(seed: number) {
  const next = createGenerator(seed);
  return {
    /** A float in [0, 1). */
    next,
    /** An integer in [min, max]. */
    integer: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** One element of a non-empty list. */
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/** The generator type returned by {@link seededRandom}. */
export type SeededRandom = ReturnType<typeof seededRandom>;
