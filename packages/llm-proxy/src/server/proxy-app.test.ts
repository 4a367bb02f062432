import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../hash-api-key.js';
import { openSqliteStore } from '../state/sqlite-store.js';
import { fakeRedactor } from '../test-support/fake-redactor.test.support.js';
import { createUpstreams } from '../upstreams/create-upstreams.js';
import { createProxyApp } from './create-proxy-app.js';
import { openAIStreamReply } from '../test-support/fake-openai.test.support.js';
import {
  hangingReply,
  startFakeUpstreamServer,
  statusReply,
  type FakeUpstreamServer,
} from '../test-support/fake-upstream-server.test.support.js';
import {
  findSecrets,
  recordingFetch,
  type Seen,
} from '../test-support/recording-fetch.test.support.js';
import {
  keys,
  providerKeys,
  startTestProxy,
  testConfig,
  type TestProxy,
} from '../test-support/test-proxy.test.support.js';

let openai: FakeUpstreamServer;
let anthropic: FakeUpstreamServer;
let proxy: TestProxy;
let seen: Seen;
const extraProxies: TestProxy[] = [];

const allSecrets = [
  keys.acme,
  keys.globex,
  providerKeys.openai,
  providerKeys.anthropic,
  'sk-upstream-secret',
  hashApiKey(keys.acme),
];

beforeEach(async () => {
  openai = await startFakeUpstreamServer();
  anthropic = await startFakeUpstreamServer();
  proxy = await startTestProxy(testConfig({ openai: openai.url, anthropic: anthropic.url }));
  seen = recordingFetch();
});

