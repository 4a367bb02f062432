import { Agent } from 'node:http';
import {
  type BenchProxy,
  benchKeys,
  benchModels,
  cpuMilliseconds,
  listenDrops,
  residentMegabytes,
  startBenchProxy,
  startFakeUpstream,
  startPipeProxy,
} from '../proxy/bench-processes.js';
import { fakeUpstreamModels, heldStream, streamPieces } from '../proxy/fake-upstream-wire.js';
import { type HeldTimings, heldStreams } from '../proxy/held-streams.js';
import type { ProcessProbe } from '../proxy/process-probe-figures.js';
import {
  type PostTarget,
  type TimedResponse,
  answerText,
  openConnections,
  timedPost,
} from '../proxy/timed-post.js';

type Log = (line: string) => void;

/** The (o) workload: the fake upstream's stream, and how many requests each measurement sends. */
export const proxyJob = {
  chunks: 20,
  delayMs: 5,
  /** (a) sequential non-streamed requests per target. */
  sequential: 200,
  /** (b) sequential streams per target. */
  streamed: 60,
  /** Warm-up requests per target before (a) and before (b). */
  warmUp: 20,
  /** (d) streams held open together: one opened every `heldEveryMs`, each about 12 s long. */
  held: 1_000,
  heldEveryMs: 10,
  /**
   * (d) rounds by load, the targets taking turns in each: one round's p99 swings widely on this
   * machine (20 to 140 ms added to the first token on the same code), so the target's load is
   * measured three times and judged on the rounds pooled.
   */
  heldRounds: { coarse: 3, fine: 1 },
  /** (c) streams sent at once. */
  concurrent: 1_000,
  /** (c) rounds per target, cold and warm each, the targets alternating. */
  rounds: 2,
} as const;

/**
 * The three ways (o) sends a request: to the fake upstream itself, through the proxy with the
 * default policy (every type masked, names looked for), through the proxy for a tenant whose
 * policy allows every type.
 *
 * @example
 * const target: ProxyTargetName = 'proxy'
 */
export type ProxyTargetName = 'direct' | 'proxy' | 'proxy, all allowed';

/** The targets, in the order of the first round (each next round starts one later). */
export const proxyTargetNames: readonly ProxyTargetName[] = [
  'direct',
  'proxy',
  'proxy, all allowed',
];

/**
 * One target's timings in (a) or (b): by request index (NaN where the request failed), so the
 * targets can be paired index by index.
 *
 * @example
 * const timings: SequentialTimings = { firstTokenMs: [1.2, …], totalMs: [1.3, …] }
 */
export interface SequentialTimings {
  firstTokenMs: number[];
  totalMs: number[];
}

/**
 * One target's (c): every stream's times, the errors by kind, each round's wall time, and the
 * CPU time of the proxy process during its rounds (NaN for direct).
 *
 * @example
 * const run: ConcurrentTimings = { firstTokenMs: […], totalMs: […], errors: {}, roundWallMs: [2100, 2050], proxyCpuMs: 3800, listenDrops: 0, warmUpFailures: 0 }
 */
export interface ConcurrentTimings extends SequentialTimings {
  errors: Record<string, number>;
  roundWallMs: number[];
  proxyCpuMs: number;
  /** Connections the machine dropped on a full listen backlog during the target's rounds. */
  listenDrops: number;
  /** Warm rounds: connections that failed to open before the round. */
  warmUpFailures: number;
}

/**
 * The two loads of (d): `coarse` (the target's) streams 30 chunks 400 ms apart, `fine` 60
 * chunks 200 ms apart — twice the chunks through the same 1,000 streams.
 *
 * @example
 * const load: HeldLoad = 'coarse'
 */
export type HeldLoad = 'coarse' | 'fine';

/** The held model of each load of (d). */
export const heldLoadModels: Record<HeldLoad, string> = {
  coarse: fakeUpstreamModels.heldCoarse,
  fine: fakeUpstreamModels.heldFine,
};

/**
 * The chunks and their spacing of a load of (d).
 *
 * @example
 * heldLoadStream('coarse') // { chunks: 30, delayMs: 400 }
 */
