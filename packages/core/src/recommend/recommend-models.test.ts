import { describe, expect, it } from 'vitest';
import { AbortError } from '@ondevice/errors';
import { readSharedData } from '../test-support/shared-data.test.support.js';
import { seededRandom, shuffled } from '../util/seeded-random.js';
import { easeScores, fitEase, invertSymmetricPositiveDefinite } from './ease-model.js';
import { fitHybrid, hybridScores } from './hybrid-model.js';
import { buildInteractionLog, type Interaction } from './interaction-log.js';
import { leaveLatestOut, rankHeldOut } from './leave-one-out.js';
import { itemPopularity } from './popularity-model.js';
import { fitTransitions, transitionScores } from './transition-model.js';

describe('the interaction log', () => {
  it('orders each user’s distinct items by their latest interaction, ties in insertion order', () => {
    const log = buildInteractionLog([
      { userId: 'ann', itemId: 'b', timestamp: 5 },
      { userId: 'ann', itemId: 'a', timestamp: 1 },
      { userId: 'bob', itemId: 'c' },
      { userId: 'ann', itemId: 'c', timestamp: 5 },
      { userId: 'ann', itemId: 'a', timestamp: 9 }, // seen again: counts once, at 9
      { userId: 'bob', itemId: 'a' },
    ]);
    expect(log.userIds).toEqual(['ann', 'bob']);
    expect(log.itemIds).toEqual(['b', 'a', 'c']);
    const names = (user: number) => [...(log.sequences[user] ?? [])].map((i) => log.itemIds[i]);
    expect(names(0)).toEqual(['b', 'c', 'a']);
    expect(names(1)).toEqual(['c', 'a']);
  });
});

/** Users who like one of two disjoint genres, and within it go through the items in order. */
function twoGenres(users: number): Int32Array[] {
  const random = seededRandom(3);
  return Array.from({ length: users }, (_, user) => {
    const start = user % 2 === 0 ? 0 : 10;
    const length = 4 + Math.floor(random() * 6);
    const offset = Math.floor(random() * (10 - length + 1));
    return Int32Array.from({ length }, (_, step) => start + offset + step);
  });
}

