import OpenAI from 'openai';
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
import { coreRedactor } from './core-redactor.js';

let openai: FakeUpstreamServer;
let proxy: TestProxy;

// The same behaviour whether core's redactPII runs on the event loop (coreRedactor) or in the
// proxy's redaction thread (its default, server.redactionThreads).
const placements = [
  { where: 'on the event loop', threads: 0, redactor: coreRedactor },
  { where: 'in a redaction thread', threads: 1, redactor: 'default' as const },
];

describe.each(placements)('the default redactor, @ondevice/core redactPII, $where', (placement) => {
  const configOf = () => {
    const config = testConfig({ openai: openai.url, anthropic: openai.url });
    config.server.redactionThreads = placement.threads;
    return config;
  };

  beforeEach(async () => {
    openai = await startFakeUpstreamServer();
    proxy = await startTestProxy(configOf(), { redactor: placement.redactor });
  });

  afterEach(async () => {
    await proxy.close({ drainMs: 100 });
    await openai.close();
  });

  it('masks an email and a phone number before the upstream; the answer is not restored', async () => {
    openai.reply(openAIStreamReply({ pieces: ['I will write to [EMAIL_1].'] }));
    const client = new OpenAI({ baseURL: proxy.baseURL, apiKey: keys.acme, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'small',
      messages: [
        {
          role: 'user',
          content: 'Email jane.doe@example.com or call +1 415 555 0134 about the invoice.',
        },
      ],
    });
    const sent = JSON.stringify(openai.requests[0]?.body);
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).not.toContain('jane.doe@example.com');
    expect(sent).not.toContain('555 0134');
    expect(completion.choices[0]?.message.content).toBe('I will write to [EMAIL_1].');
    await expect
      .poll(async () => (await proxy.store.auditRecords('acme'))[0]?.redactions)
      .toMatchObject({ EMAIL: 1, PHONE: 1 });
  });

  it('masks a name that only the name model finds', async () => {
    openai.reply(openAIStreamReply({ pieces: ['ok'] }));
    const client = new OpenAI({ baseURL: proxy.baseURL, apiKey: keys.acme, maxRetries: 0 });
    await client.chat.completions.create({
      model: 'small',
      messages: [{ role: 'user', content: 'Yesterday Maria Lopez asked about the refund.' }],
    });
    expect(openai.requests[0]?.body.messages).toEqual([
      { role: 'user', content: 'Yesterday [PERSON_1] asked about the refund.' },
    ]);
  });

  it('numbers placeholders across a conversation', async () => {
    openai.reply(openAIStreamReply({ pieces: ['ok'] }));
    const client = new OpenAI({ baseURL: proxy.baseURL, apiKey: keys.acme, maxRetries: 0 });
    await client.chat.completions.create({
      model: 'small',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Mine is ann@example.com.' },
        { role: 'user', content: 'Also bob@example.org, and again ann@example.com.' },
      ],
    });
    expect(openai.requests[0]?.body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Mine is [EMAIL_1].' },
      { role: 'user', content: 'Also [EMAIL_2], and again [EMAIL_1].' },
    ]);
  });

  it('blocks a type the policy blocks, naming it', async () => {
    const response = await fetch(`${proxy.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.globex}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'small',
        messages: [{ role: 'user', content: 'My SSN is 536-22-8190.' }],
      }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error).toMatchObject({
      code: 'pii_blocked',
      message: expect.stringContaining('US_SSN'),
    });
    expect(error.message).not.toContain('8190');
    expect(openai.requests).toHaveLength(0);
  });

  it('a prompt longer than the redactor takes is a 413, not an error of the proxy', async () => {
    const config = configOf();
    config.server.bodyLimitBytes = 4_000_000;
    const roomy = await startTestProxy(config, { redactor: placement.redactor });
    try {
      const response = await fetch(`${roomy.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.acme}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'small',
          messages: [{ role: 'user', content: 'word '.repeat(250_000) }],
        }),
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('prompt_too_long');
      expect(openai.requests).toHaveLength(0);
    } finally {
      await roomy.close({ drainMs: 100 });
    }
  });
});
