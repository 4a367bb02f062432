import { describe, expect, it } from 'vitest';
import { normalized } from '../../util/vector-math.js';
import { fitLinearHead } from './fit-linear-head.js';
import { RidgeStatistics } from './ridge-statistics.js';

/** Unit vectors around `classes` class centres (deterministic pseudo-noise). */
function rows(count: number, dimensions: number, classes: number, seed = 7) {
  let state = seed;
  const noise = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  return Array.from({ length: count }, (_, index) => {
    const c = index % classes;
    const vector = normalized(
      Float32Array.from({ length: dimensions }, (_, k) => (k % classes === c ? 1 : 0) + noise()),
    );
    return { vector, key: `class-${c}` };
  });
}

function expectSameHead(
  actual: ReturnType<typeof fitLinearHead>,
  expected: ReturnType<typeof fitLinearHead>,
) {
  expect(actual.temperature).toBeCloseTo(expected.temperature, 5);
  const worst = Math.max(
    ...Array.from(actual.weights, (value, index) =>
      Math.abs(value - (expected.weights[index] as number)),
    ),
    ...Array.from(actual.bias, (value, index) =>
      Math.abs(value - (expected.bias[index] as number)),
    ),
  );
  expect(worst).toBeLessThan(1e-4);
}

const keys = ['class-0', 'class-1', 'class-2'];
const fromScratch = (list: ReturnType<typeof rows>) =>
  fitLinearHead(
    list.map((row) => row.vector),
    list.map((row) => keys.indexOf(row.key)),
    keys.length,
  );

describe('RidgeStatistics', () => {
  it('fits the same head as a fit from scratch, n ≥ d (primal) and n < d (dual)', async () => {
    for (const count of [300, 20]) {
      const list = rows(count, 32, 3);
      const statistics = new RidgeStatistics(32);
      await statistics.addMany(list);
      expectSameHead(
        statistics.fit(keys, (index) => list[index] as (typeof list)[number]),
        fromScratch(list),
      );
    }
  });

  it('after rank-one additions and removals, still matches a fit from scratch of what is left', async () => {
    const list = rows(400, 32, 3);
    const statistics = new RidgeStatistics(32);
    await statistics.addMany(list.slice(0, 350));
    const updated = statistics.clone();
    for (const row of list.slice(350)) updated.add(row.vector, row.key);
    for (const row of list.slice(0, 60)) updated.remove(row.vector, row.key);
    const left = list.slice(60);
    expectSameHead(
      updated.fit(keys, (index) => left[index] as (typeof left)[number]),
      fromScratch(left),
    );
    // The original was not touched by the copy's updates.
    expect(statistics.count).toBe(350);
    const original = list.slice(0, 350);
    expectSameHead(
      statistics.fit(keys, (index) => original[index] as (typeof original)[number]),
      fromScratch(original),
    );
  });

  it('awaits between steps, where a caller can stop a long build', async () => {
    const list = rows(1000, 8, 2);
    let steps = 0;
    const building = new RidgeStatistics(8).addMany(list, () => {
      steps += 1;
      if (steps === 2) throw new Error('cancelled');
    });
    await expect(building).rejects.toThrow('cancelled');
    expect(steps).toBe(2);
  });
});