describe('EASE', () => {
  it('inverts a symmetric positive definite matrix (A·A⁻¹ = I)', async () => {
    const n = 40;
    const random = seededRandom(9);
    const factor = Array.from({ length: n * n }, () => random() - 0.5);
    const matrix = new Float64Array(n * n);
    for (let a = 0; a < n; a += 1) {
      for (let b = 0; b < n; b += 1) {
        let sum = a === b ? 0.5 : 0;
        for (let k = 0; k < n; k += 1)
          sum += (factor[a * n + k] as number) * (factor[b * n + k] as number);
        matrix[a * n + b] = sum;
      }
    }
    const original = Float64Array.from(matrix);
    const inverse = await invertSymmetricPositiveDefinite(matrix, n, {});
    let worst = 0;
    for (let a = 0; a < n; a += 1) {
      for (let b = 0; b < n; b += 1) {
        let sum = 0;
        for (let k = 0; k < n; k += 1)
          sum += (original[a * n + k] as number) * (inverse[k * n + b] as number);
        worst = Math.max(worst, Math.abs(sum - (a === b ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-9);
    await expect(
      invertSymmetricPositiveDefinite(Float64Array.of(1, 2, 2, 1), 2, {}),
    ).rejects.toThrow(RangeError);
  });

  it('scores items of the user’s genre above the other genre’s, and never the item itself', async () => {
    const model = await fitEase(twoGenres(60), 20, { lambda: 5 });
    expect(model.weights[3 * 20 + 3]).toBe(0);
    const scores = easeScores(model, [2, 3]);
    const genre = [...scores.slice(0, 10)].filter((_, item) => item !== 2 && item !== 3);
    const other = [...scores.slice(10)];
    expect(Math.min(...genre)).toBeGreaterThan(Math.max(...other));
  });

  it('stops with AbortError when cancelled, and reports its progress', async () => {
    const progress: number[] = [];
    const sequences = Array.from({ length: 50 }, (_, user) =>
      Int32Array.from({ length: 30 }, (_, step) => (user * 7 + step * 13) % 400),
    );
    const done = await fitEase(sequences, 400, { onProgress: (rows) => progress.push(rows) });
    expect(done.itemCount).toBe(400);
    expect(progress.at(-1)).toBe(3 * 400); // three passes of 400 rows
    let calls = 0;
    await expect(
      fitEase(sequences, 400, { isCancelled: () => (calls += 1) > 0 }),
    ).rejects.toSatisfy((error) => AbortError.isInstance(error));
  });
});

describe('transitions', () => {
  it('predict the item that usually comes next after the latest ones', () => {
    const model = fitTransitions(twoGenres(60), 20);
    const row = model.next[4] as Map<number, number>;
    expect([...row.values()].reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 6);
    const scores = transitionScores(model, [3, 4]);
    const best = scores.indexOf(Math.max(...scores));
    expect(best).toBe(5);
    expect(scores[14]).toBe(0); // the other genre never follows
  });
});

describe('leave-one-out ranking', () => {
  const sequences = twoGenres(40);
  const { train, heldOut } = leaveLatestOut(sequences);

  it('holds out each user’s latest item (and one more for validation)', () => {
    expect(heldOut[0]).toBe(sequences[0]?.at(-1));
    expect([...(train[0] ?? [])]).toEqual([...(sequences[0] ?? [])].slice(0, -1));
    const validation = leaveLatestOut(sequences, 1);
    expect(validation.heldOut[0]).toBe(sequences[0]?.at(-2));
  });

  it('gives a scorer that knows the answer HR and NDCG of 1, and one that ties everything 0', () => {
    // 20 items and 99 negatives cannot be drawn: ask for 5.
    const base = { sequences, heldOut, itemCount: 20, seed: 1, negatives: 5 };
    const oracle = rankHeldOut({
      ...base,
      score: (user) =>
        Float32Array.from({ length: 20 }, (_, item) => (item === heldOut[user] ? 1 : 0)),
    });
    expect(oracle).toMatchObject({ hitRate: 1, ndcg: 1 });
    expect(oracle.users).toBeGreaterThan(0);
    const ties = rankHeldOut({ ...base, cutoff: 1, score: () => new Float32Array(20) });
    expect(ties.hitRate).toBe(0);
  });

  it('ranks popularity, then the fitted hybrid, on the toy data', async () => {
    const base = { sequences, heldOut, itemCount: 20, seed: 1, negatives: 5, cutoff: 2 };
    const popular = itemPopularity(train, 20);
    const byPopularity = rankHeldOut({ ...base, score: () => popular });
    const { model, validation } = await fitHybrid(train, 20, { seed: 2, lambda: 5 });
    expect(validation.trials.map((entry) => entry.blend)).toContain(validation.chosen.blend);
    expect(validation.byAlgorithm.map((entry) => entry.name)).toEqual([
      'popularity',
      'ease',
      'ease+transitions',
    ]);
    const byHybrid = rankHeldOut({
      ...base,
      score: (user) => hybridScores(model, train[user] as Int32Array),
    });
    expect(byHybrid.ndcg).toBeGreaterThan(byPopularity.ndcg);
  });
});

describe('on MovieLens 100K (../shared/data)', () => {
  const text = readSharedData('movielens/ml-100k/u.data');
  it.skipIf(!text)(
    'the hybrid beats EASE alone and reaches HR@10 ≥ 0.70 and NDCG@10 ≥ 0.42 (latest item held out, 99 negatives)',
    async () => {
      const rows = (text as string)
        .trim()
        .split('\n')
        .map((line) => line.split('\t'));
      // Timestamp ties are broken by a seeded shuffle of the rows.
      const interactions: Interaction[] = shuffled(rows, seededRandom(1)).map(
        ([userId, itemId, , time]) => ({
          userId: userId as string,
          itemId: itemId as string,
          timestamp: Number(time),
        }),
      );
      const log = buildInteractionLog(interactions);
      const { train, heldOut } = leaveLatestOut(log.sequences);
      const itemCount = log.itemIds.length;
      const { model, validation } = await fitHybrid(train, itemCount, { seed: 2 });
      const rank = (blend: number) =>
        rankHeldOut({
          sequences: log.sequences,
          heldOut,
          itemCount,
          seed: 3,
          score: (user) => hybridScores({ ...model, blend }, train[user] as Int32Array),
        });
      const hybrid = rank(model.blend);
      const easeAlone = rank(0);
      console.info(
        `MovieLens-100K: blend ${validation.chosen.blend} (validation NDCG ${validation.trials
          .map((entry) => `${entry.blend}: ${entry.figures.ndcg.toFixed(3)}`)
          .join(
            ', ',
          )}); test HR@10 ${hybrid.hitRate.toFixed(3)} NDCG@10 ${hybrid.ndcg.toFixed(3)}; EASE alone ${easeAlone.hitRate.toFixed(3)} / ${easeAlone.ndcg.toFixed(3)}`,
      );
      expect(hybrid.users).toBe(943);
      expect(validation.chosen.blend).toBeGreaterThan(0);
      expect(hybrid.ndcg).toBeGreaterThan(easeAlone.ndcg);
      expect(hybrid.hitRate).toBeGreaterThanOrEqual(0.7);
      expect(hybrid.ndcg).toBeGreaterThanOrEqual(0.42);
    },
    300_000,
  );
});
