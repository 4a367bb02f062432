import { createClient } from '@ondevice/core';
import type { FirstEmbeddingResult } from './bench-results.js';
import { exposeBench } from './expose-bench.js';

// Time to first embedding as an app sees it: the default client (backend auto, worker,
// persistent model cache), created as the page loads, one embed call. performance.now()
// counts from navigation start.

const client = createClient();
const first = client
  .embedder()
  .embed('Hello, is anyone there?')
  .then(({ backend }): FirstEmbeddingResult => {
    const milliseconds = performance.now();
    const diagnostics = client.diagnostics();
    return {
      milliseconds: Math.round(milliseconds),
      backend,
      decidedBy: diagnostics.backend.selection?.decidedBy ?? 'unknown',
      cacheHits: diagnostics.modelCache?.hits ?? 0,
      cacheMisses: diagnostics.modelCache?.misses ?? 0,
    };
  });

exposeBench({ result: () => first });
