// Test helper (named *.test.* so the package never ships it).
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

import { builtInManifests } from '../models/registry.js';

const require = createRequire(import.meta.url);
/** Where each built-in model file is on disk, by its manifest path. */
const filesOnDisk = new Map(
  builtInManifests.flatMap((manifest) =>
    manifest.files.map((file) => [
      file.path,
      path.join(
        path.dirname(require.resolve(`${file.source.package}/package.json`)),
        file.source.file,
      ),
    ]),
  ),
);

/**
 * What the server does with one file:
 * - `corrupt`: flips a byte; `missing`: 404; `html`: 200 with an HTML page;
 * - `stall`: never answers; `stall-mid`: sends half the body, then nothing (socket kept open);
 * - `hold`: answers normally once {@link AssetServer.release} is called;
 * - `trickle`: sends the body in 12 chunks, 150 ms apart;
 * - `reset-once`: the first request gets half the body, then the socket is destroyed;
 * - `503-once`: the first request gets HTTP 503.
 */
export type AssetFault =
  | 'corrupt'
  | 'missing'
  | 'html'
  | 'stall'
  | 'stall-mid'
  | 'hold'
  | 'trickle'
  | 'reset-once'
  | '503-once';

/**
 * A real HTTP asset server on loopback serving the built-in models' files under `/assets/`, with
 * per-file faults (keyed by file name) and counts of requests, and of requests the client closed early.
 *
 * @example
 * const server = await startAssetServer()
 * server.faults.set('group1-shard1of2.bin', 'stall')
 * createClient({ assetBaseUrl: server.baseUrl })
 */
export interface AssetServer {
  /** Base URL to give as `assetBaseUrl`. */
  readonly baseUrl: string;
  readonly faults: Map<string, AssetFault>;
  /** Requests received, by file name. */
  readonly requests: Map<string, number>;
  /** Requests the client gave up on (closed) before the whole body was sent, by file name. */
  readonly abandoned: Map<string, number>;
  /** Lets held requests (`hold`) answer. */
  release(): void;
  /** Clears faults and counts. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts an {@link AssetServer} on 127.0.0.1 with a free port. */
export async function startAssetServer(): Promise<AssetServer> {
  const faults = new Map<string, AssetFault>();
  const requests = new Map<string, number>();
  const abandoned = new Map<string, number>();
  let held: (() => void)[] = [];
  const bump = (counts: Map<string, number>, name: string) =>
    counts.set(name, (counts.get(name) ?? 0) + 1);

  const serve = async (filePath: string, request: IncomingMessage, response: ServerResponse) => {
    const name = filePath.split('/').pop() ?? '';
    const fault = faults.get(name);
    const count = bump(requests, name).get(name) ?? 0;
    response.on('close', () => {
      if (!response.writableFinished) bump(abandoned, name);
    });
    if (fault === 'missing') return void response.writeHead(404).end('not found');
    if (fault === 'html')
      return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html>');
    if (fault === 'stall') return;
    if (fault === '503-once' && count === 1) return void response.writeHead(503).end('unavailable');
    if (fault === 'hold') await new Promise<void>((resolve) => held.push(resolve));
    let bytes: Buffer;
    try {
      const onDisk = filesOnDisk.get(filePath);
      if (onDisk === undefined) return void response.writeHead(404).end();
      bytes = await readFile(onDisk);
    } catch {
      return void response.writeHead(404).end();
    }
    if (fault === 'corrupt') bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': bytes.byteLength,
    });
    const half = bytes.subarray(0, Math.floor(bytes.byteLength / 2));
    if (fault === 'stall-mid') return void response.write(half);
    if (fault === 'reset-once' && count === 1) {
      response.write(half, () => setTimeout(() => request.socket.destroy(), 50));
      return;
    }
    if (fault === 'trickle') {
      const size = Math.ceil(bytes.byteLength / 12);
      for (let start = 0; start < bytes.byteLength; start += size) {
        if (request.socket.destroyed) return;
        response.write(bytes.subarray(start, start + size));
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      return void response.end();
    }
    response.end(bytes);
  };

  const server = createServer((request, response) => {
    const pathname = (request.url ?? '').split('?')[0] ?? '';
    void serve(pathname.replace(/^\/assets\//, ''), request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const release = () => {
    const waiting = held;
    held = [];
    for (const resolve of waiting) resolve();
  };
  return {
    baseUrl: `http://127.0.0.1:${port}/assets/`,
    faults,
    requests,
    abandoned,
    release,
    reset() {
      faults.clear();
      requests.clear();
      abandoned.clear();
    },
    close() {
      release();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
