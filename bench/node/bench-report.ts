import type { JobResult, RetrainResult } from '../pages/bench-results.js';
import type { MachineInfo } from './machine-info.js';
import type { BackendChoice } from './measure-backend-choice.js';
import type { BundleSize } from './measure-bundle-size.js';
import type { FirstEmbedding } from './measure-first-embedding.js';
import type { ThroughputRuns } from './measure-throughput.js';
import type { TypingMeasurement } from './measure-typing.js';
import type { ReliabilityResult } from '../workload/reliability-workload.js';

/** Everything one `npm run bench` measured. */
export interface Measurements {
  machine: MachineInfo;
  rounds: number;
  seconds: number;
  throughput: ThroughputRuns;
  backendChoice: BackendChoice;
  firstEmbedding: FirstEmbedding;
  size: BundleSize;
  typing: TypingMeasurement;
  retrain: RetrainResult[];
  reliability: { browser: ReliabilityResult; node: ReliabilityResult };
}

/** One acceptance line of the bench issue, with the figure that decides it. */
export interface TargetCheck {
  id:
    | 'a-plain'
    | 'a-realistic'
    | 'b'
    | 'c'
    | 'd'
    | 'd-cold'
    | 'e'
    | 'f-latency'
    | 'f-long-tasks'
    | 'g'
    | 'g-10k'
    | 'h-abort-browser'
    | 'h-abort-node'
    | 'h-megabyte'
    | 'h-event-loop';
  label: string;
  target: string;
  measured: string;
  /** Null for a figure that is reported with no target. */
  met: boolean | null;
}

/** The headline figures, derived from the measurements. */
export interface Figures {
  throughput: {
    corePlain: number;
    rawPlainCallsOf64: number;
    rawPlainOneCall: number;
    /** The faster raw variant, against which the plain ratio is taken. */
    rawPlainBaseline: 'calls of 64' | 'one call';
    plainRatio: number;
    coreRealistic: number;
    rawRealistic: number;
    realisticRatio: number;
    /** Texts core computed in the realistic job (the rest came from dedup and cache). */
    coreRealisticComputed: number;
  };
  longTasks: {
    workerOn: { count: number; longestMs: number; runs: number };
    workerOff: { count: number; longestMs: number };
  };
  backendChoice: {
    autoChose: string;
    autoRate: number;
    tfjsPicked: string;
    tfjsRenderer: string | null;
    tfjsRate: number;
    tfjsSentences: number;
    ratio: number;
  };
  firstEmbedding: {
    coldMs: number;
    warmMs: number;
    warmRunsMs: number[];
    /** Cold at 10 Mbit/s, 40 ms RTT: default model, float32, raw package; raw ÷ default. */
    throttled: { defaultMs: number; float32Ms: number; rawMs: number; rawRatio: number };
  };
  size: {
    ondeviceInitialGzip: number;
    ondeviceInitialBytes: number;
    appInitialGzip: number;
    reactBaselineGzip: number;
    lazyGzip: number;
    lazyFiles: number;
  };
  typing: {
    widget: string;
    debounceMs: number;
    keys: number;
    pauses: number;
    caughtUp: number;
    resolvedBetweenPauses: number;
    withDebounce: { p50: number; p95: number; max: number };
    afterDebounce: { p50: number; p95: number; max: number };
    longTasks: { count: number; longestMs: number };
    longestEventMs: number;
  };
  /** One row per size: medians of the one-more-example retrains, and the bulk learn. */
  retrain: {
    examples: number;
    labels: number;
    oneMoreMs: number;
    oneMoreTrainingMs: number | null;
    bulkMs: number;
    bulkTrainingMs: number | null;
    longTasks: number;
  }[];
  /** (h): the worst of each reliability figure. */
  reliability: {
    abortToNewWorkMs: { browser: number; node: number };
    megabyteMs: { browser: number; node: number };
    megabyteTruncated: boolean;
    longestEventLoopBlockMs: number;
  };
}

