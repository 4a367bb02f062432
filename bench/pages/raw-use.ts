import * as tf from '@tensorflow/tfjs-core';
import { load, type UniversalSentenceEncoder } from '@tensorflow-models/universal-sentence-encoder';

/** Model files as @ondevice/vite serves them (the same bytes core loads). */
export const modelUrls = {
  modelUrl: '/ondevice/models/use-lite-float32/model.json',
  vocabUrl: '/ondevice/models/use-lite-float32/vocab.json',
};

/**
 * The raw package's own loader on the active tfjs backend, warmed up on `warmUp`.
 *
 * @example
 * const model = await loadRawUse(['hello'])
 */
export async function loadRawUse(warmUp: readonly string[]): Promise<UniversalSentenceEncoder> {
  const model = await load(modelUrls);
  await embedWithRawUse(model, [...warmUp]);
  await embedWithRawUse(model, warmUp.slice(0, 1));
  return model;
}

/**
 * What an app does with the raw package: embed, read the floats back, dispose, and split the
 * rows into one vector per text (core hands back the same: one Float32Array per text).
 *
 * @example
 * const vectors = await embedWithRawUse(model, ['hello', 'world'])
 */
export async function embedWithRawUse(
  model: UniversalSentenceEncoder,
  texts: string[],
): Promise<Float32Array[]> {
  const output = await model.embed(texts);
  try {
    const flat = (await output.data()) as Float32Array;
    const dimensions = flat.length / texts.length;
    return texts.map((_, row) => flat.slice(row * dimensions, (row + 1) * dimensions));
  } finally {
    output.dispose();
  }
}

/** Whether the active wasm backend runs threaded / SIMD (null on other backends). */
export async function wasmFeatures(): Promise<{ threads: boolean; simd: boolean } | null> {
  if (tf.getBackend() !== 'wasm') return null;
  return {
    threads: (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) as boolean,
    simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean,
  };
}
