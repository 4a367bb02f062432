import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, streamText } from 'ai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAIStreamReply } from '../test-support/fake-openai.test.support.js';
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

let openai: FakeUpstreamServer;
let anthropic: FakeUpstreamServer;
let proxy: TestProxy;

beforeEach(async () => {
  openai = await startFakeUpstreamServer();
  anthropic = await startFakeUpstreamServer();
  proxy = await startTestProxy(testConfig({ openai: openai.url, anthropic: anthropic.url }));
});

afterEach(async () => {
  await proxy.close({ drainMs: 100 });
  await Promise.all([openai.close(), anthropic.close()]);
});

describe('the Vercel AI SDK against the proxy', () => {
  const provider = () =>
    createOpenAICompatible({
      name: 'ondevice-proxy',
      baseURL: proxy.baseURL,
      apiKey: keys.acme,
      includeUsage: true,
    });

  it('generateText', async () => {
    openai.reply(
      openAIStreamReply({
        pieces: ['Hello ', 'from ', 'the proxy'],
        usage: { prompt_tokens: 7, completion_tokens: 3 },
      }),
    );
    const result = await generateText({
      model: provider()('small'),
      prompt: 'Say hello',
      maxRetries: 0,
    });
    expect(result.text).toBe('Hello from the proxy');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({ inputTokens: 7, outputTokens: 3 });
  });

  it('streamText', async () => {
    openai.reply(
      openAIStreamReply({
        pieces: ['one ', 'two ', 'three'],
        every: 5,
        usage: { prompt_tokens: 4, completion_tokens: 3 },
      }),
    );
    const result = streamText({ model: provider()('small'), prompt: 'Count', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.join('')).toBe('one two three');
    expect(await result.usage).toMatchObject({ inputTokens: 4, outputTokens: 3 });
  });

  it('surfaces a proxy error as an API call error with its status', async () => {
    await expect(
      generateText({ model: provider()('not-a-model'), prompt: 'x', maxRetries: 0 }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });
});
