import { createClient } from '@ondevice/core';
import type { FirstEmbeddingResult } from './bench-results.js';
import { exposeBench } from './expose-bench.js';

// Time to first embedding as an app sees it: the default client (backend auto, worker,
// persistent model cache), created as the page loads, one embed call (with the default model,
// or the one `?model=` names). performance.now()
// counts from navigation start.

// `?model=use-lite-float32` measures the float32 model the same way.
const model = new URLSearchParams(location.search).get('model');
const client = createClient(model ? { defaultModel: model } : {});
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

/** Resolves once `auto` has measured the backends (and the client remembered the choice). */
const measured = first.then(
  () =>
    new Promise<string>((resolve) => {
      const check = () => {
        const decidedBy = client.diagnostics().backend.selection?.decidedBy ?? 'unknown';
        if (decidedBy !== 'probe') resolve(decidedBy);
      };
      client.subscribe(check);
      check();
    }),
);

exposeBench({ result: () => first, measured: () => measured });
