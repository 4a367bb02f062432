import { type Agent, request as httpRequest } from 'node:http';

/**
 * One timed request of (o): milliseconds from the call to the response headers, to the first
 * content chunk (the first `tok0` seen: the whole body when not streamed) and to the last byte.
 *
 * @example
 * const timed: TimedResponse = { status: 200, headersMs: 1.2, firstTokenMs: 1.9, totalMs: 98.4, body: 'data: …' }
 */
export interface TimedResponse {
  status: number;
  headersMs: number;
  firstTokenMs: number;
  totalMs: number;
  body: string;
}

/**
 * Where and what {@link timedPost} sends.
 *
 * @example
 * const target: PostTarget = { url: 'http://127.0.0.1:8787/v1/chat/completions', agent, apiKey: 'bench-key' }
 */
export interface PostTarget {
  url: string;
  agent: Agent;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string;
}

/**
 * POSTs `body` with node:http (not fetch: undici gives up connecting after 10 s, and 1,000
 * connections opened at once can wait in the listen backlog) and times it; rejects on a socket
 * error or after `timeoutMs` without a byte.
 *
 * @example
 * const timed = await timedPost(target, JSON.stringify({ model, stream: true, messages }))
 */
export function timedPost(
  target: PostTarget,
  body: string,
  timeoutMs = 60_000,
): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(target.url, {
      method: 'POST',
      agent: target.agent,
      headers: {
        'content-type': 'application/json',
        ...(target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {}),
      },
    });
    request.setTimeout(timeoutMs, () => {
      request.destroy(Object.assign(new Error('no byte for the timeout'), { code: 'TIMEOUT' }));
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const headersMs = performance.now() - started;
      let text = '';
      let firstTokenMs = Number.NaN;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (Number.isNaN(firstTokenMs) && text.includes('tok0'))
          firstTokenMs = performance.now() - started;
      });
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headersMs,
          firstTokenMs,
          totalMs: performance.now() - started,
          body: text,
        }),
      );
    });
    request.end(body);
  });
}

/**
 * The text of an answer: a JSON completion's message, or a stream's content deltas joined
 * (undefined when a stream has no `data: [DONE]` or an event is not JSON).
 *
 * @example
 * answerText('data: {"choices":[{"delta":{"content":"tok0 "}}]}\n\ndata: [DONE]\n\n') // 'tok0 '
 */
export function answerText(body: string, streamed: boolean): string | undefined {
  try {
    if (!streamed) {
      const completion = JSON.parse(body) as { choices?: { message?: { content?: string } }[] };
      return completion.choices?.[0]?.message?.content;
    }
    const events = body
      .split('\n\n')
      .map((event) => event.trim())
      .filter((event) => event.startsWith('data: '));
    if (events.at(-1) !== 'data: [DONE]') return undefined;
    return events
      .slice(0, -1)
      .map(
        (event) => JSON.parse(event.slice(6)) as { choices?: { delta?: { content?: string } }[] },
      )
      .map((chunk) => chunk.choices?.[0]?.delta?.content ?? '')
      .join('');
  } catch {
    return undefined;
  }
}

/**
 * Opens `count` keep-alive connections in `agent` to the server of `url` (each a GET of a path
 * no server here serves, answered 404 at once and left open in the agent's free pool); resolves
 * with the number of connections that failed. The agent needs `maxFreeSockets` ≥ `count`.
 *
 * @example
 * await openConnections('http://127.0.0.1:8787/bench-warm-up', agent, 1_000)
 */
export async function openConnections(url: string, agent: Agent, count: number): Promise<number> {
  const results = await Promise.allSettled(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const request = httpRequest(url, { agent }, (response) => {
            response.resume();
            response.on('end', () => resolve());
          });
          request.on('error', reject);
          request.end();
        }),
    ),
  );
  return results.filter((result) => result.status === 'rejected').length;
}
