import { expect, test, type Page } from '@playwright/test';
import { openFixture } from './fixture-page';
import { urls } from './ports';

// Teachable classifiers at rest, in Chromium with the worker on: two tabs over one IndexedDB
// database, a full disk, records written by another version of ondevice.

const labels = [
  { id: 'billing', descriptions: ['invoice, payment, refund or charge'] },
  { id: 'bug', descriptions: ['something is broken, an error or a crash'] },
];

/** Teaches `examples` in the page's classifier `id`; returns its state or the error's fields. */
function learnIn(page: Page, id: string, examples: { text: string; label: string }[]) {
  return page.evaluate(
    async ({ id, labels, examples }) => {
      window.client ??= window.ondevice.createClient();
      const classifier = window.client.teachable({ id, labels });
      try {
        await classifier.learn(examples);
        return { ok: true as const, texts: classifier.getSnapshot().examples.map((e) => e.text) };
      } catch (error) {
        const { code, reason, message } = error as {
          code: string;
          reason?: string;
          message: string;
        };
        return { ok: false as const, code, reason, message };
      }
    },
    { id, labels, examples },
  );
}

/** The texts the page's classifier `id` holds once it has read its storage (no change). */
function textsIn(page: Page, id: string) {
  return page.evaluate(
    async ({ id, labels }) => {
      window.client ??= window.ondevice.createClient();
      const classifier = window.client.teachable({ id, labels });
      return classifier
        .getSnapshot()
        .examples.map((example) => example.text)
        .sort();
    },
    { id, labels },
  );
}

declare global {
  interface Window {
    client?: ReturnType<typeof window.ondevice.createClient>;
  }
}

