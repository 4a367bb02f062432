// Test helper (named *.test.* so the package never ships it).
import { connect } from 'node:net';

/**
 * What came back on a raw TCP connection: the status of the first response line (0 when the
 * server closed without answering), its headers (lower-cased names) and body, all as text.
 *
 * @example
 * const answer: RawAnswer = { status: 400, headers: {}, body: '', text: 'HTTP/1.1 400 Bad Request…' }
 */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything received. */
  text: string;
}

/**
 * Writes `bytes` to `host:port` as they are (no HTTP client between them, so malformed requests,
 * smuggling and header injection reach the server's parser) and reads the answer: until the
 * first response is complete (by `Content-Length` or the last chunk), the server closes, or
 * `idleMs` pass without data.
 *
 * @example
 * const answer = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
 */
export function rawRequest(
  port: number,
  bytes: string | Uint8Array,
  options: { host?: string; idleMs?: number } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: options.host ?? '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(parseAnswer(Buffer.concat(chunks).toString('latin1')));
    };
    socket.setTimeout(options.idleMs ?? 1_000, finish);
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => {
      socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (isComplete(Buffer.concat(chunks).toString('latin1'))) finish();
    });
  });
}

function split(text: string): { head: string; body: string } | undefined {
  const end = text.indexOf('\r\n\r\n');
  return end < 0 ? undefined : { head: text.slice(0, end), body: text.slice(end + 4) };
}

function headersOf(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function isComplete(text: string): boolean {
  const parts = split(text);
  if (!parts) return false;
  const headers = headersOf(parts.head);
  if (headers['content-length'] !== undefined)
    return Buffer.byteLength(parts.body, 'latin1') >= Number(headers['content-length']);
  if (headers['transfer-encoding']?.includes('chunked')) return parts.body.endsWith('0\r\n\r\n');
  return false;
}

function parseAnswer(text: string): RawAnswer {
  const parts = split(text);
  const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(text)?.[1] ?? 0);
  if (!parts) return { status, headers: {}, body: '', text };
  const headers = headersOf(parts.head);
  let body = parts.body;
  if (headers['transfer-encoding']?.includes('chunked')) body = dechunk(body);
  // The bytes were read as latin1; JSON bodies are UTF-8.
  return { status, headers, body: Buffer.from(body, 'latin1').toString('utf8'), text };
}

function dechunk(body: string): string {
  let rest = body;
  let out = '';
  for (;;) {
    const line = rest.indexOf('\r\n');
    if (line < 0) return out;
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (!Number.isFinite(size) || size === 0) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}
