import { round } from './bench-report.js';
import type { MachineInfo } from './machine-info.js';
import { alignedRows } from './markdown-blocks.js';
import {
  type ConcurrentTimings,
  type ProxyRun,
  type ProxyTargetName,
  proxyJob,
  proxyTargetNames,
} from './measure-proxy.js';
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
  /** (c) with connections opened in the round (the target's figure), and opened before it. */
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
  memory: ProxyRun['memory'];
  audit: ProxyRun['audit'];
  /** (c) the proxy's (default policy) p99 added latency ≤ 10 ms and no error in any (c) round. */
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
  const proxy = targets.find((target) => target.name === 'proxy');
  return {
    command,
    date: date.toISOString(),
    machine,
    loadAverage,
    job: proxyJob,
    targets,
    memory: {
      ...run.memory,
      startMb: round(run.memory.startMb, 0),
      beforeMb: round(run.memory.beforeMb, 0),
      peakMb: round(run.memory.peakMb, 0),
      afterMb: round(run.memory.afterMb, 0),
    },
    audit: run.audit,
    targetMet:
      (proxy?.cold.addedMs?.p99 ?? Number.POSITIVE_INFINITY) <= 10 &&
      targets.every((target) => target.cold.errorCount === 0),
  };
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
  const proxy = report.targets.find((target) => target.name === 'proxy');
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
  return [
    rows,
    `proxy RSS: ${memory.startMb} MB at start, ${memory.beforeMb} MB before (c), peak ${memory.peakMb} MB, ${memory.afterMb} MB after; audit verify: exit ${audit.exitCode} (${audit.output})`,
    alignedRows([
      ['check', 'measured', 'result'],
      [
        `(o) 1,000 concurrent streams: p99 added latency ≤ 10 ms, no errors`,
        `${proxy?.cold.addedMs?.p99.toFixed(0)} ms added at p99, ${report.targets.reduce((total, target) => total + target.cold.errorCount, 0)} errors`,
        report.targetMet ? 'met' : 'MISSED',
      ],
    ]),
  ].join('\n');
}
