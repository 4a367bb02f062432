/**
 * A seeded source of float32 weights. mulberry32 uses only 32-bit integer arithmetic and the
 * uniform draws avoid `Math.log`/`Math.cos` (whose last bits may differ between engines), so the
 * same seed gives the same bytes on every machine: the fixtures' sha256s stay stable.
 *
 * @example
 * const random = createRandom(42)
 * const weights = random.uniform(256 * 256, 1 / 16)
 */
export interface Random {
  /** The next draw in [0, 1). */
  next(): number;
  /** `count` values drawn uniformly from [-bound, bound), rounded to float32. */
  uniform(count: number, bound: number): Float32Array;
}

/**
 * Creates the seeded generator (mulberry32: 32 bits of state, period 2³²; plenty for fixtures).
 *
 * @example
 * createRandom(1).next() // 0.6270739405881613, on every run
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform(count, bound) {
      const values = new Float32Array(count);
      for (let index = 0; index < count; index += 1) values[index] = (next() * 2 - 1) * bound;
      return values;
    },
  };
}

/**
 * The bound of a uniform distribution whose standard deviation is `1 / sqrt(fanIn)`, so a random
 * layer keeps activations near unit scale (LayerNorm then sees sensible inputs).
 *
 * @example
 * scaledBound(256) // 0.108…
 */
export function scaledBound(fanIn: number): number {
  return Math.sqrt(3 / fanIn);
}
