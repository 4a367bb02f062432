import { round } from './bench-report.js';
import type { MachineInfo } from './machine-info.js';
import { alignedRows } from './markdown-blocks.js';
import {
  type ConcurrentTimings,
  type HeldLoad,
  type HeldRun,
  type HeldTargetName,
  type ProxyRun,
  heldLoadStream,
  heldTargetNames,
  type ProxyTargetName,
  proxyJob,
  proxyTargetNames,
} from './measure-proxy.js';
import type { ProcessProbe } from '../proxy/process-probe-figures.js';
import { percentile } from './typing-latency.js';

/**
 * A p50 / p99 pair in milliseconds (NaN when there was nothing to measure).
 *
 * @example
 * const spread: Spread = { p50: 1.2, p99: 8.4 }
 */
export interface Spread {
  p50: number;
  p99: number;
}

/**
 * One target's figures in (o).
 *
 * @example
 * const figures: ProxyTargetFigures = { name: 'proxy', sequentialMs, addedSequentialMs, … }
 */
export interface ProxyTargetFigures {
  name: ProxyTargetName;
  /** (a) request to last byte, non-streamed. */
  sequentialMs: Spread;
  /** (a) proxy − direct, request by request (undefined for direct). */
  addedSequentialMs?: Spread;
  /** (b) request to the first content chunk. */
  firstTokenMs: Spread;
  /** (b) request to last byte ÷ chunks. */
  perTokenMs: Spread;
  /** (b) proxy − direct, request by request: first token, and per token. */
  addedFirstTokenMs?: Spread;
  addedPerTokenMs?: Spread;
  /** (a) and (b) errors. */
  sequentialErrorCount: number;
  /** (c) with connections opened in the round, and opened before it. */
  cold: ConcurrentFigures;
  warm: ConcurrentFigures;
}

/**
 * One target's (c) figures, cold or warm.
 *
 * @example
 * const figures: ConcurrentFigures = { endToEndMs: { p50: 1700, p99: 1950 }, errorCount: 0, … }
 */
export interface ConcurrentFigures {
  /** Request to last byte with {@link proxyJob.concurrent} streams open. */
  endToEndMs: Spread;
  /** Request to the first content chunk. */
  firstTokenMs: Spread;
  /** The proxy's percentile − direct's percentile (undefined for direct). */
  addedMs?: Spread;
  /** Errors by kind, and their number. */
  errors: Record<string, number>;
  errorCount: number;
  /** Mean wall time of a round. */
  roundSeconds: number;
  /** Connections dropped on a full listen backlog (machine-wide) during the target's rounds. */
  listenDrops: number;
  /** Warm rounds: connections that failed to open before the round. */
  warmUpFailures: number;
  /** The proxy process's CPU time per request (undefined for direct). */
  proxyCpuMsPerRequest?: number;
}

/**
 * One target's (d) figures, its rounds pooled: percentiles over every stream (and chunk) of every
 * round, added latency as the pooled percentile minus direct's; each round's added p99 beside.
 *
 * @example
 * const figures: HeldFigures = { firstTokenMs: { p50: 3, p99: 9 }, chunkDelayMs: { p50: 0.4, p99: 3 }, peakOpen: 1000, … }
 */
export interface HeldFigures {
  name: HeldTargetName;
  rounds: number;
  /** Request to the first content chunk. */
  firstTokenMs: Spread;
  /** The fake upstream's write of a content chunk to its receipt by the client. */
  chunkDelayMs: Spread;
  /** The target's percentiles − direct's (undefined for direct). */
  addedFirstTokenMs?: Spread;
  addedChunkDelayMs?: Spread;
  /** Round by round: the target's p99 − direct's p99 of the same round (undefined for direct). */
  addedP99ByRound?: { firstTokenMs: number; chunkDelayMs: number }[];
  /** The fewest streams open together at the peak of a round. */
  peakOpen: number;
  completed: number;
  errors: Record<string, number>;
  errorCount: number;
  /** Mean wall time of a round. */
  wallSeconds: number;
  /** The proxy (or pipe) process's CPU time per stream (undefined for direct). */
  proxyCpuMsPerStream?: number;
  /**
   * The proxy (or pipe) process over its rounds (not for direct): GC pauses summed (the longest
   * of all), event-loop delay as the highest round's p99 and max.
   */
  relay?: ProcessProbe;
}

