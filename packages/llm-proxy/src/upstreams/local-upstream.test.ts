import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProxyConfig } from '../config/parse-proxy-config.js';
import { hashApiKey } from '../hash-api-key.js';
import { startTestProxy, type TestProxy } from '../test-support/test-proxy.test.support.js';
import { createUpstreams } from './create-upstreams.js';

// The real 260K-parameter TinyStories Llama (../shared/models, next to the repository).
const modelFolder = fileURLToPath(
  new URL('../../../../../shared/models/converted/llama2.c-stories260K/', import.meta.url),
);
const present = existsSync(modelFolder);
if (!present && !process.env.CI) {
  console.warn(
    `Skipping the local upstream tests: no model at ${modelFolder} (see ../shared/models/SOURCES.md).`,
  );
}

// Greedy output recorded in ../shared/models/SOURCES.md (pipeline, max_new_tokens 60).
const expected =
  'Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily';

describe.skipIf(!present && !process.env.CI)(
  'the local upstream (stories260K in the proxy process)',
  () => {
    let proxy: TestProxy;
    let client: OpenAI;

    beforeAll(async () => {
      const config = parseProxyConfig({
        tenants: [
          { id: 'dev', keyHash: hashApiKey('local-key'), models: ['*'], maxTokensPerRequest: 256 },
        ],
        models: [{ id: 'stories', upstream: 'local', upstreamModel: 'stories260K' }],
        upstreams: [{ name: 'local', kind: 'local', modelFolder }],
        state: { kind: 'sqlite', path: ':memory:' },
      });
      proxy = await startTestProxy(config, { upstreams: createUpstreams(config, new Map()) });
      client = new OpenAI({ baseURL: proxy.baseURL, apiKey: 'local-key', maxRetries: 0 });
    });

    afterAll(async () => {
      await proxy?.close({ drainMs: 100 });
    });

    it('answers the recorded greedy continuation through the openai SDK, with the model’s token counts', async () => {
      const completion = await client.chat.completions.create({
        model: 'stories',
        messages: [{ role: 'user', content: 'Once upon a time' }],
        max_tokens: 60,
        temperature: 0,
      });
      expect('Once upon a time' + completion.choices[0]?.message.content).toBe(expected);
      expect(completion.choices[0]?.finish_reason).toBe('length');
      expect(completion.usage).toMatchObject({ completion_tokens: 60 });
      expect(completion.usage?.prompt_tokens).toBeGreaterThan(1);
    });

    it('streams the same text', async () => {
      const stream = await client.chat.completions.create({
        model: 'stories',
        messages: [{ role: 'user', content: 'Once upon a time' }],
        max_tokens: 60,
        stream: true,
      });
      let text = '';
      let chunks = 0;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        chunks += 1;
      }
      expect('Once upon a time' + text).toBe(expected);
      // The role chunk, the text (pieces as core hands them over, batched when they come fast), the finish.
      expect(chunks).toBeGreaterThanOrEqual(3);
    });
  },
);
