import { parseProxyConfig } from '../config/parse-proxy-config.js';
import type { ProxyConfig, ProxyConfigInput } from '../config/proxy-config-schema.js';
import { hashApiKey } from '../hash-api-key.js';
import type { ProxyLogRecord } from '../server/proxy-logger.js';
import type { Redactor } from '../server/redactor.js';
import { startProxy, type RunningProxy } from '../server/start-proxy.js';
import type { ProxyStore } from '../state/proxy-store.js';
import { openSqliteStore } from '../state/sqlite-store.js';
import type { ChatUpstream } from '../upstreams/chat-upstream.js';
import { createUpstreams } from '../upstreams/create-upstreams.js';
import { fakeRedactor } from './fake-redactor.test.support.js';

/** Tenant keys of the test config (plain, as clients send them). */
export const keys = { acme: 'acme-key-0123456789', globex: 'globex-key-9876543210' } as const;
/** The provider keys the fake upstreams expect. */
export const providerKeys = {
  openai: 'sk-upstream-openai-secret',
  anthropic: 'sk-ant-upstream-secret',
} as const;

/** A config with two tenants, an OpenAI and an Anthropic upstream at `urls`. */
export function testConfig(
  urls: { openai: string; anthropic: string },
  edit: (config: ProxyConfigInput) => void = () => undefined,
): ProxyConfig {
  const config: ProxyConfigInput = {
    tenants: [
      {
        id: 'acme',
        keyHash: hashApiKey(keys.acme),
        models: ['small', 'claude'],
        maxTokensPerRequest: 500,
        limits: {},
        auditPrompts: true,
        corsOrigins: ['https://app.acme.test'],
      },
      {
        id: 'globex',
        keyHash: hashApiKey(keys.globex),
        models: ['small'],
        maxTokensPerRequest: 500,
        redaction: { US_SSN: 'block' },
      },
    ],
    models: [
      {
        id: 'small',
        upstream: 'openai',
        upstreamModel: 'gpt-4o-mini',
        price: { inputPerMillion: 1, outputPerMillion: 2 },
      },
      {
        id: 'claude',
        upstream: 'anthropic',
        upstreamModel: 'claude-test',
        price: { inputPerMillion: 3, outputPerMillion: 15 },
      },
    ],
    upstreams: [
      {
        name: 'openai',
        kind: 'openai',
        baseURL: `${urls.openai}/v1`,
        apiKeyEnv: 'TEST_OPENAI_KEY',
        timeoutMs: 2000,
        retries: 2,
      },
      {
        name: 'anthropic',
        kind: 'anthropic',
        baseURL: urls.anthropic,
        apiKeyEnv: 'TEST_ANTHROPIC_KEY',
        timeoutMs: 2000,
        retries: 1,
      },
    ],
    state: { kind: 'sqlite', path: ':memory:' },
    server: { port: 0, host: '127.0.0.1', bodyLimitBytes: 64 * 1024, redactionThreads: 0 },
  };
  edit(config);
  return parseProxyConfig(config);
}

/** A running proxy on a random port with a real in-memory SQLite store and captured log lines. */
export interface TestProxy extends RunningProxy {
  store: ProxyStore;
  logs: string[];
  records: ProxyLogRecord[];
  /** `http://127.0.0.1:port/v1`. */
  baseURL: string;
}

/**
 * Starts the proxy on `config`, with its real upstreams (keys from {@link providerKeys}) unless
 * given, and the fake redactor unless given (`'default'`: the proxy's own, core's redactPII in
 * `config.server.redactionThreads` threads).
 */
export async function startTestProxy(
  config: ProxyConfig,
  options: {
    upstreams?: Map<string, ChatUpstream>;
    redactor?: Redactor | 'default';
    store?: ProxyStore;
  } = {},
): Promise<TestProxy> {
  const store = options.store ?? (await openSqliteStore({ path: ':memory:' }));
  const logs: string[] = [];
  const records: ProxyLogRecord[] = [];
  const upstreams =
    options.upstreams ??
    createUpstreams(
      config,
      new Map([
        ['openai', providerKeys.openai],
        ['anthropic', providerKeys.anthropic],
      ]),
    );
  const running = await startProxy({
    config,
    store,
    upstreams,
    ...(options.redactor === 'default' ? {} : { redactor: options.redactor ?? fakeRedactor }),
    sleep: async () => undefined,
    logger: {
      log: (record) => {
        records.push(record);
        logs.push(JSON.stringify(record));
      },
    },
  });
  return {
    store,
    logs,
    records,
    baseURL: `${running.url}/v1`,
    url: running.url,
    port: running.port,
    get activeRequests() {
      return running.activeRequests;
    },
    close: async (closeOptions) => {
      await running.close(closeOptions);
      await store.close();
    },
  };
}
