import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { warmUpSentences } from '../workload/bench-sentences.js';
import type { TfjsDefaultResult } from './bench-results.js';
import { exposeBench } from './expose-bench.js';
import { embedWithRawUse, loadRawUse, wasmFeatures } from './raw-use.js';
import { runJob } from './run-job.js';

// What an app gets from tfjs out of the box: the standard backends registered, tf.ready()
// with no setBackend, so tfjs picks by its own priority list.

function webglRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

async function run(options: {
  count: number;
  callSize: number;
  maxMilliseconds: number;
}): Promise<TfjsDefaultResult> {
  setWasmPaths('/ondevice/wasm/');
  await tf.ready();
  const picked = tf.getBackend();
  const model = await loadRawUse(warmUpSentences);
  const result = await runJob('plain', (texts) => embedWithRawUse(model, texts), {
    count: options.count,
    plainCallSize: options.callSize,
    maxMilliseconds: options.maxMilliseconds,
  });
  const features = await wasmFeatures();
  return {
    picked,
    renderer: picked === 'webgl' ? webglRenderer() : null,
    job: { ...result, backend: picked, details: { callSize: options.callSize, ...features } },
  };
}

exposeBench({ run });
