import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { generateText, streamText, wrapLanguageModel } from 'ai';
import {
  MockLanguageModelV3,
  convertArrayToReadableStream,
  convertReadableStreamToArray,
} from 'ai/test';
import { PiiBlockedError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { type RedactionReport, redactionMiddleware } from './redaction-middleware.js';

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};
const finish: LanguageModelV3StreamPart = {
  type: 'finish',
  finishReason: { unified: 'stop', raw: 'stop' },
  usage,
};

function answering(text: string): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doGenerate: async (): Promise<LanguageModelV3GenerateResult> => ({
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    }),
    doStream: async () => ({
      stream: convertArrayToReadableStream<LanguageModelV3StreamPart>([
        { type: 'text-start', id: '1' },
        ...[...text].map((delta) => ({ type: 'text-delta' as const, id: '1', delta })),
        { type: 'text-end', id: '1' },
        finish,
      ]),
    }),
  });
}

const conversation = [
  { role: 'system' as const, content: 'Support for Maria Lopez (maria@example.com).' },
  { role: 'user' as const, content: 'Hi, I am Maria Lopez. Mail me at maria@example.com.' },
  { role: 'assistant' as const, content: 'Sure. Note that [EMAIL_1] is a literal here.' },
  {
    role: 'user' as const,
    content: 'the ticket from Xavi Brunt, and bob@example.org. My name is Xavi Brunt.',
  },
];
const sentPrompt = (remote: MockLanguageModelV3) => remote.doGenerateCalls[0]?.prompt;

