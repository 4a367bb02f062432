import { expect, test } from '@playwright/test';
import { openFixture } from './fixture-page';

// The search index and the recommender in Chromium with the worker on: embeddings and the fit run
// in the worker, both persist in IndexedDB and come back after a reload without embedding again.

const articles = [
  {
    id: 'refunds',
    title: 'Refund a payment',
    body: 'Give a customer their money back for a card payment.',
    category: 'billing',
  },
  {
    id: 'invoice-pdf',
    title: 'Download invoices as PDF',
    body: 'Every invoice can be exported as a PDF.',
    category: 'billing',
  },
  {
    id: 'sso',
    title: 'Set up single sign-on',
    body: 'Connect your identity provider with SAML.',
    category: 'security',
  },
  {
    id: 'two-factor',
    title: 'Turn on two-factor authentication',
    body: 'Require a code from an authenticator app.',
    category: 'security',
  },
  {
    id: 'export-csv',
    title: 'Export reports to CSV',
    body: 'Download any report table as a spreadsheet file.',
    category: 'reports',
  },
];

const items = articles.map(({ id, title, body, category }) => ({
  id,
  title,
  text: body,
  tags: [category],
}));
const interactions = Array.from({ length: 30 }, (_, user) => {
  const path = user % 2 === 0 ? ['invoice-pdf', 'refunds', 'export-csv'] : ['sso', 'two-factor'];
  return path.map((itemId, step) => ({ userId: `u${user}`, itemId, timestamp: user * 10 + step }));
}).flat();

