import type { BrowserContext } from '@playwright/test';
import type { JobResult, TfjsDefaultResult } from '../pages/bench-results.js';
import { callBenchPage } from './bench-browser.js';
import { timed } from './measure-throughput.js';

/** (c): what `auto` chose and its rate, and what tfjs picks by default and its rate. */
export interface BackendChoice {
  /** @ondevice/core with backend 'auto' (measured, not remembered): the 1,000 sentences. */
  auto: JobResult;
  /** Raw USE on the backend tf.ready() picks, on the first sentences only (it is slow). */
  tfjsDefault: TfjsDefaultResult;
}

/** Sentences and call size for the tfjs-default side, and its time cap. */
export const tfjsDefaultJob = { count: 50, callSize: 25, maxMilliseconds: 20_000 };

/**
 * Measures both sides of (c) in fresh pages of `context`.
 */
export async function measureBackendChoice(
  context: BrowserContext,
  baseUrl: string,
  log: (line: string) => void,
): Promise<BackendChoice> {
  const auto = await timed(log, 'core plain (backend auto)', () =>
    callBenchPage<JobResult>(context, baseUrl, 'core', {
      name: 'run',
      options: { job: 'plain', backend: 'auto', worker: true },
    }),
  );
  log(`  auto chose ${auto.backend}`);
  const tfjsDefault = await callBenchPage<TfjsDefaultResult>(context, baseUrl, 'tfjs-default', {
    name: 'run',
    options: tfjsDefaultJob,
  });
  log(
    `  tfjs default picked ${tfjsDefault.picked}: ${tfjsDefault.job.sentencesPerSecond.toFixed(1)} sentences/s`,
  );
  return { auto, tfjsDefault };
}