afterEach(async () => {
  // No key, tenant's or provider's (nor a key hash), in any answer, header, log line or audit record.
  const audit = await Promise.all(
    [proxy, ...extraProxies].flatMap((each) =>
      ['acme', 'globex'].map((tenant) => each.store.auditRecords(tenant)),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  const everything = [
    ...seen.texts,
    ...proxy.logs,
    ...extraProxies.flatMap((each) => each.logs),
    JSON.stringify(audit),
  ];
  expect(findSecrets(everything, allSecrets)).toEqual([]);
  await Promise.all([proxy, ...extraProxies.splice(0)].map((each) => each.close({ drainMs: 100 })));
  await Promise.all([openai.close(), anthropic.close()]);
});

function sdk(key: string = keys.acme, target: TestProxy = proxy) {
  return new OpenAI({ baseURL: target.baseURL, apiKey: key, fetch: seen.fetch, maxRetries: 0 });
}

function call(
  path: string,
  init: {
    key?: string;
    body?: unknown;
    method?: string;
    headers?: Record<string, string>;
    signal?: AbortSignal;
    target?: TestProxy;
  } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (init.key !== undefined) headers.authorization = `Bearer ${init.key}`;
  return seen.fetch(`${(init.target ?? proxy).url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

const hello = { model: 'small', messages: [{ role: 'user' as const, content: 'Say hello' }] };

async function audited(tenant = 'acme', target = proxy) {
  // The audit record of a stream is written when the stream ends, just after the client's last byte.
  for (let tries = 0; tries < 100; tries++) {
    const records = await target.store.auditRecords(tenant);
    if (records.length > 0 && target.activeRequests === 0) return records;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return target.store.auditRecords(tenant);
}

describe('chat completions through the official openai SDK', () => {
  it('answers a non-streaming request with the upstream usage, and audits and settles it', async () => {
    openai.reply(
      openAIStreamReply({
        pieces: ['Hel', 'lo ', 'there'],
        usage: { prompt_tokens: 9, completion_tokens: 3 },
      }),
    );
    const completion = await sdk().chat.completions.create({
      model: 'small',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hello' },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe('Hello there');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({
      prompt_tokens: 9,
      completion_tokens: 3,
      total_tokens: 12,
    });
    expect(completion.model).toBe('small');

    const upstream = openai.requests[0]!;
    expect(upstream.url).toBe('/v1/chat/completions');
    expect(upstream.headers.authorization).toBe(`Bearer ${providerKeys.openai}`);
    expect(upstream.body).toMatchObject({
      model: 'gpt-4o-mini',
      max_completion_tokens: 500,
      stream: true,
      stream_options: { include_usage: true },
      user: 'acme',
    });

    const [record] = await audited();
    expect(record).toMatchObject({
      tenantId: 'acme',
      model: 'small',
      upstream: 'openai',
      outcome: 'ok',
      status: 200,
      tokensIn: 9,
      tokensOut: 3,
      stream: false,
    });
    expect(record?.cost).toBeCloseTo((9 * 1 + 3 * 2) / 1e6, 12);
    const usage = await sdk().get<{
      day: { tokensIn: number; tokensOut: number };
      reserved: { tokens: number };
    }>('/usage');
    expect(usage.day).toMatchObject({ tokensIn: 9, tokensOut: 3 });
    expect(usage.reserved.tokens).toBe(0);
    const line = proxy.records.find(
      (entry) => entry.event === 'request' && entry.path === '/v1/chat/completions',
    );
    expect(line).toMatchObject({
      tenant: 'acme',
      model: 'small',
      status: 200,
      outcome: 'ok',
      requestId: record?.requestId,
    });
    expect(typeof line?.latencyMs).toBe('number');
  });

  it('streams chunks split mid-line and inside UTF-8 characters, CRLF, keep-alives, with the usage chunk', async () => {
    const pieces = ['Grüße ', 'aus ', '🌍 ', 'und ', 'Zürich'];
    openai.reply(
      openAIStreamReply({
        pieces,
        every: 3,
        crlf: true,
        usage: { prompt_tokens: 20, completion_tokens: 5 },
      }),
    );
    const stream = await sdk().chat.completions.create({
      ...hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    const finishReasons: (string | null)[] = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.choices[0]) finishReasons.push(chunk.choices[0].finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(pieces.join(''));
    expect(finishReasons.at(-1)).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 });
    const [record] = await audited();
    expect(record).toMatchObject({
      outcome: 'ok',
      stream: true,
      tokensIn: 20,
      tokensOut: 5,
      status: 200,
    });
  });

  it('sends exactly OpenAI SSE lines, ending with data: [DONE]', async () => {
    openai.reply(openAIStreamReply({ pieces: ['a', 'b'] }));
    const response = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { ...hello, stream: true },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.every((event) => event.startsWith('data: '))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
    expect(JSON.parse(events[0]!.slice(6))).toMatchObject({
      object: 'chat.completion.chunk',
      choices: [{ delta: { role: 'assistant' } }],
    });
    expect(JSON.parse(events[0]!.slice(6))).not.toHaveProperty('usage');
  });

  it('estimates use from the text when the upstream sends no usage', async () => {
    openai.reply(openAIStreamReply({ pieces: ['12345678'], usage: null }));
    const completion = await sdk().chat.completions.create(hello);
    // 'Say hello' is 9 characters: 3 tokens; the answer's 8 characters: 2 tokens.
    expect(completion.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 2 });
    expect((await audited())[0]).toMatchObject({ tokensIn: 3, tokensOut: 2 });
  });
});

describe('the app on another runtime (its fetch, no @hono/node-server)', () => {
  async function webApp() {
    const store = await openSqliteStore({ path: ':memory:' });
    const config = testConfig({ openai: openai.url, anthropic: anthropic.url });
    const app = createProxyApp({
      config,
      store,
      upstreams: createUpstreams(config, new Map([['openai', providerKeys.openai]])),
      redactor: fakeRedactor,
      logger: { log: () => undefined },
    });
    const post = (body: unknown) =>
      app.fetch(
        new Request('http://proxy.test/v1/chat/completions', {
          method: 'POST',
          headers: { authorization: `Bearer ${keys.acme}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    return { app, store, post };
  }

  it('streams the same SSE lines through a web stream, and audits the stream', async () => {
    const { store, post, app } = await webApp();
    try {
      openai.reply(openAIStreamReply({ pieces: ['a', 'b'] }));
      const response = await post({ ...hello, stream: true });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const events = (await response.text()).split('\n\n').filter(Boolean);
      expect(events.at(-1)).toBe('data: [DONE]');
      const text = events
        .slice(0, -1)
        .map((event) => JSON.parse(event.slice(6)).choices[0]?.delta?.content ?? '')
        .join('');
      expect(text).toBe('ab');
      await expect.poll(() => app.activeRequests).toBe(0);
      expect(await store.auditRecords('acme')).toMatchObject([{ outcome: 'ok', status: 200 }]);
    } finally {
      await store.close();
    }
  });

  it('a cancelled body aborts the upstream; audited as client-aborted', async () => {
    const { store, post, app } = await webApp();
    try {
      openai.reply(
        openAIStreamReply({
          pieces: Array.from({ length: 200 }, (_, index) => `w${index} `),
          pauseMs: 10,
          every: 40,
        }),
      );
      const response = await post({ ...hello, stream: true });
      const reader = response.body!.getReader();
      await reader.read();
      await reader.cancel();
      await expect.poll(() => openai.requests[0]?.aborted, { timeout: 5000 }).toBe(true);
      await expect.poll(() => app.activeRequests).toBe(0);
      expect(await store.auditRecords('acme')).toMatchObject([
        { outcome: 'client-aborted', status: 499 },
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('tenants', () => {
  it('lists only the tenant’s models; usage and audit are the caller’s own', async () => {
    expect((await sdk(keys.acme).models.list()).data.map((model) => model.id)).toEqual([
      'small',
      'claude',
    ]);
    expect((await sdk(keys.globex).models.list()).data.map((model) => model.id)).toEqual(['small']);
    expect(await sdk(keys.acme).models.retrieve('claude')).toMatchObject({
      id: 'claude',
      object: 'model',
    });
    await expect(sdk(keys.globex).models.retrieve('claude')).rejects.toMatchObject({ status: 404 });
    openai.reply(openAIStreamReply({ pieces: ['x'] }));
    await sdk(keys.acme).chat.completions.create(hello);
    await audited();
    const globexUsage = await (await call('/v1/usage', { key: keys.globex })).json();
    expect(globexUsage).toMatchObject({ tenantId: 'globex', day: { requests: 0, tokensIn: 0 } });
    const globexAudit = (await (await call('/v1/audit', { key: keys.globex })).json()) as {
      data: unknown[];
    };
    expect(globexAudit.data).toEqual([]);
    const acmeAudit = (await (await call('/v1/audit', { key: keys.acme })).json()) as {
      data: { tenantId: string }[];
    };
    expect(acmeAudit.data.map((record) => record.tenantId)).toEqual(['acme']);
    // Another tenant's model is "not found", exactly as an unknown one.
    const response = await call('/v1/chat/completions', {
      key: keys.globex,
      body: { ...hello, model: 'claude' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        message: 'The model `claude` does not exist or you do not have access to it.',
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
      },
    });
  });
});

describe('errors, in OpenAI’s shape', () => {
  it('401 without a key or with a wrong one', async () => {
    for (const key of [undefined, 'wrong-key']) {
      const response = await call('/v1/models', key === undefined ? {} : { key });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error: { type: 'authentication_error', code: 'invalid_api_key', param: null },
      });
    }
    await expect(sdk('wrong-key').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('413 above the body limit, 400 for bad JSON, a bad field, unsupported tools or too many tokens', async () => {
    const big = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { ...hello, messages: [{ role: 'user', content: 'x'.repeat(70_000) }] },
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'request_too_large' } });

    const json = await call('/v1/chat/completions', { key: keys.acme, body: '{ nope' });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: { code: 'invalid_json' } });

    const field = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { model: 'small', messages: [{ role: 'robot', content: 'hi' }] },
    });
    expect(field.status).toBe(400);
    expect(await field.json()).toMatchObject({
      error: {
        type: 'invalid_request_error',
        param: 'messages[0].role',
        message: expect.stringMatching(/^messages\[0\]\.role: /),
      },
    });

    const tools = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { ...hello, tools: [{ type: 'function', function: { name: 'f' } }] },
    });
    expect(await tools.json()).toMatchObject({ error: { param: 'tools' } });

    await expect(
      sdk().chat.completions.create({ ...hello, max_tokens: 501 }),
    ).rejects.toMatchObject({ status: 400, code: 'max_tokens_exceeded', param: 'max_tokens' });
    await expect(
      sdk().chat.completions.create({ ...hello, max_completion_tokens: 9999 }),
    ).rejects.toMatchObject({ status: 400, param: 'max_completion_tokens' });
    expect(openai.requests).toHaveLength(0);
    // Refused requests of a tenant are audited too, with nothing spent.
    expect((await audited()).map((record) => record.outcome)).toEqual([
      'invalid-request',
      'invalid-request',
      'invalid-request',
      'invalid-request',
      'invalid-request',
    ]);
  });

  it('429 with Retry-After and the limit when a budget or rate is exhausted', async () => {
    const limited = await startTestProxy(
      testConfig({ openai: openai.url, anthropic: anthropic.url }, (config) => {
        config.tenants[0]!.limits = { dailyTokens: 100 };
        config.tenants[1]!.limits = { requestsPerMinute: 1 };
      }),
    );
    extraProxies.push(limited);
    const budget = await call('/v1/chat/completions', {
      key: keys.acme,
      body: hello,
      target: limited,
    });
    expect(budget.status).toBe(429);
    expect(Number(budget.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await budget.json()).toMatchObject({
      error: { type: 'insufficient_quota', code: 'dailyTokens' },
    });
    openai.reply(openAIStreamReply({ pieces: ['ok'] }));
    expect(
      (await call('/v1/chat/completions', { key: keys.globex, body: hello, target: limited }))
        .status,
    ).toBe(200);
    const rate = await call('/v1/chat/completions', {
      key: keys.globex,
      body: hello,
      target: limited,
    });
    expect(rate.status).toBe(429);
    expect(await rate.json()).toMatchObject({
      error: { type: 'rate_limit_error', code: 'requestsPerMinute' },
    });
    expect((await audited('acme', limited))[0]).toMatchObject({
      outcome: 'over-budget',
      status: 429,
    });
    expect((await audited('globex', limited))[0]).toMatchObject({
      outcome: 'rate-limited',
      status: 429,
    });
  });

  it('503 when the store is unavailable', async () => {
    const store = proxy.store;
    const broken = await startTestProxy(
      testConfig({ openai: openai.url, anthropic: anthropic.url }),
      {
        store: {
          ...store,
          kind: 'sqlite',
          admit: () =>
            Promise.reject(
              Object.assign(new Error('redis://:password@host down'), {
                name: 'StoreUnavailableError',
              }),
            ),
          usage: () => Promise.reject(new Error('down')),
          close: async () => undefined,
          appendAudit: (entry) => store.appendAudit(entry),
          auditRecords: (tenant, options) => store.auditRecords(tenant, options),
        },
      },
    );
    extraProxies.push(broken);
    const response = await call('/v1/chat/completions', {
      key: keys.acme,
      body: hello,
      target: broken,
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'store_unavailable' } });
    expect((await call('/v1/usage', { key: keys.acme, target: broken })).status).toBe(503);
    expect(broken.logs.join('\n')).not.toContain('password');
  });
});

