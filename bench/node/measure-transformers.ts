import type { Browser, BrowserContext } from '@playwright/test';
import type { BrowserMemorySample, EncoderRun, GenerationRun } from '../pages/bench-results.js';
import type { EncoderJob, GenerationJob } from '../pages/core-transformers.js';
import { presentTransformersModels } from '../vite-config.js';
import { callBenchPage, launchChromium } from './bench-browser.js';
import { type NodeMemoryRun, measureNodeMemory } from './measure-node-memory.js';
import { rendererResidentBytes } from './renderer-memory.js';

type Log = (line: string) => void;

/** (i): the job both sides run, and the dtype (stories260K's config asks for fp32). */
export const generationJob: GenerationJob & { dtype: string } = {
  prompt: 'Once upon a time',
  maxNewTokens: 100,
  warmUpRuns: 3,
  runs: 3,
  dtype: 'fp32',
};

/** (j): 64 texts of 8–256 tokens per set, 3 sets; q8 is the wasm default of both sides. */
export const encoderJob: EncoderJob & { dtype: string } = { texts: 64, sets: 3, dtype: 'q8' };

/** Rounds of (i) and (j); each round runs core, raw, raw, core (ABBA) in fresh tabs. */
export const transformersRounds = 2;

/** (i) side by side: every run of both sides, or why it was skipped. */
export type GenerationRuns = { core: GenerationRun[]; raw: GenerationRun[] } | { skipped: string };

/** (j) side by side. */
export type EncoderRuns = { core: EncoderRun[]; raw: EncoderRun[] } | { skipped: string };

/**
 * (k): Node (in-thread, gc between stages) with glibc's default allocator settings and with
 * {@link trimmingAllocator}, and the browser (worker, Chromium's measurement).
 */
export type MemoryRuns =
  | { node: NodeMemoryRun; nodeTrimming: NodeMemoryRun; browser: BrowserMemorySample[] }
  | { skipped: string };

/**
 * The glibc setting docs/generated/transformers-runtime.md recommends to Node servers that load
 * and unload models: a fixed mmap threshold (glibc's default one grows after the first large
 * free, so later large blocks come from the heap, which is rarely trimmed).
 */
export const trimmingAllocator = { MALLOC_MMAP_THRESHOLD_: '131072' } as const;

/** {@link trimmingAllocator} as the write-up names it. */
export const trimmingAllocatorSetting = Object.entries(trimmingAllocator)
  .map(([name, value]) => `${name}=${value}`)
  .join(' ');

/** Runs core and raw alternately (ABBA per round), each in a fresh tab of the same page. */
async function sideBySide<T>(
  rounds: number,
  run: (side: 'core' | 'raw') => Promise<T>,
): Promise<{ core: T[]; raw: T[] }> {
  const runs: { core: T[]; raw: T[] } = { core: [], raw: [] };
  for (let round = 0; round < rounds; round += 1) {
    for (const side of ['core', 'raw', 'raw', 'core'] as const) runs[side].push(await run(side));
  }
  return runs;
}

const missing = (what: string) =>
  `the ${what} folder is absent (see bench/workload/transformers-models.ts)`;

/**
 * (i): stories260K through `client.generator` (worker) and through the raw Transformers.js
 * `pipeline('text-generation')` (main thread), greedy, same dtype, wasm, same threads.
 */
export async function measureGeneration(
  context: BrowserContext,
  baseUrl: string,
  log: Log,
): Promise<GenerationRuns> {
  if (!presentTransformersModels().generator) return { skipped: missing('stories260K') };
  return sideBySide(transformersRounds, async (side) => {
    const result = await callBenchPage<GenerationRun>(context, baseUrl, 'transformers', {
      name: side === 'core' ? 'generateCore' : 'generateRaw',
      options: generationJob,
      timeoutMs: 180_000,
    });
    log(
      `  ${side}: ${result.generations.map((run) => `${run.tokensPerSecond.toFixed(0)} tokens/s (first token ${run.timeToFirstTokenMs.toFixed(1)} ms)`).join(', ')}`,
    );
    return result;
  });
}

/**
 * (j): the fixture encoder through `client.embedder` (length buckets) and through the raw
 * `pipeline('feature-extraction')` (one padded batch), same texts, dtype and threads.
 */
export async function measureEncoder(
  context: BrowserContext,
  baseUrl: string,
  log: Log,
): Promise<EncoderRuns> {
  if (!presentTransformersModels().encoder) return { skipped: missing('tiny-encoder fixture') };
  return sideBySide(transformersRounds, async (side) => {
    const result = await callBenchPage<EncoderRun>(context, baseUrl, 'transformers', {
      name: side === 'core' ? 'encodeCore' : 'encodeRaw',
      options: encoderJob,
      timeoutMs: 180_000,
    });
    log(
      `  ${side}: ${result.sets.map((set) => `${set.textsPerSecond.toFixed(1)} texts/s`).join(', ')}`,
    );
    return result;
  });
}

/**
 * Chromium answers `measureUserAgentSpecificMemory()` at its next garbage collection, which can
 * take minutes in an idle page; this Blink feature makes it measure at once. Only (k)'s own
 * browser gets it.
 */
export const eagerMemoryMeasurement = '--enable-blink-features=ForceEagerMeasureMemory';

/**
 * (k): memory before a Transformers.js model loads, after it ran, after `client.unload`: in a
 * fresh Node process, then in a browser of its own ({@link eagerMemoryMeasurement}).
 */
export async function measureMemory(baseUrl: string, log: Log): Promise<MemoryRuns> {
  const { encoder, tagger } = presentTransformersModels();
  if (!encoder || !tagger) return { skipped: missing('tiny-encoder or tiny-ner fixture') };
  const node = await measureNodeMemory(encoder.folder, tagger.folder);
  const nodeTrimming = await measureNodeMemory(encoder.folder, tagger.folder, trimmingAllocator);
  for (const [name, run] of [
    ['node', node],
    [`node, ${trimmingAllocatorSetting}`, nodeTrimming],
  ] as const) {
    log(
      `  ${name}: ${run.samples.map((sample) => `${sample.stage} rss ${(sample.rss / 1e6).toFixed(1)} MB`).join(', ')}`,
    );
  }
  const chromium: Browser = await launchChromium([eagerMemoryMeasurement]);
  let browser: BrowserMemorySample[];
  try {
    const context = await chromium.newContext();
    browser = await callBenchPage<BrowserMemorySample[]>(context, baseUrl, 'transformers', {
      name: 'memoryCore',
      options: encoderJob,
      timeoutMs: 180_000,
      expose: { benchRendererResidentBytes: () => rendererResidentBytes(chromium) },
    });
  } finally {
    await chromium.close();
  }
  const megabytes = (bytes: number | null) =>
    bytes === null ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`;
  log(
    `  browser: ${browser.map((sample) => `${sample.stage} renderer ${megabytes(sample.rendererResidentBytes)}, measured ${megabytes(sample.bytes)}`).join(', ')}`,
  );
  return { node, nodeTrimming, browser };
}
