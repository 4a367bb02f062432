import type { EncoderRun, GenerationRun, GenerationTiming } from '../pages/bench-results.js';
import { mixedLengthRange } from '../workload/mixed-length-texts.js';
import { median, round } from './bench-report.js';
import type { MachineInfo } from './machine-info.js';
import type { NodeMemorySample } from './measure-node-memory.js';
import {
  type EncoderRuns,
  type GenerationRuns,
  type MemoryRuns,
  encoderJob,
  generationJob,
  transformersRounds,
  trimmingAllocatorSetting as allocatorSetting,
} from './measure-transformers.js';

/** What one run measured of (i)–(k); a part left out by `--only` is undefined. */
export interface TransformersMeasurements {
  generation?: GenerationRuns;
  encoder?: EncoderRuns;
  memory?: MemoryRuns;
}

/** One side of (i): medians over every timed generation of every page. */
export interface GenerationSide {
  tokensPerSecond: number;
  timeToFirstTokenMs: number;
  /** New tokens per generation (the same on every run: greedy, no early end). */
  tokens: number;
  loadMs: number;
  /** Every timed generation's tokens/s, in run order. */
  runs: number[];
}

/** Why a part has no figures: skipped (its model folder is absent), or not run (`--only`). */
export type Missing = { skipped: string } | null;

/** The headline figures of (i)–(k). */
export interface TransformersFigures {
  generation:
    | {
        core: GenerationSide;
        raw: GenerationSide;
        /** core ÷ raw tokens/s. */
        ratio: number;
        /** Every generation of both sides gave the same text. */
        sameText: boolean;
        text: string;
      }
    | Missing;
  encoder:
    | {
        core: { textsPerSecond: number; runs: number[] };
        raw: { textsPerSecond: number; runs: number[] };
        /** core ÷ raw texts/s. */
        ratio: number;
        /** Tokens of one set, and the token slots one padded batch of it costs. */
        tokensPerSet: number;
        paddedTokensPerSet: number;
        /** Lowest cosine similarity between core's and raw's vector of the same text. */
        lowestCosine: number;
        /** Median time of one raw call with the shortest text: the fixed cost of a call. */
        oneShortTextCallMs: number | null;
      }
    | Missing;
  memory:
    | {
        /** glibc's default allocator settings. */
        node: NodeMemoryFigures;
        /** The same probe with `MALLOC_MMAP_THRESHOLD_` set (`trimmingAllocator`). */
        nodeTrimming: NodeMemoryFigures;
        browser: {
          stages: {
            stage: string;
            rendererRss: number | null;
            measured: number | null;
            worker: number | null;
          }[];
          beforeLoadRss: number | null;
          afterUnloadRss: number | null;
        };
      }
    | Missing;
}

/** (k) in one Node process. */
export interface NodeMemoryFigures {
  processStartRss: number;
  beforeLoadRss: number;
  afterLoadRss: number;
  afterUnloadRss: number;
  /** After the last of the load/unload rounds. */
  lastUnloadRss: number;
  rounds: number;
  /** heapUsed + arrayBuffers before load, after load and after unload. */
  javascript: { beforeLoad: number; afterLoad: number; afterUnload: number };
  /** What the runtime said it held after load, and after unload. */
  runtimeBytes: { afterLoad: number; afterUnload: number };
}

/** One acceptance line of (i)–(k). */
export interface TransformersTargetCheck {
  id:
    | 'i-generation'
    | 'i-first-token'
    | 'j-encoder'
    | 'k-memory-node'
    | 'k-memory-node-trimming'
    | 'k-memory-browser';
  label: string;
  target: string;
  measured: string;
  /** Null for a figure reported with no target. */
  met: boolean | null;
}

/** The (i)–(k) report: printed as JSON and rendered into docs/benchmarks.md. */
export interface TransformersReport {
  command: string;
  date: string;
  machine: MachineInfo;
  figures: TransformersFigures;
  targets: TransformersTargetCheck[];
  measurements: TransformersMeasurements;
}

const missingOf = (part: { skipped: string } | undefined): Missing =>
  part === undefined ? null : { skipped: part.skipped };

