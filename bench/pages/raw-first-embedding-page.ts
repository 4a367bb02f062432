import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { load } from '@tensorflow-models/universal-sentence-encoder';
import type { FirstEmbeddingResult } from './bench-results.js';
import { exposeBench } from './expose-bench.js';
import { modelUrls } from './raw-use.js';

// Time to first embedding with the raw package, loaded the usual way: `load({ modelUrl,
// vocabUrl })` on the page's main thread, the float32 files it ships with, no cache. On tfjs
// wasm, the fastest backend here (its default, webgl, is a software rasteriser on this machine:
// bench (c)). performance.now() counts from navigation start.

async function first(): Promise<FirstEmbeddingResult> {
  setWasmPaths('/ondevice/wasm/');
  await tf.setBackend('wasm');
  await tf.ready();
  const model = await load(modelUrls);
  const output = await model.embed(['Hello, is anyone there?']);
  await output.data();
  output.dispose();
  return {
    milliseconds: Math.round(performance.now()),
    backend: tf.getBackend(),
    decidedBy: 'fixed (wasm)',
    cacheHits: 0,
    cacheMisses: 0,
  };
}

const result = first();
exposeBench({ result: () => result });
