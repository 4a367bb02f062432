import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hashApiKey } from '../hash-api-key.js';
import { openSqliteStore } from '../state/sqlite-store.js';
import { runCli, type CliIo } from './run-cli.js';

function capture(environment: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    environment,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function writeConfig(
  folder: string,
  edit: (config: Record<string, unknown>) => void = () => undefined,
) {
  const config: Record<string, unknown> = {
    tenants: [{ id: 'acme', keyHash: hashApiKey('k'), models: ['*'] }],
    models: [{ id: 'small', upstream: 'openai', upstreamModel: 'gpt-4o-mini' }],
    upstreams: [{ name: 'openai', kind: 'openai', apiKeyEnv: 'PROXY_TEST_OPENAI_KEY' }],
    state: { kind: 'sqlite', path: 'proxy.db' },
  };
  edit(config);
  const path = join(folder, 'proxy.config.json');
  await writeFile(path, JSON.stringify(config));
  return path;
}

const auditEntry = (requestId: string) => ({
  time: '2026-12-01T10:00:00.000Z',
  requestId,
  tenantId: 'acme',
  model: 'small',
  upstream: 'openai',
  stream: false,
  tokensIn: 10,
  tokensOut: 5,
  cost: 0.00002,
  latencyMs: 120,
  redactions: { EMAIL: 1 },
  outcome: 'ok',
  status: 200,
});

describe('ondevice-proxy commands', () => {
  it('hash-key prints the keyHash, from an argument or stdin', async () => {
    const run = capture();
    expect(await runCli(['hash-key', 'my-key'], run.io)).toEqual({ exitCode: 0 });
    expect(run.stdout()).toBe(`${hashApiKey('my-key')}\n`);
    const piped = capture();
    await runCli(['hash-key', '-'], piped.io, async () => 'my-key\n');
    expect(piped.stdout()).toBe(`${hashApiKey('my-key')}\n`);
  });

  it('usage errors exit 2; a bad config or a missing key variable exits 1 naming the field or variable', async () => {
    const unknown = capture();
    expect(await runCli(['--nope'], unknown.io)).toEqual({ exitCode: 2 });
    expect(unknown.stderr()).toContain('Usage:');
    const folder = await mkdtemp(join(tmpdir(), 'proxy-cli-'));
    const bad = capture();
    const badPath = await writeConfig(folder, (config) => {
      config.tenants = [
        { id: 'acme', keyHash: hashApiKey('k'), models: ['*'], limits: { dailyTokens: 'lots' } },
      ];
    });
    expect(await runCli(['--config', badPath], bad.io)).toEqual({ exitCode: 1 });
    expect(bad.stderr()).toMatch(/tenants\[0\]\.limits\.dailyTokens/);
    const missing = capture();
    expect(await runCli(['--config', await writeConfig(folder)], missing.io)).toEqual({
      exitCode: 1,
    });
    expect(missing.stderr()).toContain('PROXY_TEST_OPENAI_KEY');
  });

  it('starts from a config, and stops', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'proxy-cli-'));
    const run = capture({ PROXY_TEST_OPENAI_KEY: 'sk-cli-secret' });
    const outcome = await runCli(['--config', await writeConfig(folder), '--port', '0'], run.io);
    if (!('server' in outcome)) throw new Error(run.stderr());
    const response = await fetch(`${outcome.server.url}/v1/models`, {
      headers: { authorization: 'Bearer k' },
    });
    expect(await response.json()).toMatchObject({ data: [{ id: 'small' }] });
    await outcome.stop();
    expect(run.stdout()).toContain(`listening on ${outcome.server.url}/v1`);
    expect(run.stdout()).not.toContain('sk-cli-secret');
  });

  it('audit verify: 0 for an intact chain, 1 naming the first broken record', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'proxy-cli-'));
    const path = await writeConfig(folder);
    const store = await openSqliteStore({ path: join(folder, 'proxy.db') });
    for (const id of ['r1', 'r2', 'r3']) await store.appendAudit(auditEntry(id));
    await store.close();
    const intact = capture();
    expect(await runCli(['audit', 'verify', '--config', path], intact.io)).toEqual({ exitCode: 0 });
    expect(intact.stdout()).toContain('intact: 3 records');

    const db = new Database(join(folder, 'proxy.db'));
    db.exec('DROP TRIGGER audit_records_no_update');
    db.prepare('UPDATE audit_records SET tokens_out = 999 WHERE sequence = 2').run();
    db.close();
    const broken = capture();
    expect(await runCli(['audit', 'verify', '--config', path], broken.io)).toEqual({ exitCode: 1 });
    expect(broken.stdout()).toMatch(/broken at record 2 /);
  });
});

const modelFolder = fileURLToPath(
  new URL('../../../../../shared/models/converted/llama2.c-stories260K/', import.meta.url),
);
const modelPresent = existsSync(modelFolder);
if (!modelPresent && !process.env.CI)
  console.warn(`Skipping the --dev CLI test: no model at ${modelFolder}.`);

describe.skipIf(!modelPresent && !process.env.CI)('ondevice-proxy --dev (spawned with tsx)', () => {
  it('prints its URL, key and a curl example, and answers a request', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [tsx, '--conditions=@ondevice/source', cli, '--dev', '--port', '0', '--model', modelFolder],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/\S+\/v1)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      expect(output).toContain('API key: ondevice-dev');
      expect(output).toContain(
        `curl ${base}/chat/completions -H "Authorization: Bearer ondevice-dev"`,
      );
      const response = await fetch(`${base}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer ondevice-dev', 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'local',
          messages: [{ role: 'user', content: 'Once upon a time' }],
          max_tokens: 12,
        }),
      });
      const body = (await response.json()) as { choices: { message: { content: string } }[] };
      expect(response.status).toBe(200);
      expect(body.choices[0]?.message.content).toMatch(/^, there was a little girl/);
      await expect.poll(() => output).toMatch(/"event":"request".*"status":200/);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