function generationSide(runs: readonly GenerationRun[]): GenerationSide {
  const timings: GenerationTiming[] = runs.flatMap((run) => run.generations);
  return {
    tokensPerSecond: round(median(timings.map((timing) => timing.tokensPerSecond)), 1),
    timeToFirstTokenMs: round(median(timings.map((timing) => timing.timeToFirstTokenMs)), 1),
    tokens: median(timings.map((timing) => timing.tokens)),
    loadMs: Math.round(median(runs.map((run) => run.loadMs))),
    runs: timings.map((timing) => round(timing.tokensPerSecond, 1)),
  };
}

function encoderSide(runs: readonly EncoderRun[]) {
  const rates = runs.flatMap((run) => run.sets.map((set) => set.textsPerSecond));
  return { textsPerSecond: round(median(rates), 1), runs: rates.map((rate) => round(rate, 1)) };
}

function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  left.forEach((value, index) => {
    const other = right[index] ?? 0;
    dot += value * other;
    leftNorm += value * value;
    rightNorm += other * other;
  });
  return dot / Math.sqrt(leftNorm * rightNorm || 1);
}

const stageOf = (samples: readonly NodeMemorySample[], stage: string) => {
  const found = samples.find((sample) => sample.stage === stage);
  if (!found) throw new Error(`the Node memory probe reported no "${stage}" sample`);
  return found;
};
const javascriptBytes = (sample: NodeMemorySample) => sample.heapUsed + sample.arrayBuffers;
const runtimeBytes = (runtime: Record<string, { bytes: number }>) =>
  Object.values(runtime).reduce((sum, entry) => sum + entry.bytes, 0);

function nodeMemoryFigures(samples: readonly NodeMemorySample[]): NodeMemoryFigures {
  const before = stageOf(samples, 'before load');
  const loaded = stageOf(samples, 'after load 1');
  const unloaded = stageOf(samples, 'after unload 1');
  const unloads = samples.filter((sample) => sample.stage.startsWith('after unload'));
  return {
    processStartRss: stageOf(samples, 'process start').rss,
    beforeLoadRss: before.rss,
    afterLoadRss: loaded.rss,
    afterUnloadRss: unloaded.rss,
    lastUnloadRss: unloads.at(-1)?.rss ?? unloaded.rss,
    rounds: unloads.length,
    javascript: {
      beforeLoad: javascriptBytes(before),
      afterLoad: javascriptBytes(loaded),
      afterUnload: javascriptBytes(unloaded),
    },
    runtimeBytes: {
      afterLoad: runtimeBytes(loaded.runtime),
      afterUnload: runtimeBytes(unloaded.runtime),
    },
  };
}

/**
 * Derives the (i)–(k) figures from what was measured.
 *
 * @example
 * const figures = transformersFigures({ generation, encoder, memory })
 */
