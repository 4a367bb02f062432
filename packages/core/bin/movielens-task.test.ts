import { describe, expect, it } from 'vitest';
import { hitAndGain, leaveLatestOutSplit } from './movielens-task.js';
import { parseItems, parseRatings } from './read-movielens.js';

describe('movielens eval', () => {
  const ratings = parseRatings(
    ['1\t10\t5\t100', '1\t11\t3\t200', '1\t12\t4\t200', '2\t10\t2\t50', '2\t13\t1\t60'].join('\n'),
  );

  it('reads ratings and films, naming a bad line', () => {
    expect(ratings[0]).toEqual({ userId: '1', itemId: '10', timestamp: 100, line: 1 });
    expect(() => parseRatings('1\t2\t3')).toThrow(/line 1/);
    const films = parseItems('1|Toy Story (1995)|d||url|0|1|1\n', [
      'unknown',
      'Animation',
      'Comedy',
    ]);
    expect(films).toEqual([
      { id: '1', title: 'Toy Story (1995)', genres: ['Animation', 'Comedy'] },
    ]);
  });

  it('holds out each user’s latest rating (ties in a seeded order) against unseen negatives', () => {
    const items = ['10', '11', '12', '13', '14', '15'];
    const split = leaveLatestOutSplit(ratings, items, 1, 2);
    expect(split.tests.map((test) => test.userId)).toEqual(['1', '2']);
    const first = split.tests[0]!;
    // Items 11 and 12 tie at the latest time: the seed decides which one is held out.
    expect(['11', '12']).toContain(first.heldOut);
    expect(first.candidates[0]).toBe(first.heldOut);
    expect(first.candidates.slice(1).every((id) => !['10', '11', '12'].includes(id))).toBe(true);
    expect(split.tests[1]?.heldOut).toBe('13');
    expect(split.train).toHaveLength(3);
    expect(leaveLatestOutSplit(ratings, items, 1, 2)).toEqual(split);
  });

  it('scores a hit by its rank', () => {
    expect(hitAndGain(['a', 'b'], 'a')).toEqual({ hit: 1, gain: 1 });
    expect(hitAndGain(['a', 'b'], 'b').gain).toBeCloseTo(1 / Math.log2(3));
    expect(hitAndGain(['a'], 'z')).toEqual({ hit: 0, gain: 0 });
  });
});
