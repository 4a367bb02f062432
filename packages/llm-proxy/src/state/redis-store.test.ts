import { spawn } from 'node:child_process';
import { type Socket, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEntry, describeProxyStore, fixedNow } from './proxy-store-suite.test.support.js';
import { openRedisStore } from './redis-store.js';
import { type RedisServer, canStartRedis, startRedis } from './start-redis.test.support.js';
import { StoreUnavailableError } from './store-unavailable-error.js';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const hammer = fileURLToPath(new URL('./hammer-admits.test.support.ts', import.meta.url));

let prefixes = 0;
const nextPrefix = () => `test-${process.pid}-${(prefixes += 1)}:`;
const admitRequest = (tenantId = 'acme') => ({
  tenantId,
  tokens: 10,
  cost: 0,
  limits: { dailyTokens: 1_000_000 },
  now: fixedNow,
});

describe.skipIf(!canStartRedis())('the Redis store (a real redis-server)', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describeProxyStore('redis', async () => {
    const keyPrefix = nextPrefix();
    return {
      store: await openRedisStore({ url: server.url, keyPrefix }),
      async tamperAuditRecord(sequence) {
        const redis = new Redis(server.url);
        await redis.hset(`${keyPrefix}audit:record:${sequence}`, 'tokensOut', '999');
        await redis.quit();
      },
    };
  });

  it('keeps one audit chain linear across clients appending at once', async () => {
    const keyPrefix = nextPrefix();
    const stores = await Promise.all(
      Array.from({ length: 3 }, () => openRedisStore({ url: server.url, keyPrefix })),
    );
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        stores[index % 3]!.appendAudit(auditEntry({ requestId: `request-${index}` })),
      ),
    );
    expect(await stores[0]!.verifyAudit()).toEqual({ ok: true, records: 60 });
    await Promise.all(stores.map((store) => store.close()));
  });

  it('enforces one tenant budget across two Node processes', async () => {
    const keyPrefix = nextPrefix();
    const budget = 20_000;
    const children = [0, 1].map(() =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '--conditions=@ondevice/source',
          hammer,
          server.url,
          keyPrefix,
          'acme',
          String(budget),
          '50',
          '400',
          String(fixedNow),
        ],
        { cwd: repositoryRoot, stdio: ['pipe', 'pipe', 'inherit'] },
      ),
    );
    const outputs = children.map((child) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const ready = new Promise<void>((resolve) => {
        const check = () => (output.includes('ready\n') ? resolve() : undefined);
        child.stdout.on('data', check);
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { ready, exited, text: () => output };
    });
    await Promise.all(outputs.map((output) => output.ready));
    for (const child of children) child.stdin.end('go\n');
    expect(await Promise.all(outputs.map((output) => output.exited))).toEqual([0, 0]);

    const results = outputs.map(
      (output) =>
        JSON.parse(output.text().split('\n').at(-2) ?? '{}') as {
          admitted: number;
          refused: number;
          tokens: number;
        },
    );
    const total = results.reduce((sum, result) => sum + result.tokens, 0);
    expect(total).toBeLessThanOrEqual(budget);
    expect(total).toBe(budget);
    for (const result of results) expect(result.admitted).toBeGreaterThan(0);
    const store = await openRedisStore({ url: server.url, keyPrefix });
    expect((await store.usage('acme', {}, fixedNow)).reserved.tokens).toBe(budget);
    await store.close();
  }, 60_000);

  it('fails fast with StoreUnavailableError while Redis is down, and recovers when it is back', async () => {
    const store = await openRedisStore({ url: server.url, keyPrefix: nextPrefix() });
    expect((await store.admit(admitRequest())).admitted).toBe(true);

    await server.stop();
    for (const call of [
      () => store.admit(admitRequest()),
      () => store.usage('acme', {}, fixedNow),
      () => store.appendAudit(auditEntry()),
      () => store.verifyAudit(),
    ]) {
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(StoreUnavailableError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'store-unavailable', store: 'redis' });
    }

    await server.restart();
    const deadline = Date.now() + 10_000;
    let decision;
    while (decision === undefined && Date.now() < deadline) {
      decision = await store.admit(admitRequest()).catch(async (error: unknown) => {
        expect(StoreUnavailableError.isInstance(error)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return undefined;
      });
    }
    expect(decision?.admitted).toBe(true);
    expect((await store.appendAudit(auditEntry())).sequence).toBe(1);
    await store.close();
  }, 30_000);

  it('fails within commandTimeoutMs while Redis hangs, and works again when it answers', async () => {
    const store = await openRedisStore({
      url: server.url,
      keyPrefix: nextPrefix(),
      commandTimeoutMs: 500,
    });
    server.pause();
    try {
      const error = await store.admit(admitRequest()).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(StoreUnavailableError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/timed out/);
    } finally {
      server.resume();
    }
    expect((await store.admit(admitRequest())).admitted).toBe(true);
    await store.close();
  });

  it('refuses to open, with StoreUnavailableError, when nothing answers', async () => {
    const error = await openRedisStore({
      url: 'redis://:secret@127.0.0.1:1',
      commandTimeoutMs: 500,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(StoreUnavailableError.isInstance(error)).toBe(true);
    expect((error as Error).message).not.toContain('secret');
  });

  it('refuses to open, with StoreUnavailableError, when the server never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const error = await openRedisStore({
      url: `redis://127.0.0.1:${port}`,
      commandTimeoutMs: 500,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(StoreUnavailableError.isInstance(error)).toBe(true);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});