test.describe('teachable classifiers at rest (IndexedDB, worker on)', () => {
  test('two tabs teaching one classifier keep each other’s examples, and each sees the other’s', async ({
    page,
  }) => {
    const other = await page.context().newPage();
    await Promise.all([openFixture(page), openFixture(other)]);
    await Promise.all([textsIn(page, 'shared'), textsIn(other, 'shared')]);
    const [left, right] = await Promise.all([
      learnIn(page, 'shared', [
        { text: 'I was charged twice', label: 'billing' },
        { text: 'Where is my invoice?', label: 'billing' },
      ]),
      learnIn(other, 'shared', [
        { text: 'The app crashes on start', label: 'bug' },
        { text: 'Export throws an error', label: 'bug' },
      ]),
    ]);
    expect(left.ok && right.ok).toBe(true);
    const all = [
      'Export throws an error',
      'I was charged twice',
      'The app crashes on start',
      'Where is my invoice?',
    ];
    // Each tab learns of the other's commit (BroadcastChannel) and adopts it without an action.
    await expect.poll(() => textsIn(page, 'shared')).toEqual(all);
    await expect.poll(() => textsIn(other, 'shared')).toEqual(all);
    await other.close();
    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const reloaded = await page.evaluate(async (labels) => {
      const classifier = window.ondevice.createClient().teachable({ id: 'shared', labels });
      const prediction = await classifier.predict('Refund the double charge please');
      return {
        texts: classifier
          .getSnapshot()
          .examples.map((e) => e.text)
          .sort(),
        prediction,
      };
    }, labels);
    expect(reloaded.texts).toEqual(all);
    expect(reloaded.prediction.label).toBe('billing');
  });

  test('over the storage quota, a change fails with a typed error and nothing is half-written', async ({
    page,
  }) => {
    await openFixture(page);
    const first = await learnIn(page, 'quota', [
      { text: 'I was charged twice', label: 'billing' },
      { text: 'The app crashes on start', label: 'bug' },
    ]);
    expect(first.ok).toBe(true);
    // A quota just above what the origin uses now: the next write of a few hundred kB is over.
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: urls.fixture,
      quotaSize: usage + 20_000,
    });
    // The browser re-reads the quota every few seconds: write until it bites. Each attempt that
    // succeeds is kept; the one that fails must leave the state as it was just before it.
    let before: string[] = [];
    let failed: Awaited<ReturnType<typeof learnIn>> = { ok: true, texts: [] };
    let attempt = 0;
    await expect
      .poll(
        async () => {
          before = await textsIn(page, 'quota');
          attempt += 1;
          failed = await learnIn(
            page,
            'quota',
            Array.from({ length: 50 }, (_, index) => ({
              text: `Invoice number ${attempt}-${index} was wrong`,
              label: 'billing',
            })),
          );
          return failed.ok;
        },
        { timeout: 60_000, intervals: [250] },
      )
      .toBe(false);
    const after = await page.evaluate(() => {
      const state = window.client!.teachable({ id: 'quota' }).getSnapshot();
      return { texts: state.examples.map((e) => e.text).sort(), status: state.status };
    });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: urls.fixture });
    expect(failed).toMatchObject({
      ok: false,
      code: 'classifier-storage',
      reason: 'quota-exceeded',
    });
    expect(after.texts).toEqual(before);
    expect(after.status).toBe('error');
    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const reopened = await page.evaluate(async (labels) => {
      window.client ??= window.ondevice.createClient();
      const classifier = window.client.teachable({ id: 'quota', labels });
      await classifier.storedRecord();
      const { status, storage, examples } = classifier.getSnapshot();
      return { status, storage, count: examples.length };
    }, labels);
    expect(reopened).toEqual({ status: 'ready', storage: 'indexeddb', count: before.length });
    expect(await textsIn(page, 'quota')).toEqual(before);
  });

  test('a record written by a newer version is kept, refused, exportable, and reset() discards it', async ({
    page,
  }) => {
    await openFixture(page);
    expect(
      (await learnIn(page, 'newer', [{ text: 'I was charged twice', label: 'billing' }])).ok,
    ).toBe(true);
    // Rewrite the stored meta record as a newer ondevice would.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const opening = indexedDB.open('ondevice-teachable');
          opening.onsuccess = () => {
            const transaction = opening.result.transaction('classifier-meta', 'readwrite');
            const metas = transaction.objectStore('classifier-meta');
            const reading = metas.get('newer');
            reading.onsuccess = () => metas.put({ ...reading.result, version: 3 }, 'newer');
            transaction.oncomplete = () => {
              opening.result.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const outcome = await page.evaluate(async (labels) => {
      const classifier = window.ondevice.createClient().teachable({ id: 'newer', labels });
      const stored = (await classifier.storedRecord()) as { meta: { version: number } };
      const state = classifier.getSnapshot();
      const learnt = await classifier.learn({ text: 'new', label: 'bug' }).catch((e) => e);
      const storedAfter = (await classifier.storedRecord()) as { examples: unknown[] };
      await classifier.reset();
      await classifier.learn({ text: 'The app crashes on start', label: 'bug' });
      return {
        status: state.status,
        error: { code: state.error?.code, reason: (state.error as { reason?: string }).reason },
        message: state.error?.message,
        learnt: (learnt as { code?: string }).code,
        storedVersion: stored.meta.version,
        storedExamples: storedAfter.examples.length,
        afterReset: classifier.getSnapshot().examples.map((e) => e.text),
      };
    }, labels);
    expect(outcome).toMatchObject({
      status: 'error',
      error: { code: 'classifier-storage', reason: 'newer-version' },
      learnt: 'classifier-storage',
      storedVersion: 3,
      storedExamples: 1,
      afterReset: ['The app crashes on start'],
    });
    expect(outcome.message).toMatch(/newer version of ondevice/);
  });

  test('a classifier stored by the previous version (one record, database version 1) still opens', async ({
    page,
  }) => {
    await openFixture(page);
    const exported = await page.evaluate(async (labels) => {
      const client = window.ondevice.createClient();
      const source = client.teachable({ id: 'exporter', labels });
      await source.learn([
        { text: 'I was charged twice', label: 'billing' },
        { text: 'The app crashes on start', label: 'bug' },
      ]);
      const data = { ...(await source.export()), id: 'old' };
      client.dispose();
      await new Promise((resolve) => {
        const deleting = indexedDB.deleteDatabase('ondevice-teachable');
        deleting.onsuccess = deleting.onerror = deleting.onblocked = resolve;
      });
      // The previous layout: database version 1, one store, the whole export under its id.
      await new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('ondevice-teachable', 1);
        opening.onupgradeneeded = () => opening.result.createObjectStore('classifiers');
        opening.onsuccess = () => {
          const transaction = opening.result.transaction('classifiers', 'readwrite');
          transaction.objectStore('classifiers').put(data, 'old');
          transaction.oncomplete = () => {
            opening.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      });
      return data;
    }, labels);
    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const state = await page.evaluate(async (labels) => {
      const classifier = window.ondevice.createClient().teachable({ id: 'old', labels });
      const prediction = await classifier.predict('Refund the double charge please');
      await classifier.learn({ text: 'Where is my invoice?', label: 'billing' });
      return {
        status: classifier.getSnapshot().status,
        texts: classifier
          .getSnapshot()
          .examples.map((e) => e.text)
          .sort(),
        prediction: prediction.label,
      };
    }, labels);
    expect(state.status).toBe('ready');
    expect(state.texts).toEqual(
      [...exported.examples.map((example) => example.text), 'Where is my invoice?'].sort(),
    );
    expect(state.prediction).toBe('billing');
  });
});