export function heldLoadStream(load: HeldLoad): { chunks: number; delayMs: number } {
  return heldStream(heldLoadModels[load]) as { chunks: number; delayMs: number };
}

/**
 * The targets of (d): the three of (a)–(c), and `pipe`, a bare node:http pipe to the fake
 * upstream (bench/proxy/pipe-proxy.ts): what any Node proxy costs on this machine.
 *
 * @example
 * const target: HeldTargetName = 'pipe'
 */
export type HeldTargetName = ProxyTargetName | 'pipe';

/** The targets of (d), in order. */
export const heldTargetNames: readonly HeldTargetName[] = [
  'direct',
  'pipe',
  'proxy',
  'proxy, all allowed',
];

/**
 * One target's (d): {@link HeldTimings}, and the CPU time of the proxy (or pipe) process over
 * the round (NaN for direct) with its GC pauses and event-loop delay (none for direct).
 *
 * @example
 * const run: HeldRun = { ...timings, proxyCpuMs: 9_800, probe: await pipe.probe() }
 */
export interface HeldRun extends HeldTimings {
  proxyCpuMs: number;
  probe?: ProcessProbe;
}

/**
 * What (o) measured.
 *
 * @example
 * const run: ProxyRun = await measureProxy(log)
 */
export interface ProxyRun {
  sequential: Record<ProxyTargetName, SequentialTimings>;
  streamed: Record<ProxyTargetName, SequentialTimings>;
  /** Errors of (a) and (b) together, by target and kind. */
  sequentialErrors: Record<ProxyTargetName, Record<string, number>>;
  /**
   * (d) {@link proxyJob.held} streams open together, opened at a steady pace: by load and target,
   * one run per round ({@link proxyJob.heldRounds}).
   */
  held: Record<HeldLoad, Record<HeldTargetName, HeldRun[]>>;
  /** (c) cold: each stream opens its connection in the round. */
  concurrent: Record<ProxyTargetName, ConcurrentTimings>;
  /** (c) warm: the round's connections opened (keep-alive) just before it. */
  concurrentWarm: Record<ProxyTargetName, ConcurrentTimings>;
  /** The proxy's VmRSS (MB): after start, before (c), peak during (c) sampled every 100 ms, 2 s after (c). */
  memory: { startMb: number; beforeMb: number; peakMb: number; afterMb: number; samples: number };
  /** `ondevice-proxy audit verify` after the proxy stopped; `requests`: the proxy's answers. */
  audit: { exitCode: number; output: string; requests: number };
}

const expected = streamPieces(proxyJob.chunks).join('');

function body(index: number, streamed: boolean, model: string): string {
  return JSON.stringify({
    model,
    stream: streamed,
    messages: [{ role: 'user', content: `Count to twenty, please (${index}).` }],
  });
}

function errorKind(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** One request; a failure is returned as its kind rather than thrown. */
async function attempt(
  target: PostTarget,
  text: string,
  streamed: boolean,
): Promise<TimedResponse | string> {
  try {
    const timed = await timedPost(target, text);
    if (timed.status !== 200) return `HTTP ${timed.status}`;
    if (answerText(timed.body, streamed) !== expected) return 'incomplete answer';
    return timed;
  } catch (error) {
    return errorKind(error);
  }
}

const empty = <T>(make: () => T) =>
  Object.fromEntries(proxyTargetNames.map((name) => [name, make()])) as Record<ProxyTargetName, T>;
const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));
const sumOf = (errors: Record<string, number>) =>
  Object.values(errors).reduce((total, value) => total + value, 0);
const count = (errors: Record<string, number>, kind: string) =>
  (errors[kind] = (errors[kind] ?? 0) + 1);

/**
 * (o): a fake OpenAI-compatible upstream and the proxy (its CLI, from source) each in a child
 * process; this process is the client (node:http, keep-alive agents). (a) sequential
 * non-streamed requests and (b) sequential streams, the three targets taking turns request by
 * request; (d) {@link proxyJob.held} streams held open together, by load in
 * {@link proxyJob.heldRounds} rounds, each target (a bare pipe among them) in turn, the proxy's and
 * the pipe's GC pauses and event-loop delay probed around each round; (c)
 * {@link proxyJob.concurrent} streams at once, one target per round, the targets alternating, with
 * the proxy's RSS sampled every 100 ms; then the proxy is stopped and its audit chain verified
 * through the CLI.
 *
 * @example
 * const run = await measureProxy(log)
 */
