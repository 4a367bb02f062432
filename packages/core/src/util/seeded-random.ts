/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same sequence on every
 * platform, so splits and training are reproducible.
 *
 * @example const random = seededRandom(7); random() // 0.… in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded Fisher–Yates shuffle (a new array).
 *
 * @example
 * shuffled([1, 2, 3], seededRandom(7)) // [3, 1, 2] (always the same)
 */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
