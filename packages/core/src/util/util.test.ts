import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '@ondevice/errors';
import { LruCache } from './lru-cache.js';
import { cosineSimilarity, similarityMatrix, topK } from './similarity.js';

describe('LruCache', () => {
  it('evicts the least recently used entry and counts hits and misses', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([3, 1]);
  });

  it('stores nothing with capacity 0', () => {
    const cache = new LruCache<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('similarity helpers', () => {
  it('compute cosine similarity', () => {
    expect(cosineSimilarity([1, 0], [1, 0])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBeCloseTo(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1);
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
    expect(cosineSimilarity(new Float32Array([3, 4]), [6, 8])).toBeCloseTo(1);
  });

  it('reject vectors of different lengths with a typed error', () => {
    expect(() => cosineSimilarity([1, 2], [1])).toThrow(InvalidInputError);
  });

  it('rank the top k, best first, stable on ties', () => {
    const ranked = topK(
      [1, 0],
      [
        [0, 1],
        [1, 0],
        [1, 1],
        [1, 0],
      ],
      3,
    );
    expect(ranked.map((entry) => entry.index)).toEqual([1, 3, 2]);
    expect(() => topK([1], [[1]], -1)).toThrow(InvalidInputError);
  });

  it('build a symmetric matrix with ones on the diagonal', () => {
    const matrix = similarityMatrix([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(matrix[0]?.[0]).toBe(1);
    expect(matrix[0]?.[1]).toBeCloseTo(0);
    expect(matrix[2]?.[0]).toBeCloseTo(matrix[0]?.[2] ?? NaN);
  });
});
