import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAIStreamBody } from '../test-support/fake-openai.test.support.js';
import {
  startFakeUpstreamServer,
  type FakeUpstreamServer,
} from '../test-support/fake-upstream-server.test.support.js';
import {
  keys,
  startTestProxy,
  testConfig,
  type TestProxy,
} from '../test-support/test-proxy.test.support.js';

const streams = 1_000;
const pieces = Array.from({ length: 20 }, (_, index) => `token${index} `);

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
let upstream: FakeUpstreamServer;
let proxy: TestProxy;

beforeAll(async () => {
  upstream = await startFakeUpstreamServer();
  // Each event written on its own, 2 ms apart: 20 content chunks, the finish and usage chunks.
  upstream.reply(async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const event of openAIStreamBody({ pieces }).split('\n\n')) {
      if (event === '') continue;
      response.write(`${event}\n\n`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    response.end();
  });
  proxy = await startTestProxy(
    testConfig({ openai: upstream.url, anthropic: 'http://127.0.0.1:9' }),
  );
});

afterAll(async () => {
  await proxy?.close({ drainMs: 1_000 });
  await upstream?.close();
  agent.destroy();
});

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

interface StreamResult {
  text: string;
  done: boolean;
  firstChunkMs: number;
  totalMs: number;
}

// node:http rather than fetch: undici gives up connecting after 10 s, and 1,000 connections
// opened at once on a busy machine can wait that long in the listen backlog (Node's default,
// 511) behind SYN retransmits; the test is about the proxy, not the client's timeouts.
function post(body: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${proxy.url}/v1/chat/completions`, {
      method: 'POST',
      agent,
      headers: { authorization: `Bearer ${keys.acme}`, 'content-type': 'application/json' },
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end(body);
  });
}

async function stream(index: number): Promise<StreamResult> {
  const started = performance.now();
  const response = await post(
    JSON.stringify({
      model: 'small',
      stream: true,
      messages: [{ role: 'user', content: `Count to twenty (${index}).` }],
    }),
  );
  expect(response.statusCode).toBe(200);
  let firstChunkMs = Number.NaN;
  let buffer = '';
  response.setEncoding('utf8');
  for await (const text of response as AsyncIterable<string>) {
    if (Number.isNaN(firstChunkMs)) firstChunkMs = performance.now() - started;
    buffer += text;
  }
  const events = buffer.split('\n\n').filter((event) => event.startsWith('data: '));
  const text = events
    .slice(0, -1)
    .map((event) => JSON.parse(event.slice(6)) as { choices: { delta: { content?: string } }[] })
    .map((chunk) => chunk.choices[0]?.delta.content ?? '')
    .join('');
  return {
    text,
    done: events.at(-1) === 'data: [DONE]',
    firstChunkMs,
    totalMs: performance.now() - started,
  };
}

describe('the proxy under load', () => {
  it(`streams ${streams.toLocaleString('en-US')} concurrent requests in full, settles and audits each`, async () => {
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: streams }, (_, index) => stream(index)),
    );
    const seconds = (performance.now() - started) / 1000;
    const failed = results.filter((result) => result.status === 'rejected');
    expect(
      failed.map((result) => String((result as PromiseRejectedResult).reason)).slice(0, 5),
    ).toEqual([]);
    const done = results.map((result) => (result as PromiseFulfilledResult<StreamResult>).value);
    expect(done.filter((result) => result.text !== pieces.join('') || !result.done)).toEqual([]);

    // For information only: CI is a busy two-core machine, so nothing is asserted on time.
    const first = done.map((result) => result.firstChunkMs).sort((a, b) => a - b);
    const total = done.map((result) => result.totalMs).sort((a, b) => a - b);
    console.log(
      `load: ${streams} concurrent streams of ${pieces.length} chunks in ${seconds.toFixed(1)} s; ` +
        `first chunk p50 ${percentile(first, 0.5).toFixed(0)} ms, p99 ${percentile(first, 0.99).toFixed(0)} ms; ` +
        `whole stream p50 ${percentile(total, 0.5).toFixed(0)} ms, p99 ${percentile(total, 0.99).toFixed(0)} ms`,
    );

    // Audit records and settlement of a stream are written just after its last byte.
    for (let tries = 0; tries < 400 && proxy.activeRequests > 0; tries++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(proxy.activeRequests).toBe(0);
    const usage = await proxy.store.usage('acme', {}, Date.now());
    expect(usage.day.requests).toBe(streams);
    expect(usage.day.tokensOut).toBe(streams * pieces.length);
    expect(usage.reserved).toEqual({ tokens: 0, cost: 0 });
    expect(await proxy.store.verifyAudit()).toEqual({ ok: true, records: streams });
    const audit = await proxy.store.auditRecords('acme', { limit: streams });
    expect(audit.filter((record) => record.outcome !== 'ok')).toEqual([]);
    expect(upstream.requests).toHaveLength(streams);
  }, 240_000);
});
