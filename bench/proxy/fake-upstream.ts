// A fake OpenAI-compatible upstream for part (o), run as a child process of its own so that its
// CPU is not the load generator's: `node --import tsx bench/proxy/fake-upstream.ts <chunks> <delayMs>`.
// It prints `listening <port>` once it listens on 127.0.0.1 (backlog: Node's default, 511, as
// the proxy's), and answers POST /v1/chat/completions.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { fakeUpstreamModels, streamPieces } from './fake-upstream-wire.js';

const chunks = Number(process.argv[2] ?? 20);
const delayMs = Number(process.argv[3] ?? 5);
const pieces = streamPieces(chunks);
const base = { id: 'chatcmpl-bench', created: 1, model: 'bench-upstream' };
const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

function event(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function chunkEvent(delta: Record<string, string>, finish: string | null = null): string {
  return event({
    ...base,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finish }],
    usage: null,
  });
}

const usage = { prompt_tokens: 12, completion_tokens: chunks, total_tokens: 12 + chunks };

// The `instant` model answers at once (the whole stream in one write); the `paced` model writes
// the first content chunk at once and each next one `delayMs` later, as a model decoding would.
async function answer(body: string, response: ServerResponse): Promise<void> {
  const request = JSON.parse(body) as { model?: string; stream?: boolean };
  const paced = request.model === fakeUpstreamModels.paced;
  if (request.stream !== true) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: pieces.join('') },
            finish_reason: 'stop',
          },
        ],
        usage,
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const tail =
    chunkEvent({}, 'stop') +
    event({ ...base, object: 'chat.completion.chunk', choices: [], usage }) +
    'data: [DONE]\n\n';
  if (!paced) {
    response.end(
      chunkEvent({ role: 'assistant', content: '' }) +
        pieces.map((piece) => chunkEvent({ content: piece })).join('') +
        tail,
    );
    return;
  }
  response.write(chunkEvent({ role: 'assistant', content: '' }));
  for (const [index, piece] of pieces.entries()) {
    if (index > 0) await sleep(delayMs);
    if (response.destroyed) return;
    response.write(chunkEvent({ content: piece }));
  }
  response.end(tail);
}

const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
    response.writeHead(404).end();
    return;
  }
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (text: string) => (body += text));
  request.on('end', () => {
    answer(body, response).catch(() => {
      if (!response.headersSent) response.writeHead(400);
      response.end();
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
