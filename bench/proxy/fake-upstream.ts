// A fake OpenAI-compatible upstream for part (o), run as a child process of its own so that its
// CPU is not the load generator's: `node --import tsx bench/proxy/fake-upstream.ts <chunks> <delayMs>`.
// It prints `listening <port>` once it listens on 127.0.0.1 (backlog: Node's default, 511, as
// the proxy's), and answers POST /v1/chat/completions. A `held` stream's prompt carries a tag;
// the times its content chunks were written (epoch ms) are kept by tag until
// `GET /bench-emissions` returns and forgets them (part (d): the delay of each chunk).
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import {
  epochMilliseconds,
  fakeUpstreamModels,
  heldStream,
  streamPieces,
  tagOfPrompt,
} from './fake-upstream-wire.js';

const chunks = Number(process.argv[2] ?? 20);
const delayMs = Number(process.argv[3] ?? 5);
const pacedPieces = streamPieces(chunks);
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

const usageOf = (count: number) => ({
  prompt_tokens: 12,
  completion_tokens: count,
  total_tokens: 12 + count,
});
/** Held streams' chunk write times by tag, until /bench-emissions takes them. */
let emissions: Record<string, number[]> = {};

// The `instant` model answers at once (the whole stream in one write); the `paced` model writes
// the first content chunk at once and each next one `delayMs` later, as a model decoding would.
async function answer(body: string, response: ServerResponse): Promise<void> {
  const request = JSON.parse(body) as {
    model?: string;
    stream?: boolean;
    messages?: { content?: string }[];
  };
  const held = heldStream(request.model ?? '');
  const paced = held !== undefined || request.model === fakeUpstreamModels.paced;
  const pieces = held ? streamPieces(held.chunks) : pacedPieces;
  const wait = held ? held.delayMs : delayMs;
  const usage = usageOf(pieces.length);
  const tag = held ? tagOfPrompt(request.messages?.at(-1)?.content ?? '') : undefined;
  const written: number[] = [];
  if (tag) emissions[tag] = written;
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
    if (index > 0) await sleep(wait);
    if (response.destroyed) return;
    response.write(chunkEvent({ content: piece }));
    written.push(epochMilliseconds());
  }
  response.end(tail);
}

const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  if (request.method === 'GET' && request.url === '/bench-emissions') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(emissions));
    emissions = {};
    return;
  }
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
