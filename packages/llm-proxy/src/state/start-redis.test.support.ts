// Test helper (named *.test.* so the package never ships it).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';

/**
 * The redis-server binary tests start (Debian's package; `REDIS_SERVER` overrides it).
 *
 * @example
 * spawn(redisServerPath, ['--port', '6390'])
 */
export const redisServerPath = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/**
 * Whether tests can start a Redis server. Without one they skip, saying why, on a developer's
 * machine; in CI (`CI` set) this throws instead, so that a missing redis-server fails the run
 * rather than silently skipping the Redis half of the suite.
 *
 * @example
 * describe.skipIf(!canStartRedis())('the Redis store', () => { … })
 */
export function canStartRedis(): boolean {
  if (existsSync(redisServerPath)) return true;
  const why = `${redisServerPath} not found (apt-get install redis-server, or set REDIS_SERVER)`;
  const ci = process.env.CI ?? '';
  if (ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') {
    assert.fail(`Redis tests cannot run in CI: ${why}.`);
  }
  console.warn(`Skipping the Redis tests: ${why}.`);
  return false;
}

/**
 * A redis-server started for a test, on loopback, without persistence.
 *
 * @example
 * const redis = await startRedis()
 * const store = await openRedisStore({ url: redis.url })
 * await redis.restart() // down, then up again on the same port, empty
 * redis.pause() // hangs until redis.resume()
 * await redis.stop()
 */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s); stopping twice is a no-op. */
  stop(): Promise<void>;
  /** Stops the server if it runs, then starts a fresh (empty) one on the same port. */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but nothing answers, as in a hang. */
  pause(): void;
  /** Lets a paused server run again (SIGCONT). */
  resume(): void;
}

/**
 * Starts `redis-server --port <free port> --save '' --appendonly no` on 127.0.0.1 and waits
 * until it answers PING. Stop it in `afterAll`; it is also killed when the test process exits.
 *
 * @example
 * let redis: RedisServer
 * beforeAll(async () => { redis = await startRedis() })
 * afterAll(() => redis.stop())
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined = await launch(port);
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      const running = child;
      child = undefined;
      if (running) await terminate(running);
    },
    async restart() {
      await server.stop();
      child = await launch(port);
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
  };
  process.once('exit', () => child?.kill('SIGKILL'));
  return server;
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    redisServerPath,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      tmpdir(),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      assert.fail(`redis-server exited with ${child.exitCode} on port ${port}: ${output}`);
    }
    if (await answersPing(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  assert.fail(`redis-server did not answer PING on port ${port} within 10 s: ${output}`);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
    child.kill('SIGCONT');
  });
}

/** A TCP port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
