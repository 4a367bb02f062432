import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anthropicStreamReply } from '../test-support/fake-anthropic.test.support.js';
import {
  startFakeUpstreamServer,
  statusReply,
  type FakeUpstreamServer,
} from '../test-support/fake-upstream-server.test.support.js';
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
let client: OpenAI;

beforeEach(async () => {
  openai = await startFakeUpstreamServer();
  anthropic = await startFakeUpstreamServer();
  proxy = await startTestProxy(testConfig({ openai: openai.url, anthropic: anthropic.url }));
  client = new OpenAI({ baseURL: proxy.baseURL, apiKey: keys.acme, maxRetries: 0 });
});

afterEach(async () => {
  await proxy.close({ drainMs: 100 });
  await Promise.all([openai.close(), anthropic.close()]);
});

const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'developer' as const, content: 'Answer in English.' },
  { role: 'user' as const, content: 'Hi' },
  { role: 'user' as const, content: 'Mail me at ann@example.org' },
  { role: 'assistant' as const, content: 'Sure.' },
  { role: 'user' as const, content: 'Thanks' },
];

describe('the Anthropic upstream, translated both ways', () => {
  it('sends a Messages API request and streams its events back as OpenAI chunks with usage', async () => {
    anthropic.reply(
      anthropicStreamReply({
        pieces: ['Bonjour', ' à ', 'vous'],
        inputTokens: 31,
        outputTokens: 4,
      }),
    );
    const stream = await client.chat.completions.create({
      model: 'claude',
      messages,
      max_tokens: 100,
      temperature: 1.5,
      stop: ['END'],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Bonjour à vous');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 31, completion_tokens: 4, total_tokens: 35 });

    const request = anthropic.requests[0]!;
    expect(request.url).toBe('/v1/messages');
    expect(request.headers['x-api-key']).toBe(providerKeys.anthropic);
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({
      model: 'claude-test',
      max_tokens: 100,
      stream: true,
      system: 'You are terse.\n\nAnswer in English.',
      messages: [
        { role: 'user', content: 'Hi\n\nMail me at [EMAIL_1]' },
        { role: 'assistant', content: 'Sure.' },
        { role: 'user', content: 'Thanks' },
      ],
      temperature: 1,
      stop_sequences: ['END'],
      metadata: { user_id: 'acme' },
    });
    await expect.poll(async () => (await proxy.store.auditRecords('acme')).length).toBe(1);
    const [record] = await proxy.store.auditRecords('acme');
    expect(record).toMatchObject({
      upstream: 'anthropic',
      tokensIn: 31,
      tokensOut: 4,
      outcome: 'ok',
    });
    expect(record?.cost).toBeCloseTo((31 * 3 + 4 * 15) / 1e6, 12);
  });

  it('answers a non-streaming client, max_tokens becoming finish_reason length', async () => {
    anthropic.reply(
      anthropicStreamReply({
        pieces: ['Once upon'],
        inputTokens: 5,
        outputTokens: 2,
        stopReason: 'max_tokens',
      }),
    );
    const completion = await client.chat.completions.create({
      model: 'claude',
      messages: [{ role: 'user', content: 'Tell a story' }],
      max_tokens: 2,
    });
    expect(completion.choices[0]).toMatchObject({
      message: { role: 'assistant', content: 'Once upon' },
      finish_reason: 'length',
    });
    expect(completion.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 2 });
  });

  it('retries an overloaded error event before the first text, and a 529', async () => {
    anthropic.reply(
      anthropicStreamReply({
        pieces: [],
        inputTokens: 5,
        outputTokens: 0,
        error: 'overloaded_error',
      }),
      statusReply(529),
    );
    await expect(
      client.chat.completions.create({
        model: 'claude',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    ).rejects.toMatchObject({ status: 502 });
    expect(anthropic.requests).toHaveLength(2); // retries: 1 for this upstream
    anthropic.reply(
      statusReply(529),
      anthropicStreamReply({ pieces: ['ok'], inputTokens: 5, outputTokens: 1 }),
    );
    const completion = await client.chat.completions.create({
      model: 'claude',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion.choices[0]?.message.content).toBe('ok');
  });
});
