import { groupByLength } from './length-groups.js';

/**
 * How long one model run may take, in milliseconds: runs are cut so cancellation is checked
 * and the thread answers messages at least this often. On the page and in Node the thread is
 * the app's own (timers, input, other requests): 40 ms. In a worker only cancellation waits,
 * and longer runs waste less time on per-run overhead: 80 ms, so an abort frees the engine
 * within 100 ms. A run of one text always happens, however long it takes.
 *
 * @example
 * planRuns(lengths, runBudgetMs.worker)
 */
export const runBudgetMs = { shared: 40, worker: 80 } as const;

/**
 * Plans model runs that fit the time budget, from a fixed cost model: a run costs about 12 ms +
 * 0.33 ms per padded token (texts × longest text), measured for USE-lite on wasm on one laptop
 * core. The plan depends on the token counts only, never on timing, so the same texts are always
 * run in the same groups and give bit-identical vectors (grouping by measured speed made results
 * differ in the 7th digit from run to run). On a machine k× slower, runs take k× longer.
 *
 * @example
 * const runs = planRuns([12, 30, 8], runBudgetMs.shared) // indices into the lengths, per run
 */
export function planRuns(
  lengths: readonly number[],
  budgetMs: number,
  cost: RunCost = useLiteRunCost,
): number[][] {
  // Aim below the budget: the estimate is an average, and runs vary.
  const target = 0.75 * budgetMs;
  const runs: number[][] = [];
  for (const group of groupByLength(lengths, {
    maximumRatio: 2,
    minimumSize: 1,
    maximumSize: 128,
  })) {
    let run: number[] = [];
    let longest = 0;
    for (const index of group) {
      const length = Math.max(1, lengths[index] as number);
      if (run.length > 0 && estimate(cost, (run.length + 1) * Math.max(longest, length)) > target) {
        runs.push(run);
        run = [];
        longest = 0;
      }
      run.push(index);
      longest = Math.max(longest, length);
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/**
 * What one model run costs, in milliseconds: a fixed part and a part per padded token. Runtimes
 * state their model's (`RuntimeModel.runCost`); USE-lite's is the default.
 *
 * @example
 * planRuns(lengths, 80, { fixedMs: 2, perTokenMs: 0.05 })
 */
export interface RunCost {
  fixedMs: number;
  perTokenMs: number;
}

/** USE-lite on wasm, measured on one laptop core. */
const useLiteRunCost: RunCost = { fixedMs: 12, perTokenMs: 0.33 };

function estimate(cost: RunCost, paddedTokens: number): number {
  return cost.fixedMs + cost.perTokenMs * paddedTokens;
}