export function transformersFigures(measurements: TransformersMeasurements): TransformersFigures {
  const { generation, encoder, memory } = measurements;
  let generationFigures: TransformersFigures['generation'] = missingOf(
    generation && 'skipped' in generation ? generation : undefined,
  );
  if (generation && !('skipped' in generation)) {
    const core = generationSide(generation.core);
    const raw = generationSide(generation.raw);
    const texts = [...generation.core, ...generation.raw].map((run) => run.text);
    generationFigures = {
      core,
      raw,
      ratio: round(core.tokensPerSecond / raw.tokensPerSecond),
      sameText: texts.every((text) => text === texts[0]),
      text: texts[0] ?? '',
    };
  }
  let encoderFigures: TransformersFigures['encoder'] = missingOf(
    encoder && 'skipped' in encoder ? encoder : undefined,
  );
  if (encoder && !('skipped' in encoder)) {
    const core = encoderSide(encoder.core);
    const raw = encoderSide(encoder.raw);
    const coreVectors = encoder.core[0]?.firstSetVectors ?? [];
    const rawVectors = encoder.raw[0]?.firstSetVectors ?? [];
    const firstSet = encoder.core[0]?.sets[0];
    const callMs = encoder.raw.map((run) => run.details.oneShortTextCallMs);
    encoderFigures = {
      core,
      raw,
      ratio: round(core.textsPerSecond / raw.textsPerSecond),
      tokensPerSet: firstSet?.tokens ?? 0,
      paddedTokensPerSet: (firstSet?.texts ?? 0) * mixedLengthRange.longest,
      lowestCosine: round(
        Math.min(...coreVectors.map((vector, index) => cosine(vector, rawVectors[index] ?? []))),
        5,
      ),
      oneShortTextCallMs: callMs.every((value) => typeof value === 'number')
        ? round(median(callMs as number[]), 1)
        : null,
    };
  }
  let memoryFigures: TransformersFigures['memory'] = missingOf(
    memory && 'skipped' in memory ? memory : undefined,
  );
  if (memory && !('skipped' in memory)) {
    const browserStage = (stage: string) =>
      memory.browser.find((sample) => sample.stage === stage)?.rendererResidentBytes ?? null;
    memoryFigures = {
      node: nodeMemoryFigures(memory.node.samples),
      nodeTrimming: nodeMemoryFigures(memory.nodeTrimming.samples),
      browser: {
        stages: memory.browser.map((sample) => ({
          stage: sample.stage,
          rendererRss: sample.rendererResidentBytes,
          measured: sample.bytes,
          worker: sample.workerBytes,
        })),
        beforeLoadRss: browserStage('before load'),
        afterUnloadRss: browserStage('after unload'),
      },
    };
  }
  return { generation: generationFigures, encoder: encoderFigures, memory: memoryFigures };
}

