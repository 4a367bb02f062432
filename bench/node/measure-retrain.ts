import type { BrowserContext } from '@playwright/test';
import type { RetrainResult } from '../pages/bench-results.js';
import { callBenchPage } from './bench-browser.js';

/** (g): sizes measured, labels, and how many single examples are added after the bulk. */
export const retrainJob = { sizes: [100, 1000, 10_000], labels: 10, oneMore: 5 } as const;

/**
 * Measures teachable retraining in the browser (worker on) at each size, each in a fresh page.
 */
export async function measureRetrain(
  context: BrowserContext,
  baseUrl: string,
  log: (line: string) => void,
): Promise<RetrainResult[]> {
  const results: RetrainResult[] = [];
  for (const examples of retrainJob.sizes) {
    const result = await callBenchPage<RetrainResult>(context, baseUrl, 'teachable', {
      name: 'run',
      options: { examples, labels: retrainJob.labels, oneMore: retrainJob.oneMore },
      timeoutMs: 600_000,
    });
    log(
      `  ${examples} examples: learn all ${result.bulk.milliseconds} ms (lastTrainingMs ${result.bulk.trainingMs === null ? 'n/a' : Math.round(result.bulk.trainingMs)}); one more: ${result.oneMore.milliseconds.join(', ')} ms`,
    );
    results.push(result);
  }
  return results;
}
