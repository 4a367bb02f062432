import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake upstream received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** Set when the proxy closed the connection before the answer ended. */
  aborted: boolean;
}

/** How the fake answers one request; the next in the queue answers the next request. */
export type FakeReply = (
  request: RecordedRequest,
  response: ServerResponse,
) => void | Promise<void>;

/** A fake provider on 127.0.0.1: replies are taken from a queue, the last one repeats. */
export interface FakeUpstreamServer {
  url: string;
  requests: RecordedRequest[];
  reply(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

/** Starts a fake upstream on a random loopback port. */
export async function startFakeUpstreamServer(): Promise<FakeUpstreamServer> {
  const queue: FakeReply[] = [];
  let last: FakeReply | undefined;
  const requests: RecordedRequest[] = [];
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const request: RecordedRequest = {
      method: incoming.method ?? '',
      url: incoming.url ?? '',
      headers: incoming.headers,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      aborted: false,
    };
    requests.push(request);
    response.on('close', () => {
      if (!response.writableFinished) request.aborted = true;
    });
    const reply = queue.shift() ?? last;
    if (reply) last = reply;
    if (!reply) {
      response.writeHead(500).end();
      return;
    }
    await reply(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `body` in pieces of `every` bytes (splitting lines and UTF-8 characters), pausing between them. */
export async function writeInPieces(
  response: ServerResponse,
  body: string,
  options: { every?: number; pauseMs?: number } = {},
): Promise<void> {
  const bytes = Buffer.from(body, 'utf8');
  const every = options.every ?? 7;
  for (let start = 0; start < bytes.length; start += every) {
    if (response.destroyed) return;
    response.write(bytes.subarray(start, start + every));
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 0));
  }
}

/** An error status with a provider-style body (that quotes a key, as OpenAI's 401 does). */
export function statusReply(status: number, headers: Record<string, string> = {}): FakeReply {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(
      JSON.stringify({
        error: {
          message: 'Incorrect API key provided: sk-upstream-secret',
          type: 'invalid_request_error',
        },
      }),
    );
  };
}

/** Never answers (a hung upstream). */
export const hangingReply: FakeReply = () => new Promise<void>(() => undefined);