/**
 * One load of (d): its stream and every target's figures.
 *
 * @example
 * const load: HeldLoadFigures = { load: 'coarse', chunks: 30, delayMs: 400, targets: […] }
 */
export interface HeldLoadFigures {
  load: HeldLoad;
  chunks: number;
  delayMs: number;
  targets: HeldFigures[];
}

const difference = (proxy: Spread, direct: Spread): Spread => ({
  p50: round(proxy.p50 - direct.p50, 2),
  p99: round(proxy.p99 - direct.p99, 2),
});

function mergeErrors(runs: readonly HeldRun[]): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const run of runs)
    for (const [kind, count] of Object.entries(run.errors))
      errors[kind] = (errors[kind] ?? 0) + count;
  return errors;
}

/** The probes of a process's rounds as one: pauses summed, longest of all, the worst delays. */
export function mergeProbes(probes: readonly ProcessProbe[]): ProcessProbe | undefined {
  if (probes.length === 0) return undefined;
  const pauses = (pick: (probe: ProcessProbe) => ProcessProbe['minorGc']) => ({
    count: probes.reduce((total, probe) => total + pick(probe).count, 0),
    totalMs: round(
      probes.reduce((total, probe) => total + pick(probe).totalMs, 0),
      2,
    ),
    maxMs: Math.max(...probes.map((probe) => pick(probe).maxMs)),
  });
  return {
    minorGc: pauses((probe) => probe.minorGc),
    majorGc: pauses((probe) => probe.majorGc),
    loopDelayMs: {
      p50: Math.max(...probes.map((probe) => probe.loopDelayMs.p50)),
      p99: Math.max(...probes.map((probe) => probe.loopDelayMs.p99)),
      max: Math.max(...probes.map((probe) => probe.loopDelayMs.max)),
    },
  };
}

/**
 * A (d) target's figures from its rounds, beside direct's rounds (the same count, in order).
 *
 * @example
 * const figures = heldTargetFigures('proxy', run.held.coarse.proxy, run.held.coarse.direct)
 */
export function heldTargetFigures(
  name: HeldTargetName,
  runs: readonly HeldRun[],
  direct: readonly HeldRun[],
): HeldFigures {
  const isProxy = name !== 'direct';
  type Pick = (run: HeldRun) => readonly number[];
  const pooled = (of: readonly HeldRun[], pick: Pick) =>
    spreadOf(of.flatMap((run) => [...pick(run)]));
  const byFirstToken: Pick = (run) => run.firstTokenMs;
  const byChunk: Pick = (run) => run.chunkDelayMs;
  const firstTokenMs = pooled(runs, byFirstToken);
  const chunkDelayMs = pooled(runs, byChunk);
  const errors = mergeErrors(runs);
  const relay = mergeProbes(runs.flatMap((run) => (run.probe ? [run.probe] : [])));
  const addedP99 = (run: HeldRun, index: number, pick: Pick) =>
    round(spreadOf(pick(run)).p99 - spreadOf(direct[index] ? pick(direct[index]) : []).p99, 2);
  return {
    name,
    rounds: runs.length,
    firstTokenMs,
    chunkDelayMs,
    peakOpen: Math.min(...runs.map((run) => run.peakOpen)),
    completed: runs.reduce((total, run) => total + run.completed, 0),
    errors,
    errorCount: sum(errors),
    wallSeconds: round(runs.reduce((total, run) => total + run.wallMs, 0) / runs.length / 1000, 1),
    ...(isProxy
      ? {
          addedFirstTokenMs: difference(firstTokenMs, pooled(direct, byFirstToken)),
          addedChunkDelayMs: difference(chunkDelayMs, pooled(direct, byChunk)),
          addedP99ByRound: runs.map((run, index) => ({
            firstTokenMs: addedP99(run, index, byFirstToken),
            chunkDelayMs: addedP99(run, index, byChunk),
          })),
          proxyCpuMsPerStream: round(
            runs.reduce((total, run) => total + run.proxyCpuMs, 0) / (proxyJob.held * runs.length),
            2,
          ),
          ...(relay ? { relay } : {}),
        }
      : {}),
  };
}

