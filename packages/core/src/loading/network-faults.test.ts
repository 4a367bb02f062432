import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  type ClientOptions,
  InvalidInputError,
  ModelLoadError,
  type ModelStatus,
  createClient,
  getModelManifest,
  manifestBytes,
} from '../index.js';
import { type AssetServer, startAssetServer } from '../test-support/asset-server.test.support.js';
import { InProcessWorker } from '../test-support/in-process-worker.test.support.js';
import { loadAssetFile } from './load-asset-file.js';
import { createModelFileCache } from './model-cache.js';
import { defaultNetworkOptions } from './network-options.js';

const total = manifestBytes(getModelManifest('use-lite'));
const shard = 'group1-shard1of2.bin';

let server: AssetServer;
beforeAll(async () => {
  server = await startAssetServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

const client = (options: ClientOptions = {}) =>
  createClient({
    backend: 'wasm',
    worker: false,
    assetBaseUrl: server.baseUrl,
    modelCache: 'memory',
    ...options,
    network: { retryDelayMs: 0, ...options.network },
  });

/** Every `downloading` byte count a load reports. */
function recordProgress() {
  const loaded: number[] = [];
  return {
    loaded,
    onProgress: (status: ModelStatus) => {
      if (status.status === 'downloading') {
        expect(status.total).toBe(total);
        loaded.push(status.loaded);
      }
    },
  };
}

function expectMonotonicToTotal(loaded: number[]) {
  expect(loaded.every((value, index) => value >= (loaded[index - 1] ?? 0))).toBe(true);
  expect(Math.max(...loaded)).toBe(total);
  // Reached once, at the very end: a retried file's bytes were not counted twice.
  expect(loaded.filter((value) => value === total)).toHaveLength(1);
  expect(loaded.at(-1)).toBe(total);
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('network faults', () => {
  it('a file that never answers fails as stalled after its retries, and the model status says error', async () => {
    server.faults.set(shard, 'stall');
    // Two retries: a file other than the shard slowed past 300 ms by a busy machine gets another try.
    const stalled = client({ network: { stallTimeoutMs: 300, retries: 2, retryDelayMs: 10 } });
    const error = await failure(stalled.embedder().embed('x'));
    expect(ModelLoadError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'stalled', code: 'model-load' });
    expect((error as ModelLoadError).url).toMatch(new RegExp(`${shard}$`));
    expect((error as ModelLoadError).message).toMatch(/stalled: no bytes arrived for 300 ms/);
    expect(server.requests.get(shard)).toBe(3); // the first try and two retries
    expect(stalled.model().getSnapshot().status).toBe('error');
  });

  it('a body that stops halfway fails as stalled', async () => {
    server.faults.set(shard, 'stall-mid');
    // Retries, so that another file slowed by a busy machine (300 ms is short) gets a second try
    // and the failure is the shard's: every try of it stops at the same byte.
    const error = await failure(
      client({ network: { stallTimeoutMs: 300, retries: 2, retryDelayMs: 10 } })
        .embedder()
        .embed('x'),
    );
    expect(error).toMatchObject({ reason: 'stalled' });
    expect((error as ModelLoadError).url).toMatch(new RegExp(`${shard}$`));
    expect((error as ModelLoadError).message).toMatch(/\(2097152 bytes in\)/);
  });

  it('a slow download whose bytes keep coming succeeds, with monotonic progress', async () => {
    server.faults.set(shard, 'trickle'); // 12 chunks 150 ms apart: longer than the stall timeout
    const progress = recordProgress();
    const slow = client({ network: { stallTimeoutMs: 1000, retries: 0 } });
    const { embeddings } = await slow.embedder().embed('x', { onProgress: progress.onProgress });
    expect(embeddings[0]).toHaveLength(512);
    expect(server.requests.get(shard)).toBe(1);
    expectMonotonicToTotal(progress.loaded);
  });

  it('a connection reset mid-body is retried, and the bytes of the broken try are not counted twice', async () => {
    server.faults.set(shard, 'reset-once');
    const progress = recordProgress();
    const { embeddings } = await client()
      .embedder()
      .embed('x', { onProgress: progress.onProgress });
    expect(embeddings[0]).toHaveLength(512);
    expect(server.requests.get(shard)).toBe(2);
    expectMonotonicToTotal(progress.loaded);
  });

  it('an HTTP 503 is retried', async () => {
    server.faults.set('vocab.json', '503-once');
    const { embeddings } = await client().embedder().embed('x');
    expect(embeddings[0]).toHaveLength(512);
    expect(server.requests.get('vocab.json')).toBe(2);
  });

  it('an HTTP 404 is not retried', async () => {
    server.faults.set('vocab.json', 'missing');
    const error = await failure(client().embedder().embed('x'));
    expect(error).toMatchObject({ reason: 'http', status: 404 });
    expect(server.requests.get('vocab.json')).toBe(1);
  });

  it('a load over its load timeout fails with reason timeout and stops its downloads', async () => {
    server.faults.set(shard, 'stall');
    const slow = client({ network: { loadTimeoutMs: 300, stallTimeoutMs: 60_000 } });
    const error = await failure(slow.embedder().embed('x'));
    expect(error).toMatchObject({ reason: 'timeout', code: 'model-load' });
    expect((error as ModelLoadError).message).toMatch(
      /took longer than the load timeout of 300 ms/,
    );
    await vi.waitFor(() => expect(server.abandoned.get(shard)).toBe(1));
    expect(slow.model().getSnapshot().status).toBe('error');
  });

  it('a file missing from node_modules is a ModelLoadError with reason unreadable', async () => {
    const manifest = getModelManifest('use-lite');
    const broken = {
      ...manifest,
      id: 'use-lite-missing',
      files: manifest.files.map((file) => ({
        ...file,
        source: { package: 'no-such-package-ondevice', file: file.source.file },
      })),
    };
    const error = await failure(
      createClient({ worker: false, backend: 'wasm', models: [broken] })
        .embedder({ model: 'use-lite-missing' })
        .embed('x'),
    );
    expect(error).toMatchObject({ reason: 'unreadable', code: 'model-load' });
  });
});

describe('runtime files outside a manifest (wasm binaries)', () => {
  const network = { ...defaultNetworkOptions, retryDelayMs: 0 };
  it('are retried, cached under their version, and refused when they are not what was expected', async () => {
    server.faults.set('vocab.json', '503-once');
    const cache = createModelFileCache({ persistent: false });
    const url = `${server.baseUrl}models/use-lite/vocab.json`;
    const read = () => loadAssetFile({ url, version: 'v1', cache, network });
    const first = await read();
    expect(server.requests.get('vocab.json')).toBe(2); // the 503, then the file
    expect(await read()).toEqual(first);
    expect(server.requests.get('vocab.json')).toBe(2); // the second read came from the cache
    const refused = await failure(
      loadAssetFile({ url, version: 'v2', cache, network, isValid: (bytes) => bytes[0] === 0 }),
    );
    expect(refused).toMatchObject({ reason: 'not-a-model-file', url });
  });
});

describe('aborting a load', () => {
  for (const mode of ['in-thread', 'worker'] as const) {
    const options = (): ClientOptions =>
      mode === 'worker'
        ? {
            worker: true,
            createWorker: () => new InProcessWorker() as unknown as Worker,
          }
        : { worker: false };

    it(`(${mode}) cancels the download when its only caller aborts; status goes back to idle and the next call starts afresh`, async () => {
      vi.stubGlobal('Worker', InProcessWorker);
      try {
        server.faults.set(shard, 'stall');
        const aborting = client(options());
        const controller = new AbortController();
        const pending = failure(aborting.embedder().embed('x', { signal: controller.signal }));
        await vi.waitFor(() => expect(server.requests.get(shard)).toBe(1));
        expect(aborting.model().getSnapshot().status).toBe('downloading');
        controller.abort();
        const error = await pending;
        expect(AbortError.isInstance(error)).toBe(true);
        expect((error as AbortError).message).toBe('Embedding was aborted.');
        expect(aborting.model().getSnapshot()).toEqual({ status: 'idle' });
        await vi.waitFor(() => expect(server.abandoned.get(shard)).toBe(1)); // download stopped

        server.faults.clear();
        const { embeddings } = await aborting.embedder().embed('x');
        expect(embeddings[0]).toHaveLength(512);
        expect(server.requests.get(shard)).toBe(2);
        expect(aborting.model().getSnapshot().status).toBe('ready');
        aborting.dispose();
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it(`(${mode}) keeps the download going while another caller still waits`, async () => {
      vi.stubGlobal('Worker', InProcessWorker);
      try {
        server.faults.set(shard, 'hold');
        const shared = client(options());
        const controller = new AbortController();
        const leaving = failure(shared.embedder().embed('one', { signal: controller.signal }));
        const staying = shared.embedder().embed('two');
        await vi.waitFor(() => expect(server.requests.get(shard)).toBe(1));
        controller.abort();
        expect(AbortError.isInstance(await leaving)).toBe(true);
        expect(shared.model().getSnapshot().status).toBe('downloading');
        server.release();
        expect((await staying).embeddings[0]).toHaveLength(512);
        expect(server.requests.get(shard)).toBe(1);
        expect(server.abandoned.get(shard)).toBeUndefined();
        shared.dispose();
      } finally {
        vi.unstubAllGlobals();
      }
    });
  }
});

describe('abort messages name the operation', () => {
  const loaded = createClient({ backend: 'wasm', worker: false });
  beforeAll(() => loaded.model().load());

  it('an embed aborted right after the call, on a loaded model, says embedding', async () => {
    const controller = new AbortController();
    const pending = failure(loaded.embedder().embed('x', { signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).message).toBe('Embedding was aborted.');
  });

  it('a task aborted right after the call, on a loaded model, names the task', async () => {
    const controller = new AbortController();
    const pending = failure(loaded.sentiment().analyze('x', { signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).message).toBe('The sentiment task was aborted.');
  });
});

describe('createClient({ network })', () => {
  it('rejects unknown keys and values out of range, naming the field', () => {
    const invalid = (network: unknown) => {
      try {
        createClient({ network } as ClientOptions);
        return undefined;
      } catch (error) {
        expect(InvalidInputError.isInstance(error)).toBe(true);
        return (error as InvalidInputError).parameter;
      }
    };
    expect(invalid({ stallTimeout: 5 })).toBe('network.stallTimeout');
    expect(invalid({ stallTimeoutMs: 0 })).toBe('network.stallTimeoutMs');
    expect(invalid({ loadTimeoutMs: 1.5 })).toBe('network.loadTimeoutMs');
    expect(invalid({ retries: -1 })).toBe('network.retries');
    expect(invalid({ retryDelayMs: '500' })).toBe('network.retryDelayMs');
    expect(invalid(5)).toBe('network');
    expect(invalid({ retries: 0, retryDelayMs: 0, stallTimeoutMs: 1, loadTimeoutMs: 1 })).toBe(
      undefined,
    );
  });

  it('rejects a relative assetBaseUrl where there is no page to resolve it against', () => {
    expect(() => createClient({ assetBaseUrl: 'ondevice/' })).toThrow(
      expect.objectContaining({ parameter: 'assetBaseUrl' }),
    );
  });
});
