import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeUpstreamModels } from './fake-upstream-wire.js';
import type { ProcessProbe } from './process-probe-figures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const proxyCli = 'packages/llm-proxy/src/cli.ts';
const sourceFlags = ['--import', 'tsx', '--conditions=@ondevice/source'];
// The proxy and the pipe answer {@link ProbedChild.probe} through an IPC channel.
const probeFlags = ['--import', './bench/proxy/process-probe.ts'];

/**
 * The tenant keys of the bench config: `masked` has the default policy (every type masked, names
 * looked for), `allowed` allows every type (the redactor finds nothing to do).
 *
 * @example
 * const target = { url, agent, apiKey: benchKeys.masked }
 */
export const benchKeys = { masked: 'bench-masked-key-0123', allowed: 'bench-allowed-key-4567' };

/**
 * The models of the bench config, named as the fake upstream's.
 *
 * @example
 * JSON.stringify({ model: benchModels.paced, stream: true, messages })
 */
export const benchModels = fakeUpstreamModels;

/**
 * A child process of (o) and what it needs to be stopped.
 *
 * @example
 * const upstream: BenchChild = await startFakeUpstream(20, 5); console.log(upstream.url)
 */
export interface BenchChild {
  /** `http://127.0.0.1:port`. */
  url: string;
  pid: number;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

/**
 * A proxy or pipe of (o), started with bench/proxy/process-probe.ts.
 *
 * @example
 * await pipe.probe(); …round…; const { minorGc, loopDelayMs } = await pipe.probe()
 */
export interface ProbedChild extends BenchChild {
  /** Its GC pauses and event-loop delay since the last probe (or its start). */
  probe(): Promise<ProcessProbe>;
}

function prober(child: ChildProcess): () => Promise<ProcessProbe> {
  return () =>
    new Promise<ProcessProbe>((resolve, reject) => {
      const timeout = setTimeout(() => {
        child.off('message', answer);
        reject(new Error(`process ${child.pid} did not answer its probe`));
      }, 10_000);
      const answer = (message: unknown) => {
        clearTimeout(timeout);
        resolve(message as ProcessProbe);
      };
      child.once('message', answer);
      child.send('probe');
    });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/**
 * Starts bench/proxy/fake-upstream.ts in a child process; resolves once it listens.
 *
 * @example
 * const upstream = await startFakeUpstream(20, 5)
 */
export function startFakeUpstream(chunks: number, delayMs: number): Promise<BenchChild> {
  return startListeningChild('bench/proxy/fake-upstream.ts', [String(chunks), String(delayMs)])
    .started;
}

/**
 * Starts bench/proxy/pipe-proxy.ts (the reference of (d): a bare node:http pipe to `upstreamUrl`)
 * in a child process with bench/proxy/process-probe.ts, as the proxy; resolves once it listens.
 *
 * @example
 * const pipe = await startPipeProxy(upstream.url)
 */
export async function startPipeProxy(upstreamUrl: string): Promise<ProbedChild> {
  const { child, started } = startListeningChild('bench/proxy/pipe-proxy.ts', [upstreamUrl], true);
  return { ...(await started), probe: prober(child) };
}

function startListeningChild(
  script: string,
  args: string[],
  probed = false,
): { child: ChildProcess; started: Promise<BenchChild> } {
  const child = spawn(
    process.execPath,
    [...sourceFlags, ...(probed ? probeFlags : []), script, ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit', ...(probed ? (['ipc'] as const) : [])] },
  );
  const started = new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      text += chunk;
      const match = /listening (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
  }).then((port) => ({
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: stopper(child),
  }));
  return { child, started };
}

/**
 * The proxy of (o), started through its CLI from source, with its temp config and state.
 *
 * @example
 * const proxy = await startBenchProxy(upstream.url); await proxy.stop(); await proxy.verifyAudit()
 */
export interface BenchProxy extends ProbedChild {
  configFile: string;
  /** `ondevice-proxy audit verify --config …` in a child process: its exit code and output. */
  verifyAudit(): Promise<{ exitCode: number; output: string }>;
  /** Removes the temp folder (config, SQLite database, log). */
  remove(): Promise<void>;
}

const sha256 = (key: string) => `sha256:${createHash('sha256').update(key).digest('hex')}`;

/**
 * Writes a temp config (two tenants, two models on one `openai-compatible` upstream at
 * `upstreamUrl`, SQLite state in the temp folder, no limits, default body limit) and starts
 * `ondevice-proxy --config` on it, with bench/proxy/process-probe.ts; its log lines go to a file
 * there. Resolves once it listens.
 *
 * @example
 * const proxy = await startBenchProxy('http://127.0.0.1:40123')
 */
export async function startBenchProxy(upstreamUrl: string): Promise<BenchProxy> {
  const folder = await mkdtemp(join(tmpdir(), 'ondevice-bench-proxy-'));
  const configFile = join(folder, 'proxy.config.json');
  const models = Object.values(benchModels);
  const allowAll = Object.fromEntries(
    ['EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'SECRET', 'PERSON'].map(
      (type) => [type, 'allow'],
    ),
  );
  const config = {
    tenants: [
      { id: 'masked', keyHash: sha256(benchKeys.masked), models },
      { id: 'allowed', keyHash: sha256(benchKeys.allowed), models, redaction: allowAll },
    ],
    models: models.map((id) => ({ id, upstream: 'fake', upstreamModel: id })),
    upstreams: [
      {
        name: 'fake',
        kind: 'openai-compatible',
        baseURL: `${upstreamUrl}/v1`,
        apiKeyEnv: 'BENCH_FAKE_UPSTREAM_KEY',
      },
    ],
    state: { kind: 'sqlite', path: join(folder, 'proxy.db') },
    server: { port: 0, host: '127.0.0.1' },
  };
  await writeFile(configFile, JSON.stringify(config, null, 2));
  const logFile = join(folder, 'proxy.log');
  const log = await open(logFile, 'w');
  const child = spawn(
    process.execPath,
    [...sourceFlags, ...probeFlags, proxyCli, '--config', configFile],
    {
      cwd: root,
      stdio: ['ignore', log.fd, 'inherit', 'ipc'],
      env: { ...process.env, BENCH_FAKE_UPSTREAM_KEY: 'sk-bench-dummy' },
    },
  );
  await log.close();
  let exited = false;
  child.once('exit', () => (exited = true));
  let url: string | undefined;
  for (let tries = 0; tries < 600 && !url && !exited; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    url = /listening on (http:\/\/\S+)\/v1/.exec(await readFile(logFile, 'utf8'))?.[1];
  }
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`the proxy did not start: ${await readFile(logFile, 'utf8')}`);
  }
  return {
    url,
    pid: child.pid ?? 0,
    configFile,
    stop: stopper(child),
    probe: prober(child),
    verifyAudit: () =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [...sourceFlags, proxyCli, 'audit', 'verify', '--config', configFile],
          { cwd: root },
          (error, stdout, stderr) =>
            resolve({
              exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
              output: `${stdout}${stderr}`.trim(),
            }),
        );
      }),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

/**
 * A process's resident memory in MB (VmRSS of /proc/<pid>/status), or NaN off Linux.
 *
 * @example
 * const megabytes = await residentMegabytes(proxy.pid)
 */
export async function residentMegabytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return kilobytes / 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * A process's CPU time so far (user + system) in milliseconds, from /proc/<pid>/stat, or NaN.
 *
 * @example
 * const before = await cpuMilliseconds(proxy.pid)
 */
export async function cpuMilliseconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name, in
    // clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * The machine's count of connections dropped because a listen backlog was full
 * (`TcpExt: ListenDrops` of /proc/net/netstat, which includes ListenOverflows), or NaN.
 *
 * @example
 * const before = await listenDrops(); …; const dropped = (await listenDrops()) - before
 */
export async function listenDrops(): Promise<number> {
  try {
    const lines = (await readFile('/proc/net/netstat', 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('TcpExt:'));
    const names = lines[0]?.split(' ') ?? [];
    const values = lines[1]?.split(' ') ?? [];
    return Number(values[names.indexOf('ListenDrops')]);
  } catch {
    return Number.NaN;
  }
}
