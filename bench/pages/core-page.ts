import { type BackendPreference, createClient } from '@ondevice/core';
import { warmUpSentences } from '../workload/bench-sentences.js';
import type { JobName, JobResult } from './bench-results.js';
import { exposeBench } from './expose-bench.js';
import { runJob } from './run-job.js';

// @ondevice/core side: one client as an app creates it, a warm model, then one timed job.
// bench/run.ts opens a fresh page per job, so the embedding cache starts empty every time.

async function run(options: {
  job: JobName;
  backend: BackendPreference;
  worker: boolean;
}): Promise<JobResult> {
  const client = createClient({
    backend: options.backend,
    worker: options.worker,
    // `auto` must measure here, not reuse an earlier page's choice.
    rememberBackend: false,
  });
  const embedder = client.embedder();
  // Warm-up: loads the model and runs it once on texts that are not in the job.
  await embedder.embed([...warmUpSentences]);
  await embedder.embed(warmUpSentences[0] as string);
  if (options.backend === 'auto') {
    // `auto` starts on the probe's guess; the job runs once the backends have been measured.
    await new Promise<void>((resolve) => {
      const check = () => {
        if (client.diagnostics().backend.selection?.decidedBy === 'measurement') resolve();
      };
      client.subscribe(check);
      check();
    });
  }
  const before = embedder.stats();
  const result = await runJob(options.job, (texts) => embedder.embed(texts));
  const after = embedder.stats();
  const diagnostics = client.diagnostics();
  const selection = diagnostics.backend.selection;
  client.dispose();
  return {
    ...result,
    backend: selection?.chosen ?? 'unknown',
    details: {
      worker: diagnostics.worker.enabled,
      textsComputed: after.textsComputed - before.textsComputed,
      batches: after.batches - before.batches,
      cacheHits: after.cacheHits - before.cacheHits,
      wasmThreads: diagnostics.capabilities?.wasmThreads ?? null,
      wasmSimd: diagnostics.capabilities?.wasmSimd ?? null,
      selection: selection?.candidates.map(
        (candidate) => `${candidate.name}: ${candidate.outcome} (${candidate.reason})`,
      ),
    },
  };
}

exposeBench({ run });