function concurrentFigures(
  timings: ConcurrentTimings,
  direct: ConcurrentTimings,
  isProxy: boolean,
): ConcurrentFigures {
  const endToEndMs = spreadOf(timings.totalMs);
  const directMs = spreadOf(direct.totalMs);
  return {
    endToEndMs,
    firstTokenMs: spreadOf(timings.firstTokenMs),
    errors: timings.errors,
    errorCount: sum(timings.errors),
    roundSeconds: round(
      timings.roundWallMs.reduce((total, value) => total + value, 0) /
        timings.roundWallMs.length /
        1000,
      2,
    ),
    listenDrops: timings.listenDrops,
    warmUpFailures: timings.warmUpFailures,
    ...(isProxy
      ? {
          addedMs: {
            p50: round(endToEndMs.p50 - directMs.p50, 1),
            p99: round(endToEndMs.p99 - directMs.p99, 1),
          },
          proxyCpuMsPerRequest: round(
            timings.proxyCpuMs / (proxyJob.concurrent * proxyJob.rounds),
            2,
          ),
        }
      : {}),
  };
}

/**
 * The (o) report: printed as JSON and rendered into docs/benchmarks.md.
 *
 * @example
 * const report: ProxyReport = buildProxyReport(run, machine, command, new Date())
 */
export interface ProxyReport {
  command: string;
  date: string;
  machine: MachineInfo;
  /** `uptime`'s 1-minute load average when the run started. */
  loadAverage: number;
  job: typeof proxyJob;
  targets: ProxyTargetFigures[];
  /** (d), by load: `coarse` is the target's. */
  held: HeldLoadFigures[];
  memory: ProxyRun['memory'];
  audit: ProxyRun['audit'];
  /**
   * (d) for the proxy with the default policy: p99 added latency ≤ 10 ms to the first token and
   * to every chunk, with {@link proxyJob.held} streams open together and no error in (d).
   */
  targetMet: boolean;
}

const spreadOf = (values: readonly number[]): Spread => {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0
    ? { p50: Number.NaN, p99: Number.NaN }
    : { p50: round(percentile(finite, 50), 2), p99: round(percentile(finite, 99), 2) };
};

// Request by request: the proxy's i-th request minus the direct i-th (sent in the same turn).
const paired = (proxy: readonly number[], direct: readonly number[], divisor = 1): Spread =>
  spreadOf(proxy.map((value, index) => (value - (direct[index] ?? Number.NaN)) / divisor));

const sum = (record: Record<string, number>) =>
  Object.values(record).reduce((total, value) => total + value, 0);

/**
 * The (o) figures: nearest-rank p50 / p99; added latency paired request by request in (a) and
 * (b), and as the difference of the percentiles in (c), where requests run at once.
 *
 * @example
 * const report = buildProxyReport(run, machine, 'npm run bench -- --only proxy --write', new Date(), 1.2)
 */
