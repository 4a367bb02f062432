import type { BrowserContext } from '@playwright/test';
import type { JobName, JobResult } from '../pages/bench-results.js';
import { callBenchPage } from './bench-browser.js';

/** Every throughput run, by scenario; repeated scenarios hold one result per round. */
export interface ThroughputRuns {
  /** @ondevice/core, worker on, wasm: one embed call with the 1,000 sentences. */
  corePlain: JobResult[];
  /** Raw USE on wasm, the 1,000 sentences in calls of 64 (core's batch size). */
  rawPlain: JobResult[];
  /** Raw USE on wasm, one embed call with all 1,000 sentences (once). */
  rawPlainOneCall: JobResult;
  coreRealistic: JobResult[];
  rawRealistic: JobResult[];
  /** @ondevice/core with worker: false (once), for the long-task comparison. */
  corePlainWithoutWorker: JobResult;
}

type Log = (line: string) => void;

/**
 * (a) and (b): core against the raw model on the same backend, side by side. Each run gets a
 * fresh page (so core's embedding cache starts empty and the raw model reloads), warm models on
 * both sides. Repeated scenarios alternate core/raw within a round (ABBA) to spread drift.
 */
export async function measureThroughput(
  context: BrowserContext,
  baseUrl: string,
  rounds: number,
  log: Log,
): Promise<ThroughputRuns> {
  const core = (job: JobName, worker = true) =>
    timed(log, `core ${job}${worker ? '' : ' (worker off)'}`, () =>
      callBenchPage<JobResult>(context, baseUrl, 'core', {
        name: 'run',
        options: { job, backend: 'wasm', worker },
      }),
    );
  const raw = (job: JobName, plainCallSize?: number) =>
    timed(log, `raw USE ${job}${plainCallSize ? ` (calls of ${plainCallSize})` : ''}`, () =>
      callBenchPage<JobResult>(context, baseUrl, 'raw-use', {
        name: 'run',
        options: { job, ...(plainCallSize ? { plainCallSize } : {}) },
      }),
    );
  const runs: Omit<ThroughputRuns, 'rawPlainOneCall' | 'corePlainWithoutWorker'> = {
    corePlain: [],
    rawPlain: [],
    coreRealistic: [],
    rawRealistic: [],
  };
  for (let round = 1; round <= rounds; round += 1) {
    log(`round ${round} of ${rounds}`);
    runs.corePlain.push(await core('plain'));
    runs.rawPlain.push(await raw('plain', 64));
    runs.rawRealistic.push(await raw('realistic'));
    runs.coreRealistic.push(await core('realistic'));
  }
  return {
    ...runs,
    rawPlainOneCall: await raw('plain'),
    corePlainWithoutWorker: await core('plain', false),
  };
}

/** Runs a step and logs its rate. */
export async function timed(log: Log, label: string, work: () => Promise<JobResult>) {
  const result = await work();
  log(`  ${label}: ${result.sentencesPerSecond.toFixed(1)} sentences/s`);
  return result;
}
