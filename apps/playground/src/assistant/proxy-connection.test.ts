import { redactPII } from '@ondevice/core';
import { streamText } from 'ai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkProxy, draftModel, explainUnavailable, proxyBaseUrl } from './proxy-connection.js';

afterEach(() => vi.unstubAllGlobals());

/** An OpenAI-compatible streamed answer, one chunk per text. */
function sse(texts: string[]): Response {
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'local', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const body = [
    ...texts.map((content) => chunk({ role: 'assistant', content })),
    chunk({}, 'stop'),
    'data: [DONE]\n\n',
  ].join('');
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

describe('checkProxy', () => {
  it('is available when /v1/models lists "local" for the dev key', async () => {
    const fetch = vi.fn(async () => Response.json({ object: 'list', data: [{ id: 'local' }] }));
    vi.stubGlobal('fetch', fetch);
    expect(await checkProxy(proxyBaseUrl('http://127.0.0.1:5173'))).toEqual({ state: 'available' });
    expect(fetch).toHaveBeenCalledWith('http://127.0.0.1:5173/v1/models', {
      headers: { authorization: 'Bearer ondevice-dev' },
      signal: null,
    });
  });

  it("is unavailable on the production build's HTML page or a network error, never rejecting", async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html>'));
    expect(await checkProxy('/v1')).toEqual({
      state: 'unavailable',
      reason: '/v1/models answered 200 without the "local" model',
    });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await checkProxy('/v1')).toEqual({
      state: 'unavailable',
      reason: '/v1 could not be reached (Failed to fetch)',
    });
  });
});

describe('explainUnavailable', () => {
  it('says the production build has no proxy, then whether the model is missing', () => {
    const detail = '/v1 could not be reached (Failed to fetch)';
    expect(explainUnavailable({ production: true, modelServed: true, detail })).toMatch(
      /^this is the production build/,
    );
    expect(explainUnavailable({ production: false, modelServed: false, detail })).toMatch(
      /llama2\.c-stories260K\)$/,
    );
    expect(explainUnavailable({ production: false, modelServed: true, detail })).toBe(
      `it does not answer: ${detail} (the dev server's terminal says why)`,
    );
  });
});

describe('draftModel', () => {
  const prompt = 'Ask Dana Whitfield at dana@quayside.example.\nBest regards,\nMarcus Lee';

  it('sends the redacted prompt only, and puts the names back into the streamed answer', async () => {
    const { text: expectedText } = await redactPII(prompt);
    const bodies: string[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(String(init.body));
      return sse(['Dear [PER', 'SON_2], ', '[PERSON_1] will test it.']);
    });
    const result = streamText({
      model: draftModel({ baseUrl: 'http://127.0.0.1:5173/v1', expectedText }),
      prompt,
    });
    expect(await result.text).toBe('Dear Marcus Lee, Dana Whitfield will test it.');
    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0]!).messages).toEqual([{ role: 'user', content: expectedText }]);
    expect(bodies[0]).not.toMatch(/Dana|Whitfield|Marcus|Lee|quayside/);
  });

  it('sends nothing when the redacted prompt differs from the confirmed text', async () => {
    const fetch = vi.fn(async () => sse(['never']));
    vi.stubGlobal('fetch', fetch);
    const errors: unknown[] = [];
    const result = streamText({
      model: draftModel({ baseUrl: '/v1', expectedText: 'something else' }),
      prompt,
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expect(fetch).not.toHaveBeenCalled();
    expect((errors[0] as Error).message).toMatch(/differs from the text you confirmed/);
  });
});