export async function measureProxy(log: Log): Promise<ProxyRun> {
  const upstream = await startFakeUpstream(proxyJob.chunks, proxyJob.delayMs);
  let proxy: BenchProxy | undefined;
  try {
    proxy = await startBenchProxy(upstream.url);
    const running = proxy;
    log(
      `  fake upstream pid ${upstream.pid} at ${upstream.url}, proxy pid ${proxy.pid} at ${proxy.url}`,
    );
    const startMb = await residentMegabytes(proxy.pid);
    let proxyAnswers = 0;
    const targetOf = (name: ProxyTargetName, agent: Agent): PostTarget =>
      name === 'direct'
        ? { url: `${upstream.url}/v1/chat/completions`, agent }
        : {
            url: `${running.url}/v1/chat/completions`,
            agent,
            apiKey: name === 'proxy' ? benchKeys.masked : benchKeys.allowed,
          };
    const agents = empty(() => new Agent({ keepAlive: true, maxSockets: 64 }));
    const sequentialErrors = empty<Record<string, number>>(() => ({}));

    const sequentialPhase = async (streamed: boolean, requests: number) => {
      const timings = empty<SequentialTimings>(() => ({ firstTokenMs: [], totalMs: [] }));
      const model = streamed ? benchModels.paced : benchModels.instant;
      for (let index = -proxyJob.warmUp; index < requests; index++) {
        const offset = ((index % 3) + 3) % 3;
        const order = [...proxyTargetNames.slice(offset), ...proxyTargetNames.slice(0, offset)];
        for (const name of order) {
          const result = await attempt(
            targetOf(name, agents[name]),
            body(index, streamed, model),
            streamed,
          );
          if (name !== 'direct') proxyAnswers += typeof result === 'string' ? 0 : 1;
          if (index < 0) continue;
          if (typeof result === 'string') count(sequentialErrors[name], result);
          timings[name].firstTokenMs[index] =
            typeof result === 'string' ? Number.NaN : result.firstTokenMs;
          timings[name].totalMs[index] = typeof result === 'string' ? Number.NaN : result.totalMs;
        }
      }
      return timings;
    };
    log(`  (a) ${proxyJob.sequential} sequential non-streamed requests per target`);
    const sequential = await sequentialPhase(false, proxyJob.sequential);
    log(`  (b) ${proxyJob.streamed} sequential streams of ${proxyJob.chunks} chunks per target`);
    const streamed = await sequentialPhase(true, proxyJob.streamed);
    for (const agent of Object.values(agents)) agent.destroy();

    const pipe = await startPipeProxy(upstream.url);
    const noRuns = () =>
      Object.fromEntries(heldTargetNames.map((name) => [name, [] as HeldRun[]])) as Record<
        HeldTargetName,
        HeldRun[]
      >;
    const held: Record<HeldLoad, Record<HeldTargetName, HeldRun[]>> = {
      coarse: noRuns(),
      fine: noRuns(),
    };
    try {
      for (const load of ['coarse', 'fine'] as const) {
        for (let round = 0; round < proxyJob.heldRounds[load]; round++) {
          for (const name of heldTargetNames) {
            await sleep(1_000);
            const relay = name === 'direct' ? undefined : name === 'pipe' ? pipe : running;
            const pid = name === 'pipe' ? pipe.pid : running.pid;
            await relay?.probe(); // from here
            const cpuBefore = await cpuMilliseconds(pid);
            const target =
              name === 'pipe'
                ? { url: `${pipe.url}/v1/chat/completions` }
                : (({ url, apiKey }) => ({ url, ...(apiKey ? { apiKey } : {}) }))(
                    targetOf(name, agents[name]),
                  );
            const timings = await heldStreams(
              target,
              { model: heldLoadModels[load], count: proxyJob.held, everyMs: proxyJob.heldEveryMs },
              `${load}-${name}`,
              upstream.url,
            );
            // Settlement and audit records are written just after each stream's last byte.
            await sleep(1_000);
            held[load][name].push({
              ...timings,
              proxyCpuMs: name === 'direct' ? Number.NaN : (await cpuMilliseconds(pid)) - cpuBefore,
              ...(relay ? { probe: await relay.probe() } : {}),
            });
            if (name === 'proxy' || name === 'proxy, all allowed')
              proxyAnswers += timings.completed;
            log(
              `  (d) ${load}, round ${round + 1}, ${name}: ${proxyJob.held} streams, at most ${timings.peakOpen} open together, in ${(timings.wallMs / 1000).toFixed(1)} s, errors ${sumOf(timings.errors)}`,
            );
          }
        }
      }
    } finally {
      await pipe.stop();
    }

    await sleep(1_000);
    const beforeMb = await residentMegabytes(proxy.pid);
    const samples: number[] = [];
    const sampler = setInterval(() => {
      void residentMegabytes(running.pid).then((megabytes) => samples.push(megabytes));
    }, 100);
    const concurrentPhase = async (warm: boolean) => {
      const concurrent = empty<ConcurrentTimings>(() => ({
        firstTokenMs: [],
        totalMs: [],
        errors: {},
        roundWallMs: [],
        proxyCpuMs: 0,
        listenDrops: 0,
        warmUpFailures: 0,
      }));
      for (let round = 0; round < proxyJob.rounds; round++) {
        const order = round % 2 === 0 ? proxyTargetNames : [...proxyTargetNames].reverse();
        for (const name of order) {
          // A fresh agent each round. Cold: every stream opens its connection inside the round;
          // warm: the connections are opened (and left idle) just before it.
          const agent = new Agent({
            keepAlive: true,
            maxSockets: Infinity,
            maxFreeSockets: Infinity,
          });
          const target = targetOf(name, agent);
          const timings = concurrent[name];
          if (warm) {
            const origin = new URL(target.url).origin;
            timings.warmUpFailures += await openConnections(
              `${origin}/bench-warm-up`,
              agent,
              proxyJob.concurrent,
            );
            await sleep(200);
          }
          const cpuBefore = await cpuMilliseconds(running.pid);
          const dropsBefore = await listenDrops();
          const started = performance.now();
          const results = await Promise.all(
            Array.from({ length: proxyJob.concurrent }, (_, index) =>
              attempt(target, body(index, true, benchModels.paced), true),
            ),
          );
          const wallMs = performance.now() - started;
          timings.listenDrops += (await listenDrops()) - dropsBefore;
          agent.destroy();
          timings.roundWallMs.push(wallMs);
          for (const result of results) {
            if (typeof result === 'string') {
              count(timings.errors, result);
              continue;
            }
            if (name !== 'direct') proxyAnswers++;
            timings.firstTokenMs.push(result.firstTokenMs);
            timings.totalMs.push(result.totalMs);
          }
          // Settlement and audit records are written just after each stream's last byte.
          await sleep(1_000);
          timings.proxyCpuMs =
            name === 'direct'
              ? Number.NaN
              : timings.proxyCpuMs + (await cpuMilliseconds(running.pid)) - cpuBefore;
          const errors = Object.values(timings.errors).reduce((sum, value) => sum + value, 0);
          log(
            `  (c) ${warm ? 'warm' : 'cold'} round ${round + 1}, ${name}: ${proxyJob.concurrent} streams in ${(wallMs / 1000).toFixed(1)} s, errors so far ${errors}`,
          );
        }
      }
      return concurrent;
    };
    const concurrent = await concurrentPhase(false);
    const concurrentWarm = await concurrentPhase(true);
    await sleep(2_000);
    clearInterval(sampler);
    const afterMb = await residentMegabytes(proxy.pid);
    const peakMb = Math.max(beforeMb, afterMb, ...samples.filter(Number.isFinite));

    log('  stopping the proxy, then ondevice-proxy audit verify');
    await proxy.stop();
    const verified = await proxy.verifyAudit();
    return {
      sequential,
      streamed,
      sequentialErrors,
      held,
      concurrent,
      concurrentWarm,
      memory: { startMb, beforeMb, peakMb, afterMb, samples: samples.length },
      audit: { ...verified, requests: proxyAnswers },
    };
  } finally {
    await proxy?.stop();
    await upstream.stop();
    await proxy?.remove();
  }
}
