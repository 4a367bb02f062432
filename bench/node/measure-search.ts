import type { Browser } from '@playwright/test';
import type { SearchRun } from '../pages/search-run.js';
import { searchJobs } from '../workload/search-workload.js';
import { callBenchPage, launchChromium } from './bench-browser.js';
import { eagerMemoryMeasurement } from './measure-transformers.js';
import { percentile } from './typing-latency.js';

type Log = (line: string) => void;

/**
 * Chromium flags of (l)'s own browser: `gc()` in the page and an unrounded
 * `performance.memory`, so the memory an index holds can be read after a collection, and
 * `measureUserAgentSpecificMemory()` answering at once.
 *
 * @example
 * const chromium = await launchChromium([...searchBrowserArguments])
 */
export const searchBrowserArguments = [
  eagerMemoryMeasurement,
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
] as const;

const milliseconds = (values: readonly number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} / p95 ${percentile(values, 95).toFixed(1)} ms`;

/**
 * (l): each index size of {@link searchJobs} in a fresh tab of a browser of its own: built
 * (add or import), then queried in every mode beside MiniSearch and an exact float32 scan.
 *
 * @example
 * const runs = await measureSearch(pages.url, log)
 */
export async function measureSearch(baseUrl: string, log: Log): Promise<SearchRun[]> {
  const chromium: Browser = await launchChromium([...searchBrowserArguments]);
  const runs: SearchRun[] = [];
  try {
    const context = await chromium.newContext();
    for (const job of searchJobs) {
      log(`  ${job.documents.toLocaleString('en-US')} documents (${job.build})…`);
      const run = await callBenchPage<SearchRun>(context, baseUrl, 'search', {
        name: 'run',
        options: job,
        timeoutMs: 900_000,
      });
      log(
        `  ${job.build} ${Math.round(run.build.milliseconds)} ms (${run.build.documentsPerSecond.toFixed(0)} docs/s, ${run.build.longTasks.count} long tasks, longest ${run.build.longTasks.longestMs} ms); ` +
          `hybrid ${milliseconds(run.cached.hybrid)}, semantic ${milliseconds(run.cached.semantic)}, keyword ${milliseconds(run.cached.keyword)}; ` +
          `MiniSearch ${milliseconds(run.anchors.miniSearch)}, exact scan ${milliseconds(run.anchors.exactScan)}; ` +
          `long tasks querying ${Object.values({ ...run.longTasks.cached })
            .concat(Object.values(run.longTasks.endToEnd))
            .reduce((total, summary) => total + summary.count, 0)}`,
      );
      runs.push(run);
    }
    await context.close();
  } finally {
    await chromium.close();
  }
  return runs;
}