describe('redactionMiddleware', () => {
  it('numbers placeholders across the conversation and restores them in the answer', async () => {
    const remote = answering('Dear [PERSON_1], I wrote to [EMAIL_2] and [EMAIL_3]. [EMAIL_1]?');
    const reports: RedactionReport[] = [];
    const model = wrapLanguageModel({
      model: remote,
      middleware: redactionMiddleware({ onRedacted: (report) => reports.push(report) }),
    });
    const { text } = await generateText({
      model,
      messages: conversation,
      allowSystemInMessages: true,
    });

    const texts = sentPrompt(remote)?.map((message) =>
      typeof message.content === 'string'
        ? message.content
        : message.content.map((part) => ('text' in part ? part.text : '')).join(''),
    );
    expect(texts).toEqual([
      'Support for [PERSON_1] ([EMAIL_2]).',
      'Hi, I am [PERSON_1]. Mail me at [EMAIL_2].',
      // A placeholder the conversation holds literally is never handed out.
      'Sure. Note that [EMAIL_1] is a literal here.',
      // Xavi Brunt is found by context once, then masked wherever else he appears.
      'the ticket from [PERSON_2], and [EMAIL_3]. My name is [PERSON_2].',
    ]);
    expect(text).toBe(
      'Dear Maria Lopez, I wrote to maria@example.com and bob@example.org. [EMAIL_1]?',
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]?.messages).toEqual(
      texts?.map((text, index) => ({ role: conversation[index]?.role, text })),
    );
    expect(reports[0]?.counts).toMatchObject({ EMAIL: 3, PERSON: 4, PHONE: 0 });
  });

  it('rejects a blocked type with PiiBlockedError before anything leaves', async () => {
    const remote = answering('never');
    const model = wrapLanguageModel({
      model: remote,
      middleware: redactionMiddleware({ policy: { CREDIT_CARD: 'block' } }),
    });
    const error = await generateText({
      model,
      messages: [...conversation, { role: 'user', content: 'Card 4111 1111 1111 1111.' }],
      allowSystemInMessages: true,
    }).catch((error: unknown) => error);
    expect(PiiBlockedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ types: ['CREDIT_CARD'], counts: { CREDIT_CARD: 1 } });
    expect(remote.doGenerateCalls).toEqual([]);
  });

  it('leaves allowed types in the prompt and still restores masked ones', async () => {
    const remote = answering('To [EMAIL_1], Maria Lopez.');
    const model = wrapLanguageModel({
      model: remote,
      middleware: redactionMiddleware({ policy: { PERSON: 'allow' } }),
    });
    const { text } = await generateText({ model, prompt: 'Maria Lopez, maria@example.com' });
    expect(sentPrompt(remote)?.[0]?.content).toEqual([
      { type: 'text', text: 'Maria Lopez, [EMAIL_1]' },
    ]);
    expect(text).toBe('To maria@example.com, Maria Lopez.');
  });

  it('restores placeholders in a stream split across deltas at every index', async () => {
    const middleware = redactionMiddleware();
    const params = await middleware.transformParams!({
      type: 'stream',
      params: {
        prompt: [{ role: 'user', content: [{ type: 'text', text: conversation[1]!.content }] }],
      },
      model: answering(''),
    });
    const answer = 'Hello [PERSON_1]! [EMAIL_1] is noted; [EMAIL_7] is not ours [EMAIL_';
    const restored = 'Hello Maria Lopez! maria@example.com is noted; [EMAIL_7] is not ours [EMAIL_';
    for (let at = 0; at <= answer.length; at += 1) {
      const chunks = [answer.slice(0, at), answer.slice(at)];
      const { stream } = await middleware.wrapStream!({
        doGenerate: () => Promise.reject(new Error('unused')),
        doStream: async () => ({
          stream: convertArrayToReadableStream<LanguageModelV3StreamPart>([
            { type: 'text-start', id: 't' },
            ...chunks.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
            { type: 'text-end', id: 't' },
            finish,
          ]),
        }),
        params: params as LanguageModelV3CallOptions,
        model: answering(''),
      });
      const parts = await convertReadableStreamToArray(stream);
      const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
      expect(deltas.join(''), `split at ${at}`).toBe(restored);
      expect(
        deltas.some((delta) => /\[(PERSON|EMAIL)_\d+\]/.test(delta) && !delta.includes('_7')),
      ).toBe(false);
      expect(parts.at(-2)).toEqual({ type: 'text-end', id: 't' });
    }
  });

  it('flushes a held-back prefix before finish when a stream ends a text without text-end', async () => {
    const middleware = redactionMiddleware();
    const params = await middleware.transformParams!({
      type: 'stream',
      params: { prompt: [{ role: 'user', content: [{ type: 'text', text: 'a@example.com' }] }] },
      model: answering(''),
    });
    const { stream } = await middleware.wrapStream!({
      doGenerate: () => Promise.reject(new Error('unused')),
      doStream: async () => ({
        stream: convertArrayToReadableStream<LanguageModelV3StreamPart>([
          { type: 'text-start', id: 't' },
          { type: 'text-delta', id: 't', delta: 'To [EMAIL_1] and [EMAIL_' },
          finish,
        ]),
      }),
      params: params as LanguageModelV3CallOptions,
      model: answering(''),
    });
    expect(await convertReadableStreamToArray(stream)).toEqual([
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'To a@example.com and ' },
      { type: 'text-delta', id: 't', delta: '[EMAIL_' },
      finish,
    ]);
  });

  it('streams restored text through streamText, one character per delta', async () => {
    const model = wrapLanguageModel({
      model: answering('Thanks [PERSON_1], see [EMAIL_1].'),
      middleware: redactionMiddleware(),
    });
    const result = streamText({ model, prompt: conversation[1]!.content });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('Thanks Maria Lopez, see maria@example.com.');
    expect(deltas).toContain('Maria Lopez');
  });

  it('redacts tool inputs and results, restores tool-call inputs as valid JSON, refuses files', async () => {
    const remote = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [
          { type: 'tool-call', toolCallId: '2', toolName: 'mail', input: '{"to":"[EMAIL_1]"}' },
        ],
        finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
        usage,
        warnings: [],
      }),
    });
    const middleware = redactionMiddleware();
    const model = wrapLanguageModel({ model: remote, middleware });
    const result = await model.doGenerate({
      prompt: [
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: '1', toolName: 'find', input: { q: 'Maria Lopez' } },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: '1',
              toolName: 'find',
              output: {
                type: 'json',
                value: {
                  email: 'maria@example.com',
                  n: 1,
                  card: 4111111111111111,
                  'ops@fernhill.example': 'on call',
                },
              },
            },
          ],
        },
      ],
    });
    const sent = JSON.stringify(remote.doGenerateCalls[0]?.prompt);
    expect(sent).not.toMatch(/maria|Maria|4111111111111111|ops@fernhill/);
    // A number holding a card number is sent as its placeholder; a plain number stays a number;
    // a key is redacted like a value.
    expect(sent).toContain(
      '{"email":"[EMAIL_1]","n":1,"card":"[CREDIT_CARD_1]","[EMAIL_2]":"on call"}',
    );
    expect(result.content).toEqual([
      { type: 'tool-call', toolCallId: '2', toolName: 'mail', input: '{"to":"maria@example.com"}' },
    ]);

    const file = await Promise.resolve(
      model.doGenerate({
        prompt: [
          { role: 'user', content: [{ type: 'file', data: 'aGk=', mediaType: 'text/plain' }] },
        ],
      }),
    ).catch((error: unknown) => error);
    expect(UnsupportedFunctionalityError.isInstance(file)).toBe(true);
    expect(remote.doGenerateCalls).toHaveLength(1);
  });
});