const megabytes = (bytes: number | null) =>
  bytes === null ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`;
const percentOver = (value: number, base: number) =>
  `${value >= base ? '+' : ''}${((100 * (value - base)) / base).toFixed(1)} %`;

/**
 * Checks the (i)–(k) figures against their targets; parts not run have no line.
 *
 * @example
 * transformersTargets(figures).filter((check) => check.met === false)
 */
export function transformersTargets(figures: TransformersFigures): TransformersTargetCheck[] {
  const checks: TransformersTargetCheck[] = [];
  const { generation, encoder, memory } = figures;
  if (generation && !('skipped' in generation)) {
    checks.push(
      {
        id: 'i-generation',
        label: '(i) stories260K generation, core vs raw Transformers.js pipeline, tokens/s',
        target: 'ratio ≥ 1.0',
        measured: `${generation.ratio.toFixed(2)}× (${generation.core.tokensPerSecond} vs ${generation.raw.tokensPerSecond} tokens/s; same text: ${String(generation.sameText)})`,
        met: generation.ratio >= 1 && generation.sameText,
      },
      {
        id: 'i-first-token',
        label: '(i) time to first token, model warm, core vs raw',
        target: 'reported',
        measured: `${generation.core.timeToFirstTokenMs} ms vs ${generation.raw.timeToFirstTokenMs} ms`,
        met: null,
      },
    );
  }
  if (encoder && !('skipped' in encoder)) {
    checks.push({
      id: 'j-encoder',
      label: `(j) encoder, ${encoderJob.texts} texts of ${mixedLengthRange.shortest}–${mixedLengthRange.longest} tokens, core (length buckets) vs raw feature-extraction`,
      target: 'ratio ≥ 1.3',
      measured: `${encoder.ratio.toFixed(2)}× (${encoder.core.textsPerSecond} vs ${encoder.raw.textsPerSecond} texts/s)`,
      met: encoder.ratio >= 1.3,
    });
  }
  if (memory && !('skipped' in memory)) {
    const { node, nodeTrimming, browser } = memory;
    const nodeCheck = (figures: NodeMemoryFigures) => ({
      target: 'within 10 %',
      measured: `${megabytes(figures.afterUnloadRss)} vs ${megabytes(figures.beforeLoadRss)} (${percentOver(figures.afterUnloadRss, figures.beforeLoadRss)}; loaded ${megabytes(figures.afterLoadRss)})`,
      met: figures.afterUnloadRss <= 1.1 * figures.beforeLoadRss,
    });
    checks.push({
      id: 'k-memory-browser',
      label: '(k) browser renderer RSS after client.unload vs before load (the default: worker on)',
      target: 'within 10 %',
      measured:
        browser.afterUnloadRss === null || browser.beforeLoadRss === null
          ? 'n/a (no /proc)'
          : `${megabytes(browser.afterUnloadRss)} vs ${megabytes(browser.beforeLoadRss)} (${percentOver(browser.afterUnloadRss, browser.beforeLoadRss)})`,
      met:
        browser.afterUnloadRss === null || browser.beforeLoadRss === null
          ? null
          : browser.afterUnloadRss <= 1.1 * browser.beforeLoadRss,
    });
    checks.push({
      id: 'k-memory-node-trimming',
      label: `(k) Node RSS after client.unload vs before load, ${allocatorSetting}`,
      ...nodeCheck(nodeTrimming),
    });
    checks.push({
      id: 'k-memory-node',
      label: "(k) Node RSS after client.unload vs before load, glibc's default settings",
      ...nodeCheck(node),
    });
  }
  return checks;
}

/**
 * The (i)–(k) report of one run.
 *
 * @example
 * const report = buildTransformersReport(measurements, machine, 'npm run bench -- --write', new Date())
 */
export function buildTransformersReport(
  measurements: TransformersMeasurements,
  machine: MachineInfo,
  command: string,
  date: Date,
): TransformersReport {
  const figures = transformersFigures(measurements);
  return {
    command,
    date: date.toISOString(),
    machine,
    figures,
    targets: transformersTargets(figures),
    measurements,
  };
}

/** Console lines of (i)–(k): the checks, then the figures behind them. */
export function formatTransformersLines(report: TransformersReport): string {
  const { generation, encoder, memory } = report.figures;
  const lines = report.targets.map(
    (check) =>
      `${check.label}: ${check.measured} (target ${check.target}: ${check.met === null ? '-' : check.met ? 'met' : 'MISSED'})`,
  );
  const why = (part: Missing, name: string) => (part ? `${name}: skipped, ${part.skipped}` : '');
  if (!generation || 'skipped' in generation) lines.push(why(generation, '(i)'));
  if (!encoder || 'skipped' in encoder) lines.push(why(encoder, '(j)'));
  if (memory && !('skipped' in memory)) {
    for (const [name, node] of [
      ['glibc defaults', memory.node],
      [allocatorSetting, memory.nodeTrimming],
    ] as const) {
      lines.push(
        `(k) Node RSS (${name}): process start ${megabytes(node.processStartRss)}, before load ${megabytes(node.beforeLoadRss)}, loaded ${megabytes(node.afterLoadRss)}, unloaded ${megabytes(node.afterUnloadRss)}, after ${node.rounds} rounds ${megabytes(node.lastUnloadRss)}`,
      );
    }
  } else {
    lines.push(why(memory, '(k)'));
  }
  return lines.filter((line) => line !== '').join('\n');
}

/** Markers around the (i)–(k) block of docs/benchmarks.md, so `--only` can replace it alone. */
export const transformersBlockMarkers = {
  start: '<!-- bench (i)–(k): start -->',
  end: '<!-- bench (i)–(k): end -->',
} as const;

/**
 * Puts the (i)–(k) block into an existing docs/benchmarks.md: replaces the marked block, or
 * appends it.
 *
 * @example
 * await writeFile(file, spliceTransformersBlock(await readFile(file, 'utf8'), block))
 */
export function spliceTransformersBlock(document: string, block: string): string {
  const start = document.indexOf(transformersBlockMarkers.start);
  const end = document.indexOf(transformersBlockMarkers.end);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${block}`;
  return (
    document.slice(0, start) +
    block.trimEnd() +
    document.slice(end + transformersBlockMarkers.end.length)
  );
}

export { renderTransformersMarkdown } from './transformers-markdown.js';

/** Rounds, jobs and dtypes of (i)–(k), for the write-up. */
export const transformersSetup = { generationJob, encoderJob, transformersRounds };