export function buildProxyReport(
  run: ProxyRun,
  machine: MachineInfo,
  command: string,
  date: Date,
  loadAverage: number,
): ProxyReport {
  const direct = {
    sequential: run.sequential.direct.totalMs,
    firstToken: run.streamed.direct.firstTokenMs,
    total: run.streamed.direct.totalMs,
  };
  const targets = proxyTargetNames.map((name): ProxyTargetFigures => {
    const isProxy = name !== 'direct';
    return {
      name,
      sequentialMs: spreadOf(run.sequential[name].totalMs),
      firstTokenMs: spreadOf(run.streamed[name].firstTokenMs),
      perTokenMs: spreadOf(run.streamed[name].totalMs.map((value) => value / proxyJob.chunks)),
      sequentialErrorCount: sum(run.sequentialErrors[name]),
      cold: concurrentFigures(run.concurrent[name], run.concurrent.direct, isProxy),
      warm: concurrentFigures(run.concurrentWarm[name], run.concurrentWarm.direct, isProxy),
      ...(isProxy
        ? {
            addedSequentialMs: paired(run.sequential[name].totalMs, direct.sequential),
            addedFirstTokenMs: paired(run.streamed[name].firstTokenMs, direct.firstToken),
            addedPerTokenMs: paired(run.streamed[name].totalMs, direct.total, proxyJob.chunks),
          }
        : {}),
    };
  });
  const held = (['coarse', 'fine'] as const).map((load): HeldLoadFigures => ({
    load,
    ...heldLoadStream(load),
    targets: heldTargetNames.map((name) =>
      heldTargetFigures(name, run.held[load][name], run.held[load].direct),
    ),
  }));
  const judged = held.find((load) => load.load === 'coarse')?.targets ?? [];
  const heldProxy = judged.find((target) => target.name === 'proxy');
  return {
    command,
    date: date.toISOString(),
    machine,
    loadAverage,
    job: proxyJob,
    targets,
    held,
    memory: {
      ...run.memory,
      startMb: round(run.memory.startMb, 0),
      beforeMb: round(run.memory.beforeMb, 0),
      peakMb: round(run.memory.peakMb, 0),
      afterMb: round(run.memory.afterMb, 0),
    },
    audit: run.audit,
    targetMet:
      (heldProxy?.addedFirstTokenMs?.p99 ?? Number.POSITIVE_INFINITY) <= 10 &&
      (heldProxy?.addedChunkDelayMs?.p99 ?? Number.POSITIVE_INFINITY) <= 10 &&
      judged.every((target) => target.errorCount === 0 && target.peakOpen >= proxyJob.held),
  };
}

/**
 * A (d) target's added p99 round by round, `23.1, 77.5, 41.0; 7.2, 24.3, 9.9` (first token; chunk),
 * or `` for direct.
 *
 * @example
 * byRoundText(figures) // '23.1, 77.5; 7.2, 24.3'
 */
export function byRoundText(target: HeldFigures): string {
  const rounds = target.addedP99ByRound;
  if (!rounds) return '';
  const list = (pick: (round: { firstTokenMs: number; chunkDelayMs: number }) => number) =>
    rounds.map((round) => pick(round).toFixed(1)).join(', ');
  return `${list((round) => round.firstTokenMs)}; ${list((round) => round.chunkDelayMs)}`;
}

/**
 * `12 ms` style text of a figure, `–` when absent.
 *
 * @example
 * milliseconds(1.234) // '1.23 ms'
 */
