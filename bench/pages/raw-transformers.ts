import { env, pipeline } from '@huggingface/transformers';
import { mixedLengthTexts } from '../workload/mixed-length-texts.js';
import {
  modelBasePath,
  onnxRuntimeBasePath,
  transformersBenchModels,
} from '../workload/transformers-models.js';
import type { EncoderRun, GenerationRun, GenerationTiming } from './bench-results.js';
import type { EncoderJob, GenerationJob } from './core-transformers.js';

// Raw side of (i) and (j): Transformers.js pipelines as its documentation shows them, on the
// page's main thread, loading the same folders from the same origin (local models only, no
// hub), onnxruntime-web's wasm from the same self-hosted files (no CDN), the wasm device and the
// dtype core uses, onnxruntime-web's default thread count. Imported only by the raw calls, so core's pages never load it on the main thread.

/**
 * Sets Transformers.js's global `env` for local, self-hosted loading, as its documentation
 * shows; the thread count stays onnxruntime-web's default (what an app gets).
 */
function configureTransformers(): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelBasePath;
  env.useBrowserCache = false;
  const onnx = env.backends.onnx as { wasm?: { wasmPaths?: string } };
  if (onnx.wasm) onnx.wasm.wasmPaths = new URL(onnxRuntimeBasePath, location.href).href;
}

/** The thread count onnxruntime-web settled on (it writes its default back once initialised). */
function onnxThreads(): number | string {
  const onnx = env.backends.onnx as { wasm?: { numThreads?: number } };
  return onnx.wasm?.numThreads || 'default';
}

/**
 * (i) raw: `pipeline('text-generation', id, { device: 'wasm', dtype })`, greedy
 * (`do_sample: false`). A streamer object sees every new token id as it is sampled (its first
 * call is the prompt), which times the first token and the rest the way core's result does.
 */
export async function generateWithRaw(
  job: GenerationJob & { dtype: string },
): Promise<GenerationRun> {
  configureTransformers();
  const started = performance.now();
  const generator = await pipeline('text-generation', transformersBenchModels.generator.name, {
    device: 'wasm',
    dtype: job.dtype as 'fp32',
  });
  const loadMs = performance.now() - started;
  const generate = async (maxNewTokens: number) => {
    let calls = 0;
    let firstAt: number | undefined;
    const streamer = {
      put: () => {
        calls += 1;
        if (calls === 2) firstAt = performance.now();
      },
      end: () => {},
    };
    const callStarted = performance.now();
    const output = (await generator(job.prompt, {
      max_new_tokens: maxNewTokens,
      do_sample: false,
      streamer: streamer as never,
    })) as { generated_text: string }[];
    const ended = performance.now();
    const tokens = calls - 1;
    const first = firstAt ?? ended;
    const timing: GenerationTiming = {
      tokens,
      tokensPerSecond: tokens > 1 && ended > first ? ((tokens - 1) * 1000) / (ended - first) : 0,
      timeToFirstTokenMs: first - callStarted,
      milliseconds: ended - callStarted,
    };
    return { timing, text: output[0]?.generated_text ?? '' };
  };
  for (let run = 0; run < job.warmUpRuns; run += 1) await generate(job.maxNewTokens);
  const generations: GenerationTiming[] = [];
  let text = '';
  for (let run = 0; run < job.runs; run += 1) {
    const result = await generate(job.maxNewTokens);
    generations.push(result.timing);
    text = result.text;
  }
  await generator.dispose();
  return {
    side: 'raw',
    loadMs: Math.round(loadMs),
    generations,
    text,
    details: {
      device: 'wasm',
      dtype: job.dtype,
      numThreads: onnxThreads(),
      crossOriginIsolated: globalThis.crossOriginIsolated,
      mainThread: true,
    },
  };
}

/**
 * (j) raw: `pipeline('feature-extraction', id, { device: 'wasm', dtype })` called once per set
 * with all its texts, `{ pooling: 'mean', normalize: true }`: one padded batch (as long as the
 * longest text), read back as one vector per text.
 */
export async function encodeWithRaw(job: EncoderJob & { dtype: string }): Promise<EncoderRun> {
  configureTransformers();
  const extractor = await pipeline('feature-extraction', transformersBenchModels.encoder.name, {
    device: 'wasm',
    dtype: job.dtype as 'q8',
  });
  const embed = async (texts: string[]) => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    const data = output.data as Float32Array;
    const dimensions = data.length / texts.length;
    const vectors = texts.map((_, row) => data.slice(row * dimensions, (row + 1) * dimensions));
    output.dispose();
    return vectors;
  };
  await embed(mixedLengthTexts(job.texts, 0).map((entry) => entry.text));
  const sets: EncoderRun['sets'] = [];
  let firstSetVectors: number[][] = [];
  for (let set = 1; set <= job.sets; set += 1) {
    const texts = mixedLengthTexts(job.texts, set);
    const started = performance.now();
    const vectors = await embed(texts.map((entry) => entry.text));
    const milliseconds = performance.now() - started;
    if (set === 1) {
      firstSetVectors = vectors.map((vector) =>
        Array.from(vector, (value) => Math.round(value * 1e5) / 1e5),
      );
    }
    sets.push({
      texts: texts.length,
      tokens: texts.reduce((sum, entry) => sum + entry.tokens, 0),
      milliseconds,
      textsPerSecond: (texts.length * 1000) / milliseconds,
    });
  }
  // What one call costs whatever its size: five calls with the shortest text of a set.
  const shortest = mixedLengthTexts(job.texts, 0).reduce((best, entry) =>
    entry.tokens < best.tokens ? entry : best,
  );
  const callTimes: number[] = [];
  for (let call = 0; call < 5; call += 1) {
    const started = performance.now();
    await embed([shortest.text]);
    callTimes.push(performance.now() - started);
  }
  callTimes.sort((left, right) => left - right);
  await extractor.dispose();
  return {
    side: 'raw',
    sets,
    firstSetVectors,
    details: {
      device: 'wasm',
      dtype: job.dtype,
      numThreads: onnxThreads(),
      crossOriginIsolated: globalThis.crossOriginIsolated,
      mainThread: true,
      oneShortTextCallMs: Math.round((callTimes[2] as number) * 10) / 10,
      oneShortTextTokens: shortest.tokens,
    },
  };
}
