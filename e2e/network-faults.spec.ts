import { expect, test, type Page } from '@playwright/test';
import { openFixture as openFixturePage } from './fixture-page';

// Network faults in Chromium, with the library's worker on. Small stall timeouts keep them
// fast; every assertion is on an outcome (reason, status, request counts), never on time.

const shardPattern = '**/ondevice/models/use-lite/group1-shard1of2.bin';

/** The fixture page with an empty model cache: every test downloads afresh. */
async function openFixture(page: Page) {
  await openFixturePage(page);
  await page.evaluate(() => caches.delete('ondevice-models-v1'));
}

/** Requests of the shard the page (or its worker) made. */
function countShardRequests(page: Page) {
  const seen = { requests: 0, failed: 0 };
  page.context().on('request', (request) => {
    if (request.url().endsWith('/group1-shard1of2.bin')) seen.requests += 1;
  });
  page.context().on('requestfailed', (request) => {
    if (request.url().endsWith('/group1-shard1of2.bin')) seen.failed += 1;
  });
  return seen;
}

test.describe('network faults in Chromium', () => {
  test('a shard that never answers fails as stalled, and the model status is error, not downloading', async ({
    page,
  }) => {
    await page.route(shardPattern, () => {}); // never answered
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const { createClient, ModelLoadError } = window.ondevice;
      const client = createClient({
        modelCache: 'memory',
        network: { stallTimeoutMs: 1000, retries: 1, retryDelayMs: 0 },
      });
      const error = await client
        .embedder()
        .embed('hello')
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      return {
        isLoadError: ModelLoadError.isInstance(error),
        reason: (error as InstanceType<typeof ModelLoadError>).reason,
        url: (error as InstanceType<typeof ModelLoadError>).url,
        status: client.model().getSnapshot().status,
        worker: client.diagnostics().worker.enabled,
      };
    });
    expect(outcome).toMatchObject({
      isLoadError: true,
      reason: 'stalled',
      status: 'error',
      worker: true,
    });
    expect(outcome.url).toMatch(/\/ondevice\/models\/use-lite\/group1-shard1of2.bin$/);
  });

  test('aborting the only caller of a stalled load cancels the download; the status goes back to idle and the next call starts afresh', async ({
    page,
  }) => {
    const seen = countShardRequests(page);
    let stall = true;
    await page.route(shardPattern, (route) => (stall ? undefined : route.continue()));
    await openFixture(page);
    await page.evaluate(() => {
      const client = window.ondevice.createClient({ modelCache: 'memory' });
      const controller = new AbortController();
      const result = client
        .embedder()
        .embed('hello', { signal: controller.signal })
        .then(
          () => 'resolved',
          (error: unknown) =>
            window.ondevice.AbortError.isInstance(error) ? (error as Error).message : 'other',
        );
      Object.assign(window, { stalled: { client, controller, result } });
    });
    await expect.poll(() => seen.requests).toBe(1);
    const aborted = await page.evaluate(async () => {
      const { client, controller, result } = (window as unknown as { stalled: StalledLoad })
        .stalled;
      const before = client.model().getSnapshot().status;
      controller.abort();
      return { before, message: await result, after: client.model().getSnapshot().status };
    });
    expect(aborted).toEqual({
      before: 'downloading',
      message: 'Embedding was aborted.',
      after: 'idle',
    });
    await expect.poll(() => seen.failed).toBe(1); // the worker's fetch was cancelled
    stall = false;
    const again = await page.evaluate(async () => {
      const { client } = (window as unknown as { stalled: StalledLoad }).stalled;
      const { embeddings } = await client.embedder().embed('hello');
      return { length: embeddings[0]?.length, status: client.model().getSnapshot().status };
    });
    expect(again).toEqual({ length: 512, status: 'ready' });
    expect(seen.requests).toBe(2);
  });

  test('a slow download whose bytes keep coming succeeds, with monotonic progress', async ({
    page,
  }) => {
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const client = window.ondevice.createClient({
        assetBaseUrl: '/faulty/trickle/',
        modelCache: 'memory',
        // 16 chunks 300 ms apart: far longer in all than the stall timeout, never silent as long.
        network: { stallTimeoutMs: 2000, retries: 0 },
      });
      const loaded: number[] = [];
      let total = 0;
      const { embeddings } = await client.embedder().embed('hello', {
        onProgress: (status) => {
          if (status.status === 'downloading') {
            loaded.push(status.loaded);
            total = status.total;
          }
        },
      });
      return { length: embeddings[0]?.length, loaded, total };
    });
    expect(outcome.length).toBe(512);
    expectMonotonicToTotal(outcome.loaded, outcome.total);
  });

  test('a connection reset mid-body is retried and succeeds, without counting bytes twice', async ({
    page,
  }) => {
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const client = window.ondevice.createClient({
        assetBaseUrl: `/faulty/reset-once-${Math.random()}/`,
        modelCache: 'memory',
        network: { retryDelayMs: 0 },
      });
      const loaded: number[] = [];
      let total = 0;
      const { embeddings } = await client.embedder().embed('hello', {
        onProgress: (status) => {
          if (status.status === 'downloading') {
            loaded.push(status.loaded);
            total = status.total;
          }
        },
      });
      return { length: embeddings[0]?.length, loaded, total };
    });
    expect(outcome.length).toBe(512);
    expectMonotonicToTotal(outcome.loaded, outcome.total);
  });

  test('a connection reset before the answer is retried and succeeds', async ({ page }) => {
    const seen = countShardRequests(page);
    let resets = 1;
    await page.route(shardPattern, (route) =>
      resets-- > 0 ? route.abort('connectionreset') : route.continue(),
    );
    await openFixture(page);
    const length = await page.evaluate(async () => {
      const client = window.ondevice.createClient({
        modelCache: 'memory',
        network: { retryDelayMs: 0 },
      });
      return (await client.embedder().embed('hello')).embeddings[0]?.length;
    });
    expect(length).toBe(512);
    expect(seen.requests).toBe(2);
  });

  test('an HTTP 503 is retried and succeeds; an HTTP 404 is not retried', async ({ page }) => {
    const seen = countShardRequests(page);
    let unavailable = 1;
    await page.route(shardPattern, (route) =>
      unavailable-- > 0 ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue(),
    );
    await openFixture(page);
    const length = await page.evaluate(async () => {
      const client = window.ondevice.createClient({
        modelCache: 'memory',
        network: { retryDelayMs: 0 },
      });
      return (await client.embedder().embed('hello')).embeddings[0]?.length;
    });
    expect(length).toBe(512);
    expect(seen.requests).toBe(2);

    await page.unroute(shardPattern);
    await page.route(shardPattern, (route) => route.fulfill({ status: 404, body: 'not found' }));
    seen.requests = 0;
    const outcome = await page.evaluate(async () => {
      const client = window.ondevice.createClient({
        modelCache: 'memory',
        network: { retryDelayMs: 0 },
      });
      const error = await client
        .embedder()
        .embed('hello')
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      return {
        reason: (error as { reason?: string }).reason,
        status: (error as { status?: number }).status,
      };
    });
    expect(outcome).toEqual({ reason: 'http', status: 404 });
    expect(seen.requests).toBe(1);
  });

  test('a relative assetBaseUrl works with the worker on (resolved against the page)', async ({
    page,
  }) => {
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const client = window.ondevice.createClient({
        assetBaseUrl: 'ondevice/',
        modelCache: 'memory',
      });
      const { embeddings, backend } = await client.embedder().embed('hello');
      return {
        length: embeddings[0]?.length,
        backend,
        worker: client.diagnostics().worker.enabled,
      };
    });
    expect(outcome).toEqual({ length: 512, backend: 'wasm', worker: true });
  });

  test('after one visit the wasm binary comes from the model cache: offline, the backend is still wasm', async ({
    page,
  }) => {
    await openFixture(page);
    const first = await page.evaluate(async () => {
      const client = window.ondevice.createClient({ rememberBackend: false });
      return (await client.embedder().embed('hello')).backend;
    });
    expect(first).toBe('wasm');
    const blocked: string[] = [];
    await page.route('**/ondevice/**', (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const second = await page.evaluate(async () => {
      const client = window.ondevice.createClient({ rememberBackend: false });
      const { backend } = await client.embedder().embed('hello again');
      return { backend, cache: client.diagnostics().modelCache?.storage };
    });
    expect(blocked).toEqual([]);
    expect(second).toEqual({ backend: 'wasm', cache: 'cache-api' });
  });
});

interface StalledLoad {
  client: ReturnType<Window['ondevice']['createClient']>;
  controller: AbortController;
  result: Promise<string>;
}

function expectMonotonicToTotal(loaded: number[], total: number) {
  expect(total).toBeGreaterThan(0);
  expect(loaded.every((value, index) => value >= (loaded[index - 1] ?? 0))).toBe(true);
  expect(loaded.at(-1)).toBe(total);
  // Reached once, at the very end: a retried file's bytes were not counted twice.
  expect(loaded.filter((value) => value === total)).toHaveLength(1);
}