export function milliseconds(value: number | undefined, digits = 2): string {
  return value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(digits)} ms`;
}

/**
 * The errors of (c) as text: `none`, or `12 ECONNRESET, 3 HTTP 502`.
 *
 * @example
 * errorText({ ECONNRESET: 2 }) // '2 ECONNRESET'
 */
export function errorText(errors: Record<string, number>): string {
  const entries = Object.entries(errors);
  return entries.length === 0
    ? 'none'
    : entries.map(([kind, number]) => `${number} ${kind}`).join(', ');
}

/**
 * The console summary of (o), with the target line.
 *
 * @example
 * process.stdout.write(formatProxyLines(report))
 */
export function formatProxyLines(report: ProxyReport): string {
  const rows = alignedRows([
    [
      '(o) LLM proxy vs fake upstream',
      '(a) p50/p99',
      '(a) added p50/p99',
      '(b) first token p50',
      '(b) added first/per token p50',
      `(c) ${report.job.concurrent} at once p50/p99`,
      '(c) added p50/p99',
      '(c) errors',
      '(c) warm added p50/p99',
      '(c) warm errors',
    ],
    ...report.targets.map((target) => [
      target.name,
      `${target.sequentialMs.p50.toFixed(2)}/${target.sequentialMs.p99.toFixed(2)}`,
      target.addedSequentialMs
        ? `${target.addedSequentialMs.p50.toFixed(2)}/${target.addedSequentialMs.p99.toFixed(2)}`
        : '',
      target.firstTokenMs.p50.toFixed(2),
      target.addedFirstTokenMs && target.addedPerTokenMs
        ? `${target.addedFirstTokenMs.p50.toFixed(2)}/${target.addedPerTokenMs.p50.toFixed(2)}`
        : '',
      `${target.cold.endToEndMs.p50.toFixed(0)}/${target.cold.endToEndMs.p99.toFixed(0)}`,
      target.cold.addedMs
        ? `${target.cold.addedMs.p50.toFixed(0)}/${target.cold.addedMs.p99.toFixed(0)}`
        : '',
      errorText(target.cold.errors),
      target.warm.addedMs
        ? `${target.warm.addedMs.p50.toFixed(0)}/${target.warm.addedMs.p99.toFixed(0)}`
        : `(${target.warm.endToEndMs.p50.toFixed(0)}/${target.warm.endToEndMs.p99.toFixed(0)})`,
      errorText(target.warm.errors),
    ]),
  ]);
  const { memory, audit } = report;
  const heldRows = alignedRows([
    [
      `(d) ${report.job.held} streams open together`,
      'first token p50/p99',
      'added first token p50/p99',
      'chunk delay p50/p99',
      'added per chunk p50/p99',
      'added p99 by round (first token; chunk)',
      'CPU/stream',
      'scavenges n, total, max',
      'major GC n, max',
      'loop delay p99/max',
      'peak open',
      'errors',
    ],
    ...report.held.flatMap((load) =>
      load.targets.map((target) => [
        `${load.load} (${load.chunks}×${load.delayMs} ms, ${target.rounds} round${target.rounds === 1 ? '' : 's'}), ${target.name}`,
        `${target.firstTokenMs.p50.toFixed(1)}/${target.firstTokenMs.p99.toFixed(1)}`,
        target.addedFirstTokenMs
          ? `${target.addedFirstTokenMs.p50.toFixed(1)}/${target.addedFirstTokenMs.p99.toFixed(1)}`
          : '',
        `${target.chunkDelayMs.p50.toFixed(1)}/${target.chunkDelayMs.p99.toFixed(1)}`,
        target.addedChunkDelayMs
          ? `${target.addedChunkDelayMs.p50.toFixed(1)}/${target.addedChunkDelayMs.p99.toFixed(1)}`
          : '',
        byRoundText(target),
        target.proxyCpuMsPerStream === undefined ? '' : target.proxyCpuMsPerStream.toFixed(1),
        target.relay
          ? `${target.relay.minorGc.count}, ${target.relay.minorGc.totalMs.toFixed(0)}, ${target.relay.minorGc.maxMs.toFixed(1)}`
          : '',
        target.relay
          ? `${target.relay.majorGc.count}, ${target.relay.majorGc.maxMs.toFixed(1)}`
          : '',
        target.relay
          ? `${target.relay.loopDelayMs.p99.toFixed(1)}/${target.relay.loopDelayMs.max.toFixed(1)}`
          : '',
        String(target.peakOpen),
        errorText(target.errors),
      ]),
    ),
  ]);
  const judged = report.held.find((load) => load.load === 'coarse')?.targets ?? [];
  const heldProxy = judged.find((target) => target.name === 'proxy');
  return [
    rows,
    heldRows,
    `proxy RSS: ${memory.startMb} MB at start, ${memory.beforeMb} MB before (c), peak ${memory.peakMb} MB, ${memory.afterMb} MB after; audit verify: exit ${audit.exitCode} (${audit.output})`,
    alignedRows([
      ['check', 'measured', 'result'],
      [
        `(o) 1,000 concurrent streams: p99 added latency ≤ 10 ms, no errors`,
        `(d) coarse: ${heldProxy?.addedFirstTokenMs?.p99.toFixed(1)} ms added to the first token, ${heldProxy?.addedChunkDelayMs?.p99.toFixed(1)} ms to a chunk at p99, ${judged.reduce((total, target) => total + target.errorCount, 0)} errors, at least ${Math.min(...judged.map((target) => target.peakOpen))} open together`,
        report.targetMet ? 'met' : 'MISSED',
      ],
    ]),
  ].join('\n');
}
