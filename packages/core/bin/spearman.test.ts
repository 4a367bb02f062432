import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from './spearman.js';

describe('averageRanks', () => {
  it('ranks distinct values 1..n in value order', () => {
    expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
  });

  it('gives tied values the average of the ranks they span', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([2, 1, 2, 1, 3])).toEqual([3.5, 1.5, 3.5, 1.5, 5]);
  });
});

describe('spearman', () => {
  it('is 1 for a perfect monotone relation, even a non-linear one', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25])).toBeCloseTo(1, 12);
  });

  it('is -1 for a reversed order', () => {
    expect(spearman([1, 2, 3, 4, 5], [50, 40, 30, 20, 10])).toBeCloseTo(-1, 12);
  });

  it('matches a small example computed by hand: 1 - 6·Σd²/(n(n²-1)) = 1 - 24/120', () => {
    // d = [-1, 1, -1, 1, 0], Σd² = 4, n = 5.
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });

  it('handles ties with average ranks (Pearson of ranks, not the Σd² shortcut)', () => {
    // Ranks x = [1, 2.5, 2.5, 4], y = [1, 2, 3, 4]: cov 4.5, var 4.5 and 5, ρ = 4.5/√22.5 = √0.9.
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it('is NaN when one side is constant', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('rejects lists of different lengths, too short, or with non-finite values', () => {
    expect(() => spearman([1, 2], [1])).toThrow(InvalidInputError);
    expect(() => spearman([1], [1])).toThrow(/at least two pairs/);
    expect(() => spearman([1, Number.NaN], [1, 2])).toThrow(/x\[1\] is NaN/);
  });
});
