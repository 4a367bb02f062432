import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzipAsync = promisify(gzipCallback);

/**
 * What the middleware answers for one URL: a file on disk, or bytes made in memory (a generated
 * `ondevice-files.json`).
 *
 * @example
 * const wasm: ServedAsset = { filePath: '/app/node_modules/x.wasm', contentType: 'application/wasm' }
 */
export type ServedAsset = { contentType: string } & (
  { filePath: string; bytes?: undefined } | { bytes: Uint8Array; filePath?: undefined }
);

const contentTypes: Record<string, string> = {
  '.json': 'application/json',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Type for a file name. Browsers insist on two of them: `application/wasm` for
 * `WebAssembly.instantiateStreaming`, and a JavaScript type for a module import.
 *
 * @example
 * contentTypeOf('ort-wasm-simd-threaded.asyncify.mjs') // 'text/javascript'
 */
export function contentTypeOf(fileName: string): string {
  return contentTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Gzipped bodies by file and version, made once per server (8-bit weights shrink by a quarter). */
const gzipped = new Map<string, Promise<Buffer>>();

/**
 * Answers a GET or HEAD with the asset's bytes, untouched by Vite: an ETag, `no-cache`, gzip when
 * the client accepts it, and `Cross-Origin-Resource-Policy` so a cross-origin isolated page may
 * load it.
 *
 * @example
 * void serveAsset({ filePath, contentType: 'application/wasm' }, request, response, {})
 */
export async function serveAsset(
  asset: ServedAsset,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  try {
    const { size, version } = await describe(asset);
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const etag = `"${version}${gzip ? '-gzip' : ''}"`;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    response.setHeader('Content-Type', asset.contentType);
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader('ETag', etag);
    if (request.headers['if-none-match'] === etag) {
      response.statusCode = 304;
      response.end();
      return;
    }
    if (!gzip) {
      response.setHeader('Content-Length', String(size));
      if (request.method === 'HEAD') return void response.end();
      if (asset.bytes) response.end(asset.bytes);
      else createReadStream(asset.filePath).pipe(response);
      return;
    }
    const key = `${asset.filePath ?? 'memory'}\u0000${version}`;
    let body = gzipped.get(key);
    if (!body) {
      const source = asset.bytes ? Promise.resolve(asset.bytes) : readFile(asset.filePath);
      body = source.then((bytes) => gzipAsync(bytes, { level: 6 }));
      gzipped.set(key, body);
      body.catch(() => gzipped.delete(key));
    }
    const bytes = await body;
    response.setHeader('Content-Encoding', 'gzip');
    response.setHeader('Content-Length', String(bytes.byteLength));
    response.end(request.method === 'HEAD' ? undefined : bytes);
  } catch (error) {
    response.statusCode = 500;
    response.end(
      `ondevice: could not read ${asset.filePath ?? 'a generated file'}: ${String(error)}`,
    );
  }
}

async function describe(asset: ServedAsset): Promise<{ size: number; version: string }> {
  if (asset.bytes) {
    const digest = createHash('sha256').update(asset.bytes).digest('hex').slice(0, 16);
    return { size: asset.bytes.byteLength, version: digest };
  }
  const info = await stat(asset.filePath);
  const version = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`;
  return { size: info.size, version };
}
