import type { EncoderJob, GenerationJob } from './core-transformers.js';
import { encodeWithCore, generateWithCore, memoryWithCore } from './core-transformers.js';
import { exposeBench } from './expose-bench.js';

// One page for both sides of (i)–(k), so they share the origin, the bundle and the served
// files; bench/run.ts opens a fresh tab per call. The raw side is imported on demand: a core
// call never loads Transformers.js on the main thread.

exposeBench({
  generateCore: (job: GenerationJob) => generateWithCore(job),
  generateRaw: async (job: GenerationJob & { dtype: string }) =>
    (await import('./raw-transformers.js')).generateWithRaw(job),
  encodeCore: (job: EncoderJob) => encodeWithCore(job),
  encodeRaw: async (job: EncoderJob & { dtype: string }) =>
    (await import('./raw-transformers.js')).encodeWithRaw(job),
  memoryCore: (job: EncoderJob) => memoryWithCore(job),
});
