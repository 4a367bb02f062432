import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/seeded-random.js';
import { QuantizedVectors } from './quantized-vectors.js';

/** Unit vectors around `clusters` centres: close neighbours, as sentence embeddings have. */
function clusteredVectors(count: number, dimensions: number, clusters: number, seed: number) {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const unit = (values: Float32Array) => {
    const norm = Math.hypot(...values);
    return values.map((value) => value / norm);
  };
  const centres = Array.from({ length: clusters }, () =>
    unit(Float32Array.from({ length: dimensions }, gaussian)),
  );
  return Array.from({ length: count }, (_, index) => {
    const centre = centres[index % clusters] as Float32Array;
    return unit(centre.map((value) => value + 0.06 * gaussian()));
  });
}

function exactTop(vectors: Float32Array[], query: Float32Array, k: number): number[] {
  return vectors
    .map((vector, index) => ({
      index,
      score: vector.reduce((sum, value, i) => sum + value * (query[i] as number), 0),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map(({ index }) => index);
}

describe('quantized vectors', () => {
  it('rank like exact float search: recall@10 ≥ 0.98 on clustered 512-dimension unit vectors', () => {
    const vectors = clusteredVectors(3000, 512, 60, 1);
    const store = new QuantizedVectors(512, 16); // grows as vectors arrive
    const slots = vectors.map((vector) => store.add(vector));
    expect(slots).toEqual(vectors.map((_, index) => index));
    expect(store.bytesPerVector).toBe(516);
    const queries = clusteredVectors(100, 512, 60, 2);
    let found = 0;
    for (const query of queries) {
      const exact = new Set(exactTop(vectors, query, 10));
      for (const { slot } of store.nearest(query, 10)) if (exact.has(slot)) found += 1;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.98);
  });

  it('keep each value within half a step of its scale, and score best first', () => {
    const store = new QuantizedVectors(4);
    const vector = Float32Array.of(0.5, -0.25, 0.1, 0);
    const slot = store.add(vector);
    const stored = store.vector(slot);
    stored.forEach((value, index) =>
      expect(Math.abs(value - (vector[index] as number))).toBeLessThanOrEqual(0.5 / 127 / 2 + 1e-7),
    );
    store.add(Float32Array.of(-1, 0, 0, 0));
    store.add(Float32Array.of(0, 0, 0, 0)); // all zeros: scores 0
    const ranked = store.nearest(Float32Array.of(1, 0, 0, 0), 3);
    expect(ranked.map(({ slot: index }) => index)).toEqual([0, 2, 1]);
    expect(ranked[0]?.score).toBeCloseTo(0.5, 2);
  });

  it('reuse the slots of removed vectors, replace in place, and filter', () => {
    const store = new QuantizedVectors(2);
    const a = store.add([1, 0]);
    const b = store.add([0, 1]);
    expect(store.remove(a)).toBe(true);
    expect(store.remove(a)).toBe(false);
    expect(store.size).toBe(1);
    expect(store.nearest([1, 0], 5).map(({ slot }) => slot)).toEqual([b]);
    expect(store.add([1, 1])).toBe(a);
    store.set(b, [-1, 0]);
    const [only, ...rest] = store.nearest([1, 0], 1, (slot) => slot !== a);
    expect(rest).toEqual([]);
    expect(only?.slot).toBe(b);
    expect(only?.score).toBeCloseTo(-1, 6);
    expect(() => store.set(7, [1, 0])).toThrow(RangeError);
    expect(() => store.add([1, 2, 3])).toThrow(/2 numbers/);
    expect(() => store.add([Number.NaN, 0])).toThrow(/NaN/);
  });
});
