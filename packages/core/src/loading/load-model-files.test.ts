import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ModelIntegrityError,
  ModelLoadError,
  createClient,
  getModelManifest,
  manifestBytes,
} from '../index.js';
import { type AssetServer, startAssetServer } from '../test-support/asset-server.test.support.js';

const manifest = getModelManifest('use-lite');

// A real HTTP asset server on loopback: serves the weights, and can corrupt or drop a file.
let server: AssetServer;
let faults: AssetServer['faults'];
beforeAll(async () => {
  server = await startAssetServer();
  faults = server.faults;
});
afterAll(() => server.close());

// Files are served flat; the manifest paths are models/use-lite/<name>, so route by file name.
const client = (options = {}) =>
  createClient({ backend: 'wasm', assetBaseUrl: server.baseUrl, modelCache: 'memory', ...options });

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
    faults.set('group1-shard2of2.bin', 'corrupt');
    const error = await client()
      .embedder()
      .embed('x')
      .catch((caught: unknown) => caught);
    expect(ModelIntegrityError.isInstance(error)).toBe(true);
    expect((error as ModelIntegrityError).url).toContain('group1-shard2of2.bin');
    expect((error as ModelIntegrityError).expectedSha256).toBe(
      manifest.files.find((file) => file.path.endsWith('group1-shard2of2.bin'))?.sha256,
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
    expect(error).toMatchObject({ status: 404, reason: 'http' });
    expect((error as ModelLoadError).url).toMatch(/\/assets\/models\/use-lite\/vocab\.json$/);
  });

  it('fails with ModelLoadError when nothing listens (network failure), and the model status says error', async () => {
    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      modelCache: 'memory',
      network: { retryDelayMs: 0 },
    });
    const error = await offline
      .embedder()
      .embed('x')
      .catch((caught: unknown) => caught);
    expect(ModelLoadError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: undefined, reason: 'network' });
    expect(offline.model().getSnapshot().status).toBe('error');
  });

  it('retries a failed load on the next call once the fault is gone', async () => {
    faults.clear();
    faults.set('model.json', 'html');
    const flaky = client();
    await expect(flaky.embedder().embed('x')).rejects.toMatchObject({
      reason: 'not-a-model-file',
      message: expect.stringMatching(/HTML page/),
    });
    faults.clear();
    expect((await flaky.embedder().embed('x')).embeddings).toHaveLength(1);
    expect(flaky.model().getSnapshot().status).toBe('ready');
  });
});