test.describe('search index and recommender in the browser (worker, IndexedDB)', () => {
  test('index, search, reload without embedding again', async ({ page }) => {
    await openFixture(page);
    const first = await page.evaluate(async (articles) => {
      const client = window.ondevice.createClient();
      const index = client.searchIndex({
        id: 'help',
        fields: { title: 2, body: 1 },
        facets: ['category'],
      });
      await index.ready();
      const progress: number[] = [];
      await index.add(articles, { onProgress: ({ embedded }) => progress.push(embedded) });
      const result = await index.search('get my money back', { k: 2 });
      return {
        worker: client.diagnostics().worker.enabled,
        progress,
        top: result.hits[0]?.id,
        facets: result.facets,
        stats: index.stats(),
      };
    }, articles);
    expect(first.worker).toBe(true);
    // The keyword (MiniSearch) index runs in a worker of its own, beside the inference worker.
    expect(first.stats.keywordIndex).toBe('worker');
    expect(first.progress.at(-1)).toBe(first.stats.passages);
    expect(first.top).toBe('refunds');
    expect(first.stats.bytesPerDocument).toBeLessThanOrEqual(1024);

    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const again = await page.evaluate(async () => {
      const client = window.ondevice.createClient();
      const index = client.searchIndex({
        id: 'help',
        fields: { title: 2, body: 1 },
        facets: ['category'],
      });
      await index.ready();
      const keyword = await index.search('invoice', { mode: 'keyword' });
      const hybrid = await index.search('get my money back', { k: 2 });
      const computed = client.diagnostics().embedders.reduce((sum, e) => sum + e.textsComputed, 0);
      const suggestions = await index.suggest('inv');
      return {
        size: index.size,
        keyword: keyword.hits[0]?.id,
        top: hybrid.hits[0]?.id,
        computed,
        suggestions,
      };
    });
    // Only the query was embedded after the reload.
    expect(again).toMatchObject({ size: 5, keyword: 'invoice-pdf', top: 'refunds', computed: 1 });
    expect(again.suggestions).toContain('invoice');
  });

  test('the keyword index outlives its worker: rebuilt in a new one, or on the page', async ({
    page,
  }) => {
    await openFixture(page);
    const result = await page.evaluate(async (articles) => {
      const searchOnce = async (index: ReturnType<typeof client.searchIndex>) => {
        const found = await index.search('invoice sign', { mode: 'keyword' });
        return found.hits.map((hit) => [hit.id, hit.score, hit.why.terms]);
      };
      const client = window.ondevice.createClient();
      const index = client.searchIndex({
        id: 'help-rebuilt',
        fields: { title: 2, body: 1 },
        persist: false,
      });
      await index.add(articles);
      await index.remove(['sso']);
      const before = await searchOnce(index);
      // dispose() ends both workers; the index is rebuilt in the client's next keyword worker.
      client.dispose();
      const afterDispose = await searchOnce(index);
      const whereAfterDispose = index.stats().keywordIndex;

      // A keyword worker whose script fails: the index is built on the page instead.
      const RealWorker = window.Worker;
      window.Worker = class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          const broken = 'data:text/javascript,throw new Error("no keyword worker here")';
          super(options?.name === 'ondevice-keyword-search' ? broken : url, options);
        }
      };
      const other = window.ondevice.createClient();
      const onPage = other.searchIndex({
        id: 'help-on-page',
        fields: { title: 2, body: 1 },
        persist: false,
      });
      await onPage.add(articles);
      await onPage.remove(['sso']);
      const fromPage = await searchOnce(onPage);
      const suggestions = await onPage.suggest('auth');
      window.Worker = RealWorker;
      return {
        before,
        afterDispose,
        whereAfterDispose,
        fromPage,
        whereOnPage: onPage.stats().keywordIndex,
        suggestions,
      };
    }, articles);
    expect(result.before.map(([id]) => id)).toEqual(['invoice-pdf']);
    // The same matches and scores every time; the removed document stays removed.
    expect(result.afterDispose).toEqual(result.before);
    expect(result.whereAfterDispose).toBe('worker');
    expect(result.fromPage).toEqual(result.before);
    expect(result.whereOnPage).toBe('thread');
    expect(result.suggestions).toContain('authentication');
  });

  test('fit in the worker, recommend with reasons, reload the fitted model', async ({ page }) => {
    await openFixture(page);
    const first = await page.evaluate(
      async ({ items, interactions }) => {
        const client = window.ondevice.createClient();
        const recommender = client.recommender({ id: 'catalog' });
        await recommender.ready();
        await recommender.addItems(items);
        await recommender.track(interactions);
        const stages = new Set<string>();
        const report = await recommender.fit({ onProgress: ({ stage }) => stages.add(stage) });
        const picks = await recommender.recommend('u0', { k: 2 });
        const session = await recommender.recommendForSession(['sso'], { k: 1 });
        return {
          stages: [...stages],
          users: report.users,
          algorithms: report.validation.byAlgorithm.map((entry) => entry.name),
          picks: picks.map((pick) => [pick.itemId, pick.reason.kind]),
          session: session.map((pick) => [pick.itemId, pick.reason.text]),
        };
      },
      { items, interactions },
    );
    expect(first.stages).toContain('fitting');
    expect(first.users).toBe(30);
    expect(first.algorithms).toContain('ease+transitions+content');
    // u0 read every item of its path: none of them comes back.
    expect(first.picks.map(([id]) => id)).not.toContain('refunds');
    expect(first.picks.length).toBeLessThanOrEqual(2);
    expect(first.session[0]).toEqual(['two-factor', 'Because you viewed "Set up single sign-on"']);

    await page.reload();
    await expect(page.locator('#status')).toHaveText('ready');
    const again = await page.evaluate(async () => {
      const client = window.ondevice.createClient();
      const recommender = client.recommender({ id: 'catalog' });
      await recommender.ready();
      const session = await recommender.recommendForSession(['sso'], { k: 1 });
      const bad = await recommender
        .import({ format: 'ondevice.recommender', version: 1 })
        .catch((error: { code: string; path: string }) => [error.code, error.path]);
      return {
        fitted: recommender.getSnapshot().lastFit !== null,
        session: session.map((pick) => pick.itemId),
        bad,
        interactions: recommender.getSnapshot().interactions,
      };
    });
    expect(again).toEqual({
      fitted: true,
      session: ['two-factor'],
      bad: ['invalid-import', 'id'],
      interactions: 75,
    });
  });
});
