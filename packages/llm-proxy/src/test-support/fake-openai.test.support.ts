import type { FakeReply } from './fake-upstream-server.test.support.js';
import { writeInPieces } from './fake-upstream-server.test.support.js';

/** Options of an OpenAI-style streamed answer. */
export interface OpenAIStreamOptions {
  pieces: string[];
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  finishReason?: string;
  /** Bytes per network write (splits lines and UTF-8 characters). */
  every?: number;
  /** CRLF line ends instead of LF. */
  crlf?: boolean;
  /** Stop after this many content events and destroy the socket (a dropped upstream). */
  dropAfter?: number;
  pauseMs?: number;
}

/** The SSE text of a streamed Chat Completions answer, as OpenAI writes it, with keep-alive comments. */
export function openAIStreamBody(options: OpenAIStreamOptions): string {
  const base = {
    id: 'chatcmpl-upstream',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'upstream-model',
  };
  const events: string[] = [': keep-alive'];
  events.push(
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }], usage: null })}`,
  );
  for (const piece of options.pieces) {
    events.push(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }], usage: null })}`,
    );
    events.push(': keep-alive');
  }
  events.push(
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: options.finishReason ?? 'stop' }], usage: null })}`,
  );
  if (options.usage !== null) {
    const usage = options.usage ?? { prompt_tokens: 11, completion_tokens: options.pieces.length };
    events.push(
      `data: ${JSON.stringify({ ...base, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}`,
    );
  }
  events.push('data: [DONE]');
  const end = options.crlf ? '\r\n' : '\n';
  return events.map((event) => event + end + end).join('');
}

/** A fake OpenAI streamed answer; with `dropAfter`, the connection is destroyed mid-stream. */
export function openAIStreamReply(options: OpenAIStreamOptions): FakeReply {
  return async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let body = openAIStreamBody(options);
    if (options.dropAfter !== undefined) {
      const marker = JSON.stringify(options.pieces[options.dropAfter] ?? '');
      body = body.slice(0, body.indexOf(`"content":${marker}`));
      await writeInPieces(response, body, {
        every: options.every ?? 64,
        pauseMs: options.pauseMs ?? 0,
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      response.socket?.destroy();
      return;
    }
    await writeInPieces(response, body, {
      every: options.every ?? 64,
      pauseMs: options.pauseMs ?? 0,
    });
    response.end();
  };
}
