import { groupByLength } from './length-groups.js';

/**
 * How long one model run may take, in milliseconds: runs are cut so cancellation is checked
 * and the thread answers messages at least this often. On the page and in Node the thread is
 * the app's own (timers, input, other requests): 40 ms. In a worker only cancellation waits,
 * and longer runs waste less time on per-run overhead: 80 ms, so an abort frees the engine
 * within 100 ms. A run of one text always happens, however long it takes.
 *
 * @example
 * new RunPlanner(runBudgetMs.worker)
 */
export const runBudgetMs = { shared: 40, worker: 80 } as const;

/**
 * Plans model runs that fit the time budget. A run costs about `fixed + perToken × texts ×
 * longest text` (measured for USE-lite on wasm: 12 ms + 0.33 ms per padded token on one laptop
 * core); the planner keeps that shape and learns one factor for this machine, backend and load
 * from the runs it makes: quickly up when a run took longer than planned, slowly down.
 *
 * @example
 * const planner = new RunPlanner(runBudgetMs.shared)
 * for (const run of planner.plan(lengths)) { const start = performance.now(); await model.run(…); planner.record(run, lengths, performance.now() - start) }
 */
export class RunPlanner {
  private speed = 1;

  constructor(private readonly budgetMs: number) {}

  /** Runs of similar lengths (indices into `lengths`), each expected to fit the budget. */
  plan(lengths: readonly number[]): number[][] {
    // Aim below the budget: the estimate is an average, and runs vary.
    const target = 0.75 * this.budgetMs;
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
        if (
          run.length > 0 &&
          this.estimate((run.length + 1) * Math.max(longest, length)) > target
        ) {
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

  /** Adds a run's measured time to what the planner knows of this machine. */
  record(run: readonly number[], lengths: readonly number[], milliseconds: number): void {
    if (!(milliseconds > 0) || !Number.isFinite(milliseconds)) return;
    const padded = run.length * Math.max(1, ...run.map((index) => lengths[index] as number));
    const ratio = milliseconds / (this.estimate(padded) / this.speed);
    const weight = ratio > this.speed ? 0.6 : 0.1;
    this.speed = Math.min(100, Math.max(0.05, (1 - weight) * this.speed + weight * ratio));
  }

  private estimate(paddedTokens: number): number {
    return this.speed * (12 + 0.33 * paddedTokens);
  }
}
