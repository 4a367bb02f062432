/**
 * A small deterministic pseudo-random generator (mulberry32), so every bench run and every
 * side of a comparison sees exactly the same texts.
 *
 * @example
 * const random = seededRandom(42)
 * random.next() // 0.6011…
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
