import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { warmUpSentences } from '../workload/bench-sentences.js';
import type { JobName, JobResult } from './bench-results.js';
import { exposeBench } from './expose-bench.js';
import { embedWithRawUse, loadRawUse, wasmFeatures } from './raw-use.js';
import { runJob } from './run-job.js';

// Raw side: @tensorflow-models/universal-sentence-encoder on tfjs wasm in the page, with the
// same model files and wasm binaries as core, no cache, no batching beyond what the caller does.

async function run(options: { job: JobName; plainCallSize?: number }): Promise<JobResult> {
  setWasmPaths('/ondevice/wasm/');
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
  await tf.ready();
  const model = await loadRawUse(warmUpSentences);
  const result = await runJob(
    options.job,
    (texts) => embedWithRawUse(model, texts),
    options.plainCallSize ? { plainCallSize: options.plainCallSize } : {},
  );
  const features = await wasmFeatures();
  return {
    ...result,
    backend: tf.getBackend(),
    details: {
      wasmThreads: features?.threads ?? null,
      wasmSimd: features?.simd ?? null,
      plainCallSize: options.plainCallSize ?? 'all',
    },
  };
}

exposeBench({ run });
