import { type OnDeviceClient, createClient } from '@ondevice/core';
import { mixedLengthTexts } from '../workload/mixed-length-texts.js';
import { modelFolderUrl } from '../workload/transformers-models.js';
import type {
  BrowserMemorySample,
  EncoderRun,
  GenerationRun,
  GenerationTiming,
} from './bench-results.js';
import { measurePageMemory } from './measure-page-memory.js';

// @ondevice/core side of (i)–(k): the client as an app creates it (worker on, wasm), the models
// by folder URL as @ondevice/vite's modelFolders serves them.

/** What (i) and (j) ask a side to do; the raw side gets the same. */
export interface GenerationJob {
  prompt: string;
  maxNewTokens: number;
  /**
   * Untimed generations of `maxNewTokens` first: V8 compiles wasm with a baseline compiler and
   * recompiles hot functions optimised in the background, which on two busy cores took a few
   * hundred tokens; the timed runs measure both sides after that.
   */
  warmUpRuns: number;
  /** Timed generations after the warm-up. */
  runs: number;
}

/** (j): text sets of `texts` texts each, seeds 1, 2, …; the warm-up uses seed 0. */
export interface EncoderJob {
  texts: number;
  sets: number;
}

function wasmClient(): OnDeviceClient {
  return createClient({ backend: 'wasm', rememberBackend: false });
}

function threadsOf(client: OnDeviceClient) {
  const capabilities = client.diagnostics().capabilities;
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    wasmThreads: capabilities?.wasmThreads ?? null,
    hardwareConcurrency: navigator.hardwareConcurrency,
  };
}

/**
 * (i) core: `client.generator({ model })`, greedy, in the worker; timings from the API's own
 * `result` (`timeToFirstTokenMs`, `tokensPerSecond`).
 */
export async function generateWithCore(job: GenerationJob): Promise<GenerationRun> {
  const client = wasmClient();
  try {
    const generator = client.generator({ model: modelFolderUrl('generator') });
    const started = performance.now();
    const report = await client.model(generator.modelId).load();
    const loadMs = performance.now() - started;
    for (let run = 0; run < job.warmUpRuns; run += 1) {
      await generator.generate(job.prompt, { maxNewTokens: job.maxNewTokens }).result;
    }
    const generations: GenerationTiming[] = [];
    let text = '';
    for (let run = 0; run < job.runs; run += 1) {
      const result = await generator.generate(job.prompt, { maxNewTokens: job.maxNewTokens })
        .result;
      text = job.prompt + result.text;
      generations.push({
        tokens: result.tokens,
        tokensPerSecond: result.tokensPerSecond,
        timeToFirstTokenMs: result.timeToFirstTokenMs,
        milliseconds: result.milliseconds,
      });
    }
    return {
      side: 'core',
      loadMs: Math.round(loadMs),
      generations,
      text,
      details: {
        backend: report.backend,
        dtype: report.dtype ?? null,
        runtime: report.runtime,
        worker: client.diagnostics().worker.enabled,
        ...threadsOf(client),
      },
    };
  } finally {
    client.dispose();
  }
}

/**
 * (j) core: `client.embedder({ model })` with one `embed(texts)` call per set: the embedder and
 * the engine sort the texts by token count and run similar lengths together.
 */
export async function encodeWithCore(job: EncoderJob): Promise<EncoderRun> {
  const client = wasmClient();
  try {
    const embedder = client.embedder({ model: modelFolderUrl('encoder'), cacheSize: 0 });
    const report = await client.model(embedder.modelId).load();
    await embedder.embed(mixedLengthTexts(job.texts, 0).map((entry) => entry.text));
    const sets: EncoderRun['sets'] = [];
    let firstSetVectors: number[][] = [];
    const before = embedder.stats();
    for (let set = 1; set <= job.sets; set += 1) {
      const texts = mixedLengthTexts(job.texts, set);
      const started = performance.now();
      const { embeddings } = await embedder.embed(texts.map((entry) => entry.text));
      const milliseconds = performance.now() - started;
      if (set === 1) firstSetVectors = embeddings.map(roundedVector);
      sets.push({
        texts: texts.length,
        tokens: texts.reduce((sum, entry) => sum + entry.tokens, 0),
        milliseconds,
        textsPerSecond: (texts.length * 1000) / milliseconds,
      });
    }
    const after = embedder.stats();
    return {
      side: 'core',
      sets,
      firstSetVectors,
      details: {
        backend: report.backend,
        dtype: report.dtype ?? null,
        dimensions: report.dimensions,
        batches: after.batches - before.batches,
        ...threadsOf(client),
      },
    };
  } finally {
    client.dispose();
  }
}

/**
 * (k) in the browser: page and worker memory when the worker has started (no runtime), once
 * another tiny model was loaded, run and unloaded (the pre-load level: the unload of the last
 * model ended the worker), after the encoder loaded and ran (in a new worker), and after
 * `client.unload(modelId)` (which ended that worker too).
 */
export async function memoryWithCore(job: EncoderJob): Promise<BrowserMemorySample[]> {
  const client = wasmClient();
  try {
    const embedder = client.embedder({ model: modelFolderUrl('encoder'), cacheSize: 0 });
    const texts = mixedLengthTexts(job.texts, 1).map((entry) => entry.text);
    const sample = async (stage: string): Promise<BrowserMemorySample> => ({
      stage,
      ...(await measurePageMemory()),
      rendererResidentBytes: (await window.benchRendererResidentBytes?.()) ?? null,
      runtime: await client.memory(),
    });
    await client.memory(); // starts the worker and its engine
    const samples = [await sample('worker started')];
    const tagger = client.entities({ model: modelFolderUrl('tagger') });
    await tagger.recognize('Alice works at Acme in Paris.');
    await client.unload(tagger.modelId);
    samples.push(await sample('before load'));
    await embedder.embed(texts);
    samples.push(await sample('after load'));
    await client.unload(embedder.modelId);
    samples.push(await sample('after unload'));
    return samples;
  } finally {
    client.dispose();
  }
}

declare global {
  interface Window {
    /** Resident bytes of the renderer processes, from bench/run.ts (bench (k) only). */
    benchRendererResidentBytes?: () => Promise<number | null>;
  }
}

function roundedVector(vector: Float32Array): number[] {
  return Array.from(vector, (value) => Math.round(value * 1e5) / 1e5);
}
