import { expect, test } from '@playwright/test';
import { openFixture } from './fixture-page';
import { urls } from './ports';

test.describe('@ondevice/core in Chromium', () => {
  test("answers on the probe's guess (wasm), measures the backends once idle and says why", async ({
    page,
  }) => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await openFixture(page);
    const result = await page.evaluate(async () => {
      const { createClient, cosineSimilarity } = window.ondevice;
      const client = createClient({ rememberBackend: false });
      const { embeddings, backend, dimensions } = await client
        .embedder()
        .embed(['How do I reset my password?', 'I forgot my password', 'Lunch was great']);
      const [a, b, c] = embeddings as [Float32Array, Float32Array, Float32Array];
      const first = client.diagnostics();
      // Then wait (on the client's state, not a clock) for the measured choice.
      await new Promise<void>((resolve) => {
        const check = () => {
          if (client.diagnostics().backend.selection?.decidedBy === 'measurement') resolve();
        };
        client.subscribe(check);
        check();
      });
      return {
        backend,
        dimensions,
        paraphrase: cosineSimilarity(a, b),
        unrelated: cosineSimilarity(a, c),
        first,
        measured: client.diagnostics(),
        // A new text (not from the cache) on the measured model.
        afterMeasuring: cosineSimilarity(
          (await client.embedder().embed(['How can I reset my password?']))
            .embeddings[0] as Float32Array,
          a,
        ),
      };
    });
    expect(workers.some((url) => url.includes('worker-entry'))).toBe(true);
    expect(result.dimensions).toBe(512);
    expect(result.paraphrase).toBeGreaterThan(result.unrelated + 0.2);
    expect(result.backend).toBe('wasm');
    const guessed = result.first.backend.selection!;
    expect(guessed.decidedBy).toBe('probe');
    const guessedByName = Object.fromEntries(guessed.candidates.map((c) => [c.name, c]));
    expect(guessedByName.wasm?.outcome).toBe('chosen');
    expect(guessedByName.cpu?.outcome).toBe('skipped');
    // SwiftShader is a software renderer: never chosen by default.
    expect(guessedByName.webgl?.outcome).toBe('rejected');
    expect(guessedByName.webgl?.reason).toMatch(/software renderer/);
    const selection = result.measured.backend.selection!;
    const byName = Object.fromEntries(selection.candidates.map((c) => [c.name, c]));
    expect(selection.chosen).toBe('wasm');
    expect(byName.wasm?.outcome).toBe('chosen');
    expect(byName.wasm?.sentencesPerSecond).toBeGreaterThan(0);
    expect(byName.cpu?.outcome).toMatch(/measured|skipped/);
    expect(result.measured.worker.enabled).toBe(true);
    expect(result.measured.modelCache?.storage).toBe('cache-api');
    // How long the measurement took is a bench figure (npm run bench, (c)), not a test's.
    expect(selection.milliseconds).toBeGreaterThan(0);
    // The model still answers after the measurement.
    expect(result.afterMeasuring).toBeGreaterThan(result.unrelated + 0.2);
  });

  test('remembers the measured backend per device and model', async ({ page }) => {
    await openFixture(page);
    const decidedBy = await page.evaluate(async () => {
      const first = window.ondevice.createClient();
      await first.embedder().embed('one');
      await new Promise<void>((resolve) => {
        const check = () => {
          if (first.diagnostics().backend.selection?.decidedBy === 'measurement') resolve();
        };
        first.subscribe(check);
        check();
      });
      first.dispose();
      const second = window.ondevice.createClient();
      await second.embedder().embed('two');
      return [
        first.diagnostics().backend.selection?.decidedBy,
        second.diagnostics().backend.selection?.decidedBy,
      ];
    });
    expect(decidedBy).toEqual(['measurement', 'remembered']);
  });

  test('errors cross the worker boundary as their own classes', async ({ page }) => {
    await page.route('**/no-such-assets/**', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const { createClient, ModelLoadError, OnDeviceError } = window.ondevice;
      const client = createClient({ assetBaseUrl: '/no-such-assets/', modelCache: 'memory' });
      try {
        await client.embedder().embed('hello');
        return null;
      } catch (error) {
        return {
          isLoadError: ModelLoadError.isInstance(error),
          isOnDevice: OnDeviceError.isInstance(error),
          code: (error as InstanceType<typeof ModelLoadError>).code,
          url: (error as InstanceType<typeof ModelLoadError>).url,
          status: (error as InstanceType<typeof ModelLoadError>).status,
          status2: client.model().getSnapshot().status,
        };
      }
    });
    expect(outcome).toMatchObject({
      isLoadError: true,
      isOnDevice: true,
      code: 'model-load',
      status: 404,
      status2: 'error',
    });
    expect(outcome?.url).toContain('/no-such-assets/models/use-lite/');
  });

  test('an HTML answer where a model file should be (SPA fallback) is a ModelLoadError saying so', async ({
    page,
  }) => {
    await openFixture(page);
    const message = await page.evaluate(async () => {
      const client = window.ondevice.createClient({
        assetBaseUrl: '/not-the-asset-base/',
        modelCache: 'memory',
      });
      return client
        .embedder()
        .embed('hello')
        .then(
          () => 'resolved',
          (error: unknown) =>
            window.ondevice.ModelLoadError.isInstance(error)
              ? error.message
              : `other: ${String(error)}`,
        );
    });
    expect(message).toContain('HTML page');
  });

  test('a corrupted weight shard fails with ModelIntegrityError naming the file', async ({
    page,
  }) => {
    await page.route('**/ondevice/models/use-lite/group1-shard2of2.bin', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/octet-stream',
        body: Buffer.alloc(4_194_304, 7),
      }),
    );
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const { createClient, ModelIntegrityError } = window.ondevice;
      await caches.delete('ondevice-models-v1');
      const client = createClient({ modelCache: 'memory' });
      try {
        await client.embedder().embed('hello');
        return null;
      } catch (error) {
        const integrity = error as InstanceType<typeof ModelIntegrityError>;
        return {
          is: ModelIntegrityError.isInstance(error),
          url: integrity.url,
          expected: integrity.expectedSha256,
        };
      }
    });
    expect(outcome?.is).toBe(true);
    expect(outcome?.url).toContain('group1-shard2of2.bin');
    expect(outcome?.expected).toMatch(/^[0-9a-f]{64}$/);
  });

  test('an AbortSignal cancels queued work with a typed AbortError; other calls still finish', async ({
    page,
  }) => {
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const { createClient, AbortError } = window.ondevice;
      const embedder = createClient().embedder({ cacheSize: 0 });
      await embedder.load();
      await embedder.embed('warm up');
      const controller = new AbortController();
      const many = Array.from({ length: 600 }, (_, index) => `cancel me please, sentence ${index}`);
      const cancelled = embedder.embed(many, { signal: controller.signal });
      const other = embedder.embed(['this one should still finish']);
      setTimeout(() => controller.abort(new Error('user navigated away')), 30);
      const started = performance.now();
      const results = await Promise.allSettled([cancelled, other]);
      const first = results[0];
      return {
        cancelledIsAbort: first.status === 'rejected' && AbortError.isInstance(first.reason),
        otherOk: results[1].status === 'fulfilled',
        milliseconds: performance.now() - started,
      };
    });
    expect(outcome.cancelledIsAbort).toBe(true);
    expect(outcome.otherOk).toBe(true);
  });

  test('when the worker dies the call fails with WorkerCrashedError and the next call starts a new worker', async ({
    page,
  }) => {
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const { createClient, WorkerCrashedError } = window.ondevice;
      const client = createClient({ createWorker: window.fixtures.crashOnceWorkerFactory() });
      const embedder = client.embedder();
      let firstError: unknown;
      try {
        await embedder.embed('this request meets a dying worker');
      } catch (error) {
        firstError = error;
      }
      const second = await embedder.embed('and this one a fresh worker');
      return {
        crashed: WorkerCrashedError.isInstance(firstError),
        message: String((firstError as Error | undefined)?.message),
        secondLength: second.embeddings[0]?.length,
        worker: client.diagnostics().worker,
      };
    });
    expect(outcome.crashed).toBe(true);
    expect(outcome.message).toContain('simulated out-of-memory');
    expect(outcome.secondLength).toBe(512);
    expect(outcome.worker.restarts).toBe(1);
    expect(outcome.worker.lastFailure).toContain('simulated out-of-memory');
  });

  test('over storage quota, the model cache falls back to memory and diagnostics say why', async ({
    page,
  }) => {
    await openFixture(page);
    await page.evaluate(() => caches.delete('ondevice-models-v1'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: urls.fixture,
      quotaSize: 100_000,
    });
    const outcome = await page.evaluate(async () => {
      const client = window.ondevice.createClient();
      const { embeddings } = await client
        .embedder()
        .embed('still works without persistent storage');
      return { length: embeddings[0]?.length, cache: client.diagnostics().modelCache };
    });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: urls.fixture });
    expect(outcome.length).toBe(512);
    expect(outcome.cache?.storage).toBe('memory');
    expect(outcome.cache?.reason).toMatch(/quota/i);
  });
});
