import type { FakeReply } from './fake-upstream-server.test.support.js';
import { writeInPieces } from './fake-upstream-server.test.support.js';

/** The SSE text of a streamed Messages API answer, as Anthropic writes it (event lines, pings). */
export function anthropicStreamBody(options: {
  pieces: string[];
  inputTokens: number;
  outputTokens: number;
  stopReason?: string;
  error?: string;
}): string {
  const events: [string, unknown][] = [
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          id: 'msg_1',
          type: 'message',
          role: 'assistant',
          content: [],
          model: 'claude-test',
          stop_reason: null,
          usage: { input_tokens: options.inputTokens, output_tokens: 1 },
        },
      },
    ],
    [
      'content_block_start',
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    ],
    ['ping', { type: 'ping' }],
  ];
  for (const piece of options.pieces)
    events.push([
      'content_block_delta',
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } },
    ]);
  if (options.error)
    events.push([
      'error',
      { type: 'error', error: { type: options.error, message: 'Overloaded' } },
    ]);
  events.push(['content_block_stop', { type: 'content_block_stop', index: 0 }]);
  events.push([
    'message_delta',
    {
      type: 'message_delta',
      delta: { stop_reason: options.stopReason ?? 'end_turn', stop_sequence: null },
      usage: { output_tokens: options.outputTokens },
    },
  ]);
  events.push(['message_stop', { type: 'message_stop' }]);
  return events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join('');
}

/** A fake Anthropic streamed answer, written in small pieces. */
export function anthropicStreamReply(
  options: Parameters<typeof anthropicStreamBody>[0],
): FakeReply {
  return async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    await writeInPieces(response, anthropicStreamBody(options), { every: 13 });
    response.end();
  };
}
