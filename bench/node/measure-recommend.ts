import { existsSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import type { RecommendRun } from '../pages/recommend-run.js';
import { movieLensRatingsFile, recommendJob } from '../workload/movielens-ratings.js';
import { repositoryRoot } from '../vite-config.js';
import { callBenchPage } from './bench-browser.js';
import { percentile } from './typing-latency.js';

type Log = (line: string) => void;

const count = (byKind: Record<string, { count: number }>) =>
  Object.values(byKind).reduce((total, summary) => total + summary.count, 0);

/**
 * (m): the run, or why it was skipped.
 *
 * @example
 * if ('skipped' in run) log(run.skipped)
 */
export type RecommendRuns = RecommendRun | { skipped: string };

/**
 * (m): MovieLens 100K tracked into `client.recommender()` in a fresh tab, fitted in the worker,
 * then recommendations timed; skipped when `../shared/data` has no `u.data`.
 *
 * @example
 * const run = await measureRecommend(context, pages.url, log)
 */
export async function measureRecommend(
  context: BrowserContext,
  baseUrl: string,
  log: Log,
): Promise<RecommendRuns> {
  const file = `${repositoryRoot}${movieLensRatingsFile.path}`;
  if (!existsSync(file)) {
    const skipped = `${movieLensRatingsFile.path} is absent (MovieLens 100K lives in ../shared/data, never in the repository)`;
    log(`  skipped: ${skipped}`);
    return { skipped };
  }
  const run = await callBenchPage<RecommendRun>(context, baseUrl, 'recommend', {
    name: 'run',
    options: recommendJob,
    timeoutMs: 600_000,
  });
  const p = (values: readonly number[]) =>
    `p50 ${percentile(values, 50).toFixed(1)} / p95 ${percentile(values, 95).toFixed(1)} ms`;
  log(
    `  track ${Math.round(run.track.milliseconds)} ms; fit ${Math.round(run.fit.wallMs)} ms (worker ${Math.round(run.fit.report.milliseconds)} ms), ${count(run.fit.longTasks)} long tasks; ` +
      `recommend ${p(run.recommend)}, recommendForSession ${p(run.recommendForSession)}, ${count(run.recommendLongTasks)} long tasks`,
  );
  return run;
}
