import { describe, expect, it } from 'vitest';
import { planRuns, runBudgetMs } from './run-planner.js';

describe('planRuns', () => {
  it('cuts runs to the budget from token counts alone, the same plan every time', () => {
    const lengths = Array.from({ length: 100 }, (_, index) => 10 + (index % 7));
    const runs = planRuns(lengths, runBudgetMs.shared);
    expect(planRuns(lengths, runBudgetMs.shared)).toEqual(runs);
    expect(runs.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, index) => index));
    for (const run of runs) {
      const padded = run.length * Math.max(...run.map((index) => lengths[index] as number));
      // 12 ms + 0.33 ms per padded token, at most three quarters of the budget (or one text).
      expect(run.length === 1 || 12 + 0.33 * padded <= 0.75 * runBudgetMs.shared).toBe(true);
    }
    // A worker's larger budget makes fewer, larger runs.
    expect(planRuns(lengths, runBudgetMs.worker).length).toBeLessThan(runs.length);
  });

  it('runs a text longer than the budget alone', () => {
    expect(planRuns([128, 4, 5], runBudgetMs.shared)).toEqual([[1, 2], [0]]);
  });
});