describe('redaction', () => {
  it('masks before the upstream: it sees [EMAIL_1], never the address; counts and the redacted prompt are audited', async () => {
    openai.reply(openAIStreamReply({ pieces: ['Noted.'] }));
    await sdk().chat.completions.create({
      model: 'small',
      messages: [{ role: 'user', content: 'Write to jane.doe@example.com today' }],
    });
    const sent = JSON.stringify(openai.requests[0]!.body);
    expect(sent).toContain('Write to [EMAIL_1] today');
    expect(sent).not.toContain('jane.doe@example.com');
    const [record] = await audited();
    expect(record?.redactions).toEqual({ EMAIL: 1 });
    expect(record?.prompt).toContain('[EMAIL_1]');
    expect(JSON.stringify(record)).not.toContain('jane.doe');
    expect(proxy.logs.join('\n')).not.toContain('jane.doe');
  });

  it('numbers placeholders across the messages of a conversation', async () => {
    openai.reply(openAIStreamReply({ pieces: ['ok'] }));
    await sdk().chat.completions.create({
      model: 'small',
      messages: [
        { role: 'user', content: 'Mine is a@example.com' },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: 'Also b@example.com, and again a@example.com' },
      ],
    });
    expect(openai.requests[0]?.body.messages).toEqual([
      { role: 'user', content: 'Mine is [EMAIL_1]' },
      { role: 'assistant', content: 'Noted.' },
      { role: 'user', content: 'Also [EMAIL_2], and again [EMAIL_1]' },
    ]);
    expect((await audited())[0]?.redactions).toEqual({ EMAIL: 3 });
  });

  it('blocks a type the tenant’s policy blocks: 400 naming the type, not the value; nothing sent or audited as text', async () => {
    const response = await call('/v1/chat/completions', {
      key: keys.globex,
      body: { model: 'small', messages: [{ role: 'user', content: 'My SSN is 123-45-6789' }] },
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; code: string } };
    expect(error.code).toBe('pii_blocked');
    expect(error.message).toContain('US_SSN');
    expect(error.message).not.toContain('6789');
    expect(openai.requests).toHaveLength(0);
    expect((await audited('globex'))[0]).toMatchObject({
      outcome: 'blocked-pii',
      status: 400,
      redactions: { US_SSN: 1 },
    });
    expect((await audited('globex'))[0]).not.toHaveProperty('prompt');
  });
});

