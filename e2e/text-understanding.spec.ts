import { expect, test } from '@playwright/test';
import { openFixture } from './fixture-page';

const labels = [
  { id: 'billing', descriptions: ['invoice, payment, refund or charge'] },
  { id: 'login', descriptions: ['password, sign in or account access problem'] },
  { id: 'bug', descriptions: ['something is broken, an error or a crash'] },
];

test.describe('text understanding in Chromium (worker)', () => {
  test('sentiment runs in the worker with explanations', async ({ page }) => {
    await openFixture(page);
    const result = await page.evaluate(async () => {
      const client = window.ondevice.createClient();
      const sentiment = client.sentiment();
      const [good, bad] = await sentiment.analyze(
        ['This product is wonderful, the team loves it.', 'Terrible support, we are cancelling.'],
        { explain: true },
      );
      return { good, bad, worker: client.diagnostics().worker.enabled };
    });
    expect(result.worker).toBe(true);
    expect(result.good?.label).toBe('positive');
    expect(result.bad?.label).toBe('negative');
    const spans = result.bad?.explanation?.spans ?? [];
    expect(spans.length).toBeGreaterThan(3);
    const strongest = [...spans].sort((a, b) => b.weight - a.weight)[0];
    expect(['Terrible', 'cancelling', 'cancelling.']).toContain(strongest?.text);
  });

  test('a teachable classifier persists in IndexedDB across a reload', async ({ page }) => {
    await openFixture(page);
    await page.evaluate(async (labels) => {
      const classifier = window.ondevice.createClient().teachable({ id: 'e2e-persist', labels });
      await classifier.learn({ text: 'I was charged twice this month', label: 'billing' });
      await classifier.learn({ text: 'The export button throws an error', label: 'bug' });
    }, labels);
    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const state = await page.evaluate(async (labels) => {
      const classifier = window.ondevice.createClient().teachable({ id: 'e2e-persist', labels });
      const prediction = await classifier.predict('Why did you bill my card two times?');
      return { snapshot: classifier.getSnapshot(), prediction };
    }, labels);
    expect(state.snapshot.storage).toBe('indexeddb');
    expect(state.snapshot.examples.map((example) => example.label).sort()).toEqual([
      'billing',
      'bug',
    ]);
    expect(state.prediction.label).toBe('billing');
  });

  test('a classifier exported in one browser session predicts identically when imported in another', async ({
    browser,
  }) => {
    const queries = [
      'Refund my last invoice',
      'I cannot sign in',
      'The app crashes on start',
      'Nice weather today',
    ];
    const first = await browser.newContext();
    const firstPage = await first.newPage();
    await openFixture(firstPage);
    const { exported, predictions } = await firstPage.evaluate(
      async ({ labels, queries }) => {
        const classifier = window.ondevice.createClient().teachable({ id: 'e2e-export', labels });
        await classifier.learn([
          { text: 'I was charged twice', label: 'billing' },
          { text: 'Where is my invoice for March?', label: 'billing' },
          { text: 'Password reset link does not work', label: 'login' },
          { text: 'I am locked out of my account', label: 'login' },
          { text: 'The dashboard shows a 500 error', label: 'bug' },
          { text: 'Saving a report crashes the page', label: 'bug' },
        ]);
        return {
          exported: await classifier.export(),
          predictions: await classifier.predict(queries),
        };
      },
      { labels, queries },
    );
    await first.close();

    const second = await browser.newContext();
    const secondPage = await second.newPage();
    await openFixture(secondPage);
    const imported = await secondPage.evaluate(
      async ({ exported, queries }) => {
        const classifier = window.ondevice.createClient().teachable({ id: 'e2e-export' });
        await classifier.import(JSON.parse(JSON.stringify(exported)));
        return classifier.predict(queries);
      },
      { exported, queries },
    );
    await second.close();
    expect(imported.map((prediction) => prediction.labels)).toEqual(
      predictions.map((prediction) => prediction.labels),
    );
    expect(imported.map((prediction) => prediction.unsure)).toEqual(
      predictions.map((prediction) => prediction.unsure),
    );
  });

  test('import rejects malformed data with a typed error that crosses the worker', async ({
    page,
  }) => {
    await openFixture(page);
    const outcome = await page.evaluate(async () => {
      const classifier = window.ondevice.createClient().teachable({ id: 'e2e-bad-import' });
      try {
        await classifier.import({ format: 'ondevice.teachable', version: 99 });
        return null;
      } catch (error) {
        return {
          isOnDevice: window.ondevice.OnDeviceError.isInstance(error),
          code: (error as { code?: string }).code,
          message: String((error as Error).message),
        };
      }
    });
    expect(outcome?.isOnDevice).toBe(true);
    expect(outcome?.code).toBe('invalid-classifier-data');
    expect(outcome?.message).toMatch(/version/);
  });
});
