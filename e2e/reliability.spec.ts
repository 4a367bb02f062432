import { expect, test } from '@playwright/test';
import { openFixture } from './fixture-page';

test.describe('bounded work in Chromium (worker)', () => {
  test('an abort of a 100,000-character job frees the worker: the next call runs in the same worker', async ({
    page,
  }) => {
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const { createClient, AbortError } = window.ondevice;
      const client = createClient({ backend: 'wasm' });
      const embedder = client.embedder({ cacheSize: 0 });
      await embedder.embed('warm up');
      const job = Array.from(
        { length: 200 },
        (_, index) => `${index} ${'lorem ipsum '.repeat(42)}`,
      );
      const controller = new AbortController();
      const running = embedder.embed(job, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 200));
      controller.abort();
      const aborted = await running.then(
        () => false,
        (error: unknown) => AbortError.isInstance(error),
      );
      const next = await embedder.embed('new work after the abort');
      const megabyte = await embedder.embed('Our invoices arrive late. '.repeat(40_000));
      return {
        aborted,
        nextLength: next.embeddings[0]?.length,
        megabyteTruncated: megabyte.truncated,
        restarts: client.diagnostics().worker.restarts,
      };
    });
    expect(outcome).toEqual({
      aborted: true,
      nextLength: 512,
      megabyteTruncated: [true],
      restarts: 0,
    });
  });

  test('a worker that does not yield is replaced after a cancel, and diagnostics say so', async ({
    page,
  }) => {
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const { createClient, AbortError } = window.ondevice;
      const client = createClient({ createWorker: window.fixtures.busyOnceWorkerFactory() });
      const embedder = client.embedder();
      // The model loads first (that worker only stops yielding on an embed request).
      await embedder.load();
      const controller = new AbortController();
      const stuck = embedder.embed('this request meets a worker that never yields', {
        signal: controller.signal,
      });
      // Let the request reach the worker, then give up on it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      controller.abort();
      const aborted = await stuck.then(
        () => false,
        (error: unknown) => AbortError.isInstance(error),
      );
      const next = await embedder.embed('and this one a fresh worker');
      return {
        aborted,
        nextLength: next.embeddings[0]?.length,
        worker: client.diagnostics().worker,
      };
    });
    expect(outcome.aborted).toBe(true);
    expect(outcome.nextLength).toBe(512);
    expect(outcome.worker.restarts).toBe(1);
    expect(outcome.worker.lastFailure).toContain('did not answer a cancel');
  });
});