/** The whole report: printed as JSON and rendered into docs/benchmarks.md. */
export interface BenchReport {
  command: string;
  date: string;
  machine: MachineInfo;
  rounds: number;
  seconds: number;
  figures: Figures;
  targets: TargetCheck[];
  measurements: Omit<Measurements, 'machine' | 'rounds' | 'seconds'>;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const rate = (runs: readonly JobResult[]) => median(runs.map((run) => run.sentencesPerSecond));

/** Rounds for display and JSON. */
export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Derives the headline figures and checks them against the acceptance lines.
 */
export function buildReport(measurements: Measurements, date: Date): BenchReport {
  const { throughput, backendChoice, firstEmbedding, size, typing, retrain, reliability } =
    measurements;
  const corePlain = rate(throughput.corePlain);
  const rawPlainCallsOf64 = rate(throughput.rawPlain);
  const rawPlainOneCall = throughput.rawPlainOneCall.sentencesPerSecond;
  const rawPlainBaseline = rawPlainOneCall > rawPlainCallsOf64 ? 'one call' : 'calls of 64';
  const coreRealistic = rate(throughput.coreRealistic);
  const rawRealistic = rate(throughput.rawRealistic);
  const workerRuns = [...throughput.corePlain, ...throughput.coreRealistic];
  const warmRunsMs = firstEmbedding.warm.map((run) => run.milliseconds);
  const figures: Figures = {
    throughput: {
      corePlain,
      rawPlainCallsOf64,
      rawPlainOneCall,
      rawPlainBaseline,
      plainRatio: corePlain / Math.max(rawPlainCallsOf64, rawPlainOneCall),
      coreRealistic,
      rawRealistic,
      realisticRatio: coreRealistic / rawRealistic,
      coreRealisticComputed: median(
        throughput.coreRealistic.map((run) => Number(run.details.textsComputed)),
      ),
    },
    longTasks: {
      workerOn: {
        count: Math.max(...workerRuns.map((run) => run.longTasks.count)),
        longestMs: Math.max(...workerRuns.map((run) => run.longTasks.longestMs)),
        runs: workerRuns.length,
      },
      workerOff: {
        count: throughput.corePlainWithoutWorker.longTasks.count,
        longestMs: throughput.corePlainWithoutWorker.longTasks.longestMs,
      },
    },
    backendChoice: {
      autoChose: backendChoice.auto.backend,
      autoRate: backendChoice.auto.sentencesPerSecond,
      tfjsPicked: backendChoice.tfjsDefault.picked,
      tfjsRenderer: backendChoice.tfjsDefault.renderer,
      tfjsRate: backendChoice.tfjsDefault.job.sentencesPerSecond,
      tfjsSentences: backendChoice.tfjsDefault.job.texts,
      ratio:
        backendChoice.auto.sentencesPerSecond / backendChoice.tfjsDefault.job.sentencesPerSecond,
    },
    firstEmbedding: {
      coldMs: firstEmbedding.cold.milliseconds,
      warmMs: median(warmRunsMs),
      warmRunsMs,
      throttled: {
        defaultMs: firstEmbedding.throttled.defaultModel.milliseconds,
        float32Ms: firstEmbedding.throttled.float32.milliseconds,
        rawMs: firstEmbedding.throttled.raw.milliseconds,
        rawRatio:
          firstEmbedding.throttled.raw.milliseconds /
          firstEmbedding.throttled.defaultModel.milliseconds,
      },
    },
    size: {
      ondeviceInitialGzip: size['app-without-react'].initial.gzipBytes,
      ondeviceInitialBytes: size['app-without-react'].initial.bytes,
      appInitialGzip: size.app.initial.gzipBytes,
      reactBaselineGzip: size['react-baseline'].initial.gzipBytes,
      lazyGzip: size.app.lazy.gzipBytes,
      lazyFiles: size.app.lazy.files.length,
    },
    typing: {
      widget: typing.setup.widget,
      debounceMs: typing.setup.debounceMs,
      keys: typing.latency.keys,
      pauses: typing.latency.pauses,
      caughtUp: typing.latency.caughtUp,
      resolvedBetweenPauses: typing.latency.resolvedBetweenPauses,
      withDebounce: typing.latency.withDebounce,
      afterDebounce: typing.latency.afterDebounce,
      longTasks: {
        count: typing.record.longTasks.count,
        longestMs: typing.record.longTasks.longestMs,
      },
      longestEventMs: typing.record.longestEventMs,
    },
    retrain: retrain.map((result) => {
      const trainings = result.oneMore.trainingMs.filter((value) => value !== null);
      return {
        examples: result.examples,
        labels: result.labels,
        oneMoreMs: median(result.oneMore.milliseconds),
        oneMoreTrainingMs: trainings.length > 0 ? Math.round(median(trainings)) : null,
        bulkMs: result.bulk.milliseconds,
        bulkTrainingMs: result.bulk.trainingMs === null ? null : Math.round(result.bulk.trainingMs),
        longTasks: result.longTasks.count,
      };
    }),
    reliability: {
      abortToNewWorkMs: {
        browser: Math.max(...reliability.browser.abortToNewWorkMs),
        node: Math.max(...reliability.node.abortToNewWorkMs),
      },
      megabyteMs: {
        browser: reliability.browser.megabyte.milliseconds,
        node: reliability.node.megabyte.milliseconds,
      },
      megabyteTruncated:
        reliability.browser.megabyte.truncated && reliability.node.megabyte.truncated,
      longestEventLoopBlockMs: reliability.node.eventLoop?.longestBlockMs ?? Number.NaN,
    },
  };
  return {
    command: 'npm run bench -- --write',
    date: date.toISOString(),
    machine: measurements.machine,
    rounds: measurements.rounds,
    seconds: round(measurements.seconds, 1),
    figures,
    targets: checkTargets(figures),
    measurements: { throughput, backendChoice, firstEmbedding, size, typing, retrain, reliability },
  };
}

const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function checkTargets(figures: Figures): TargetCheck[] {
  const {
    throughput,
    longTasks,
    backendChoice,
    firstEmbedding,
    size,
    typing,
    retrain,
    reliability,
  } = figures;
  return [
    {
      id: 'a-plain',
      label: '(a) throughput vs raw USE, plain',
      target: 'ratio ≥ 1.0',
      measured: `${throughput.plainRatio.toFixed(2)}×`,
      met: throughput.plainRatio >= 1,
    },
    {
      id: 'a-realistic',
      label: '(a) throughput vs raw USE, realistic',
      target: 'ratio ≥ 1.3',
      measured: `${throughput.realisticRatio.toFixed(2)}×`,
      met: throughput.realisticRatio >= 1.3,
    },
    {
      id: 'b',
      label: '(b) main-thread tasks > 50 ms, worker on',
      target: '0',
      measured: `${longTasks.workerOn.count} (longest ${longTasks.workerOn.longestMs} ms)`,
      met: longTasks.workerOn.count === 0,
    },
    {
      id: 'c',
      label: '(c) auto vs tfjs default backend',
      target: 'auto picks wasm, ≥ 10×',
      measured: `${backendChoice.autoChose}, ${backendChoice.ratio.toFixed(1)}× (tfjs picked ${backendChoice.tfjsPicked})`,
      met: backendChoice.autoChose === 'wasm' && backendChoice.ratio >= 10,
    },
    {
      id: 'd',
      label: '(d) warm time to first embedding',
      target: '≤ 1.5 s',
      measured: `${(firstEmbedding.warmMs / 1000).toFixed(2)} s`,
      met: firstEmbedding.warmMs <= 1500,
    },
    {
      id: 'd-cold',
      label: '(d) cold first embedding at 10 Mbit/s, 40 ms RTT, default model',
      target: '≤ 8 s',
      measured: `${(firstEmbedding.throttled.defaultMs / 1000).toFixed(2)} s (raw package ${(firstEmbedding.throttled.rawMs / 1000).toFixed(2)} s: ${firstEmbedding.throttled.rawRatio.toFixed(2)}×)`,
      met: firstEmbedding.throttled.defaultMs <= 8000,
    },
    {
      id: 'e',
      label: '(e) initial JS of @ondevice/core + @ondevice/react, gzip',
      target: '≤ 25 kB',
      measured: kilobytes(size.ondeviceInitialGzip),
      met: size.ondeviceInitialGzip <= 25_000,
    },
    {
      id: 'f-latency',
      label: '(f) keystroke to sentiment badge, p95, debounce included',
      target: '≤ 100 ms',
      measured: `${typing.withDebounce.p95} ms (${typing.afterDebounce.p95} ms after the ${typing.debounceMs} ms debounce; ${typing.caughtUp}/${typing.pauses} pauses)`,
      met: typing.withDebounce.p95 <= 100 && typing.caughtUp === typing.pauses,
    },
    {
      id: 'f-long-tasks',
      label: '(f) main-thread tasks > 50 ms while typing',
      target: '0',
      measured: `${typing.longTasks.count} (longest ${typing.longTasks.longestMs} ms)`,
      met: typing.longTasks.count === 0,
    },
    {
      id: 'g',
      label: '(g) teachable retrain after one more example, worker on',
      target: 'reported',
      measured: retrain
        .map((row) => `${row.examples.toLocaleString('en-US')} examples ${row.oneMoreMs} ms`)
        .join(', '),
      met: null,
    },
    ...retrain
      .filter((row) => row.examples === 10_000)
      .map((row) => ({
        id: 'g-10k' as const,
        label: '(g) teachable retrain after one more example, 10,000 stored examples, worker on',
        target: '≤ 1 s',
        measured: `${row.oneMoreMs} ms (lastTrainingMs ${String(row.oneMoreTrainingMs)} ms)`,
        met: row.oneMoreMs <= 1000,
      })),
    {
      id: 'h-abort-browser',
      label: '(h) abort of a 100,000-character job → new work done, browser worker (worst of 3)',
      target: '≤ 100 ms',
      measured: `${reliability.abortToNewWorkMs.browser} ms`,
      met: reliability.abortToNewWorkMs.browser <= 100,
    },
    {
      id: 'h-abort-node',
      label: '(h) abort of a 100,000-character job → new work done, Node (worst of 3)',
      target: '≤ 100 ms',
      measured: `${reliability.abortToNewWorkMs.node} ms`,
      met: reliability.abortToNewWorkMs.node <= 100,
    },
    {
      id: 'h-megabyte',
      label: '(h) embed one 1 MB text (truncated), browser worker / Node',
      target: '≤ 1 s, truncated',
      measured: `${reliability.megabyteMs.browser} ms / ${reliability.megabyteMs.node} ms, truncated: ${String(reliability.megabyteTruncated)}`,
      met:
        reliability.megabyteMs.browser <= 1000 &&
        reliability.megabyteMs.node <= 1000 &&
        reliability.megabyteTruncated,
    },
    {
      id: 'h-event-loop',
      label: '(h) longest event-loop block in Node during a 1,000-sentence job',
      target: '≤ 50 ms',
      measured: `${reliability.longestEventLoopBlockMs} ms`,
      met: reliability.longestEventLoopBlockMs <= 50,
    },
  ];
}
