import { describe, expect, it } from 'vitest';
import { serverSentEvents, type ServerSentEvent } from './server-sent-events.js';

async function parse(chunks: (string | Uint8Array)[]): Promise<ServerSentEvent[]> {
  const encoder = new TextEncoder();
  async function* body() {
    for (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
  }
  const events: ServerSentEvent[] = [];
  for await (const event of serverSentEvents(body())) events.push(event);
  return events;
}

describe('serverSentEvents', () => {
  it('reads data events, event names and [DONE]', async () => {
    expect(
      await parse(['data: {"a":1}\n\n', 'event: ping\ndata: {}\n\n', 'data: [DONE]\n\n']),
    ).toEqual([{ data: '{"a":1}' }, { event: 'ping', data: '{}' }, { data: '[DONE]' }]);
  });

  it('joins events split mid-line, across a CRLF and inside a UTF-8 character', async () => {
    const bytes = new TextEncoder().encode('data: {"text":"héllo 🌍"}\r\n\r\ndata: b\r\n\r\n');
    // Every possible split point, and one byte at a time.
    for (let split = 1; split < bytes.length; split++) {
      expect(await parse([bytes.slice(0, split), bytes.slice(split)])).toEqual([
        { data: '{"text":"héllo 🌍"}' },
        { data: 'b' },
      ]);
    }
    expect(await parse([...bytes].map((byte) => new Uint8Array([byte])))).toHaveLength(2);
  });

  it('skips comments, joins multi-line data, reads lone CR line ends, keeps an id', async () => {
    expect(await parse([': keep-alive\n\n', 'data: one\ndata:two\rid: 7\r\r', ':ok\n'])).toEqual([
      { data: 'one\ntwo', id: '7' },
    ]);
  });

  it('drops a last event that never got its blank line', async () => {
    expect(await parse(['data: complete\n\n', 'data: cut'])).toEqual([{ data: 'complete' }]);
  });
});
