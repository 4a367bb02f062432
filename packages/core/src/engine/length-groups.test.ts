import { describe, expect, it } from 'vitest';
import { groupByLength } from './length-groups.js';

describe('groupByLength', () => {
  it('groups similar lengths and keeps every index exactly once', () => {
    const lengths = [3, 40, 4, 38, 5, 80, 9];
    const groups = groupByLength(lengths, { maximumRatio: 2, minimumSize: 1, maximumSize: 64 });
    expect(groups).toEqual([[0, 2, 4], [6], [3, 1], [5]]);
    expect(groups.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const group of groups) {
      const members = group.map((index) => lengths[index] as number);
      expect(Math.max(...members)).toBeLessThanOrEqual(2 * Math.min(...members));
    }
  });

  it('fills a group to its minimum size whatever the lengths, and caps its size', () => {
    expect(
      groupByLength([1, 100, 1000], { maximumRatio: 2, minimumSize: 3, maximumSize: 64 }),
    ).toEqual([[0, 1, 2]]);
    expect(
      groupByLength([5, 5, 5, 5, 5], { maximumRatio: 2, minimumSize: 1, maximumSize: 2 }),
    ).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('handles empty input and zero lengths', () => {
    expect(groupByLength([], { maximumRatio: 2, minimumSize: 1, maximumSize: 8 })).toEqual([]);
    expect(groupByLength([0, 0, 1], { maximumRatio: 2, minimumSize: 1, maximumSize: 8 })).toEqual([
      [0, 1, 2],
    ]);
  });
});