describe('upstream failures', () => {
  it('retries a 500 and a 429 before the first byte, then answers', async () => {
    openai.reply(
      statusReply(500),
      statusReply(429, { 'retry-after': '0' }),
      openAIStreamReply({ pieces: ['fine'] }),
    );
    const completion = await sdk().chat.completions.create(hello);
    expect(completion.choices[0]?.message.content).toBe('fine');
    expect(openai.requests).toHaveLength(3);
    expect(proxy.records.filter((record) => record.event === 'upstream-retry')).toHaveLength(2);
  });

  it('502 after the retries, without the provider’s error text; 400 when the upstream refuses the request', async () => {
    openai.reply(statusReply(401));
    const response = await call('/v1/chat/completions', { key: keys.acme, body: hello });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      error: { code: 'upstream_error', message: 'Upstream "openai" answered HTTP 401.' },
    });
    expect(openai.requests).toHaveLength(1); // 401 is not retried
    openai.reply(statusReply(400));
    expect((await call('/v1/chat/completions', { key: keys.acme, body: hello })).status).toBe(400);
    const records = await audited();
    expect(records.map((record) => record.outcome)).toEqual(['upstream-error', 'upstream-error']);
    expect(records.every((record) => record.tokensIn === 0 && record.tokensOut === 0)).toBe(true);
    expect((await sdk().get<{ reserved: { tokens: number } }>('/usage')).reserved.tokens).toBe(0);
  });

  it('504 when the upstream does not answer in time, and the upstream call is aborted', async () => {
    const slow = await startTestProxy(
      testConfig({ openai: openai.url, anthropic: anthropic.url }, (config) => {
        config.upstreams[0]!.timeoutMs = 300;
      }),
    );
    extraProxies.push(slow);
    openai.reply(hangingReply);
    const response = await call('/v1/chat/completions', {
      key: keys.acme,
      body: hello,
      target: slow,
    });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_timeout' } });
    expect(openai.requests).toHaveLength(1); // a timeout is not retried
    await expect.poll(() => openai.requests[0]?.aborted).toBe(true);
    expect((await audited('acme', slow))[0]).toMatchObject({
      outcome: 'upstream-timeout',
      status: 504,
    });
  });

  it('an upstream dropping mid-stream: the client gets an SSE error event and no [DONE]; audited as stream-dropped', async () => {
    openai.reply(openAIStreamReply({ pieces: ['one ', 'two ', 'three'], dropAfter: 2 }));
    const response = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { ...hello, stream: true },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"content":"two "');
    expect(text).toMatch(
      /data: \{"error":\{"message":"[^"]+","type":"api_error","param":null,"code":"stream_dropped"\}\}\n\n$/,
    );
    expect(text).not.toContain('[DONE]');
    const [record] = await audited();
    expect(record).toMatchObject({ outcome: 'stream-dropped', status: 200, tokensOut: 2 });
    // The SDK surfaces it as an error.
    openai.reply(openAIStreamReply({ pieces: ['one ', 'two ', 'three'], dropAfter: 1 }));
    const stream = await sdk().chat.completions.create({ ...hello, stream: true });
    await expect(async () => {
      for await (const _chunk of stream) void _chunk;
    }).rejects.toThrow(/ended early/);
  });

  it('a client that disconnects aborts the upstream request; audited as client-aborted', async () => {
    openai.reply(
      openAIStreamReply({
        pieces: Array.from({ length: 200 }, (_, index) => `w${index} `),
        pauseMs: 10,
        every: 40,
      }),
    );
    const controller = new AbortController();
    const response = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { ...hello, stream: true },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => openai.requests[0]?.aborted, { timeout: 5000 }).toBe(true);
    const [record] = await audited();
    expect(record).toMatchObject({ outcome: 'client-aborted', status: 499 });
    expect(record!.tokensOut).toBeGreaterThan(0);
  });

  it('a slow client still gets every chunk', async () => {
    const pieces = Array.from({ length: 40 }, (_, index) => `piece-${index}-${'x'.repeat(2000)} `);
    openai.reply(openAIStreamReply({ pieces, every: 4096 }));
    const response = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { ...hello, stream: true },
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const content = text
      .split('\n\n')
      .filter((event) => event.startsWith('data: {'))
      .map(
        (event) =>
          (JSON.parse(event.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]
            ?.delta.content ?? '',
      )
      .join('');
    expect(content).toBe(pieces.join(''));
    expect((await audited())[0]).toMatchObject({ outcome: 'ok' });
  });
});

