import { expect, test, type Page, type Request } from '@playwright/test';
import { urls } from './ports';

const playground = `${urls.playground}/`;

/** Every request must stay on the local server (blob: and data: URLs are in-page). */
function watchRequests(page: Page) {
  const foreign: string[] = [];
  const modelRequests: string[] = [];
  page.on('request', (request: Request) => {
    const url = request.url();
    if (url.includes('/ondevice/models/')) modelRequests.push(url);
    if (!url.startsWith(playground) && !url.startsWith('blob:') && !url.startsWith('data:'))
      foreign.push(url);
  });
  return { foreign, modelRequests };
}

async function expectHeatmap(page: Page) {
  const cell = page.locator('[data-part="cell"][data-row="0"][data-column="1"]');
  await expect(cell).toHaveText(/^-?\d\.\d\d$/);
  await expect(cell).toHaveAttribute('aria-label', /Similarity of .* and .*: -?\d\.\d\d/);
}

test.describe('playground', () => {
  test('computes embeddings in a worker and shows the heatmap, progress and measured backends', async ({
    page,
  }) => {
    const { foreign } = watchRequests(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(playground);
    const progress = page.getByRole('progressbar', {
      name: 'Universal Sentence Encoder lite',
      exact: true,
    });
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expect(progress).toHaveAttribute('aria-valuetext', /Ready on wasm/);
    await expect(page.getByRole('status').filter({ hasText: 'Model ready' })).toBeVisible();
    await expectHeatmap(page);
    await expect(page.getByTestId('worker')).toHaveText(/Web Worker/);
    await expect(page.getByTestId('chosen-backend')).toHaveText(
      /^wasm \((probe|measurement|remembered)/,
    );
    await expect(page.getByTestId('runtime')).toHaveText('use-lite: tfjs');
    await expect(
      page.getByTestId('backend-candidates').locator('tr[data-outcome="chosen"] th'),
    ).toHaveText('wasm');
    expect(workers.some((url) => url.includes('worker-entry'))).toBe(true);
    expect(foreign).toEqual([]);
  });

  test('reports byte-accurate download progress on the way to ready', async ({ page }) => {
    await page.goto(playground);
    await page.evaluate(() => caches.delete('ondevice-models-v1'));
    const seen: string[] = [];
    await page.exposeFunction('recordProgress', (text: string) => seen.push(text));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const bar = document.querySelector('[data-ondevice-model-progress] [role="progressbar"]');
        const text = bar?.getAttribute('aria-valuetext');
        if (text)
          (window as unknown as { recordProgress(text: string): void }).recordProgress(text);
      }).observe(document, { subtree: true, attributes: true, childList: true });
    });
    await page.reload();
    await expect(
      page.getByRole('progressbar', { name: 'Universal Sentence Encoder lite', exact: true }),
    ).toHaveAttribute('aria-valuenow', '100');
    expect(seen.some((text) => /of 8\.0 MB/.test(text))).toBe(true); // the 8-bit default model
  });

  test('typing new sentences updates the heatmap', async ({ page }) => {
    await page.goto(playground);
    await expectHeatmap(page);
    const input = page.getByLabel('Sentences, one per line');
    await input.fill(
      'The cat sat on the mat.\nA kitten rested on the rug.\nStock markets fell sharply.',
    );
    await expect(page.locator('[data-part="cell"]')).toHaveCount(9);
    const related = Number(
      await page.locator('[data-part="cell"][data-row="0"][data-column="1"]').textContent(),
    );
    const unrelated = Number(
      await page.locator('[data-part="cell"][data-row="0"][data-column="2"]').textContent(),
    );
    expect(related).toBeGreaterThan(unrelated);
  });

  test('after one visit, a reload works with the model and wasm routes blocked (Cache API)', async ({
    page,
  }) => {
    await page.goto(playground);
    await expectHeatmap(page);
    const { modelRequests } = watchRequests(page);
    const blocked: string[] = [];
    await page.route('**/ondevice/**', (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.reload();
    await expect(
      page.getByRole('progressbar', { name: 'Universal Sentence Encoder lite', exact: true }),
    ).toHaveAttribute('aria-valuenow', '100');
    await expectHeatmap(page);
    expect(blocked).toEqual([]);
    expect(modelRequests).toEqual([]);
    // 4 model files and the wasm binary, so the backend is still wasm offline.
    await expect(page.getByTestId('model-cache')).toHaveText(/cache-api, 5 hits/);
    await expect(page.getByTestId('chosen-backend')).toHaveText(/^wasm/);
  });
});

test('the production build computes embeddings in the worker with threaded wasm', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${urls.preview}/`);
  await expect(page.locator('[data-part="cell"][data-row="0"][data-column="1"]')).toHaveText(
    /^-?\d\.\d\d$/,
  );
  await expect(page.getByTestId('chosen-backend')).toHaveText(/^wasm/);
  await expect(page.getByTestId('backend-candidates')).toContainText('threads');
  expect(errors).toEqual([]);
});
