import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProxyConfigError } from '../errors/proxy-config-error.js';
import { hashApiKey } from '../hash-api-key.js';
import { loadProxyConfig, parseProxyConfig } from './parse-proxy-config.js';
import { readUpstreamSecrets } from './upstream-secrets.js';

const valid = () => ({
  tenants: [
    { id: 'acme', keyHash: hashApiKey('key-a'), models: ['small'], limits: { dailyTokens: 1000 } },
    { id: 'globex', keyHash: hashApiKey('key-b'), models: ['*'] },
  ],
  models: [
    {
      id: 'small',
      upstream: 'openai',
      upstreamModel: 'gpt-4o-mini',
      price: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    },
  ],
  upstreams: [{ name: 'openai', kind: 'openai', apiKeyEnv: 'OPENAI_API_KEY' }],
});

function error(run: () => unknown): ProxyConfigError {
  try {
    run();
  } catch (caught) {
    if (ProxyConfigError.isInstance(caught)) return caught;
    throw caught;
  }
  throw new ProxyConfigError({ field: '', message: 'expected an error' });
}

describe('parseProxyConfig', () => {
  it('fills the defaults', () => {
    const config = parseProxyConfig(valid(), { baseDirectory: '/etc/proxy' });
    expect(config.tenants[0]).toMatchObject({
      maxTokensPerRequest: 4096,
      redaction: {},
      corsOrigins: [],
      auditPrompts: false,
    });
    expect(config.upstreams[0]).toMatchObject({
      baseURL: 'https://api.openai.com/v1',
      timeoutMs: 60_000,
      retries: 2,
    });
    expect(config.server).toEqual({
      port: 8787,
      host: '127.0.0.1',
      bodyLimitBytes: 1_048_576,
      redactionThreads: 1,
    });
    expect(config.state).toEqual({
      kind: 'sqlite',
      path: '/etc/proxy/proxy.db',
      synchronous: 'normal',
    });
  });

  it('takes SQLite durability full, and names a wrong one', () => {
    const full = { ...valid(), state: { kind: 'sqlite', path: 'p.db', synchronous: 'full' } };
    expect(parseProxyConfig(full).state).toMatchObject({ synchronous: 'full' });
    const wrong = { ...valid(), state: { kind: 'sqlite', path: 'p.db', synchronous: 'off' } };
    expect(error(() => parseProxyConfig(wrong)).field).toBe('state.synchronous');
  });

  it('names the bad field', () => {
    const config = valid();
    (config.tenants[1] as Record<string, unknown>).limits = { dailyTokens: -5 };
    const failure = error(() => parseProxyConfig(config));
    expect(failure.field).toBe('tenants[1].limits.dailyTokens');
    expect(failure.message).toMatch(/^Invalid proxy config: tenants\[1\]\.limits\.dailyTokens: /);
  });

  it('refuses a plain key, an unknown field, a dangling model or upstream', () => {
    const plain = valid();
    plain.tenants[0]!.keyHash = 'sk-live-123';
    const failure = error(() => parseProxyConfig(plain));
    expect(failure.field).toBe('tenants[0].keyHash');
    expect(failure.message).not.toContain('sk-live-123');

    expect(error(() => parseProxyConfig({ ...valid(), extra: 1 })).message).toContain('extra');
    const model = valid();
    model.tenants[0]!.models = ['large'];
    expect(error(() => parseProxyConfig(model)).field).toBe('tenants[0].models[0]');
    const upstream = valid();
    upstream.models[0]!.upstream = 'nowhere';
    expect(error(() => parseProxyConfig(upstream)).field).toBe('models[0].upstream');
    const twice = valid();
    twice.tenants[1]!.keyHash = twice.tenants[0]!.keyHash;
    expect(error(() => parseProxyConfig(twice))).toMatchObject({
      field: 'tenants[1].keyHash',
      message: expect.not.stringContaining('sha256'),
    });
  });

  it('reads a file, resolving paths from its folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'proxy-config-'));
    const path = join(folder, 'proxy.config.json');
    await writeFile(
      path,
      JSON.stringify({ ...valid(), state: { kind: 'sqlite', path: 'state/proxy.db' } }),
    );
    expect((await loadProxyConfig(path)).state).toEqual({
      kind: 'sqlite',
      path: join(folder, 'state/proxy.db'),
      synchronous: 'normal',
    });
    await writeFile(path, '{ nope');
    await expect(loadProxyConfig(path)).rejects.toThrow(/not valid JSON/);
  });
});

describe('readUpstreamSecrets', () => {
  it('reads keys from the environment and names a missing variable, never a value', () => {
    const config = parseProxyConfig(valid());
    expect(readUpstreamSecrets(config, { OPENAI_API_KEY: 'sk-test' }).get('openai')).toBe(
      'sk-test',
    );
    const failure = error(() => readUpstreamSecrets(config, { OTHER: 'sk-test' }));
    expect(failure.field).toBe('upstreams[0].apiKeyEnv');
    expect(failure.message).toContain('OPENAI_API_KEY');
    expect(failure.message).not.toContain('sk-test');
  });
});