describe('CORS and shutdown', () => {
  it('answers a preflight before authentication, and checks the origin against the tenant', async () => {
    const preflight = await call('/v1/chat/completions', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.acme.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.acme.test');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type',
    );
    expect(
      (await call('/v1/models', { method: 'OPTIONS', headers: { origin: 'https://evil.test' } }))
        .status,
    ).toBe(403);
    const allowed = await call('/v1/models', {
      key: keys.acme,
      headers: { origin: 'https://app.acme.test' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.acme.test');
    const other = await call('/v1/models', {
      key: keys.globex,
      headers: { origin: 'https://app.acme.test' },
    });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // A stream's head is written by its handler: the same CORS headers and request id.
    openai.reply(openAIStreamReply({ pieces: ['hi'] }));
    const streamed = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { ...hello, stream: true },
      headers: { origin: 'https://app.acme.test' },
    });
    expect(streamed.headers.get('access-control-allow-origin')).toBe('https://app.acme.test');
    expect(streamed.headers.get('access-control-expose-headers')).toBe('retry-after, x-request-id');
    expect(streamed.headers.get('vary')).toBe('Origin');
    expect(streamed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await streamed.text()).endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('close() drains a running stream, then stops', async () => {
    openai.reply(
      openAIStreamReply({
        pieces: Array.from({ length: 20 }, (_, index) => `${index} `),
        pauseMs: 10,
        every: 30,
      }),
    );
    const response = await call('/v1/chat/completions', {
      key: keys.acme,
      body: { ...hello, stream: true },
    });
    const closing = proxy.close({ drainMs: 5000 });
    const text = await response.text();
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    await closing;
    await expect(call('/v1/models', { key: keys.acme })).rejects.toThrow();
    proxy = await startTestProxy(testConfig({ openai: openai.url, anthropic: anthropic.url }));
  });
});
