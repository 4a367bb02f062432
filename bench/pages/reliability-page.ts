import { createClient } from '@ondevice/core';
import { warmUpSentences } from '../workload/bench-sentences.js';
import { type ReliabilityResult, measureReliability } from '../workload/reliability-workload.js';
import { exposeBench } from './expose-bench.js';

// (h) in the browser: the worker engine, warm, with the embedding cache off.
exposeBench({
  run: async (): Promise<ReliabilityResult> => {
    const client = createClient({ backend: 'wasm', rememberBackend: false });
    const embedder = client.embedder({ cacheSize: 0 });
    await embedder.embed([...warmUpSentences]);
    try {
      return await measureReliability(embedder);
    } finally {
      client.dispose();
    }
  },
});
