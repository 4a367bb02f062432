import { describe, expect, it } from 'vitest';
import { AbortError, InvalidImportError, InvalidInputError, createClient } from '../index.js';
import type { SearchIndexExport } from '../index.js';
import { defaultLimits } from '../util/limits.js';
import { createMemoryRecordStore } from '../util/record-store.js';
import { createSearchIndex } from './search-index.js';
import { searchSettings } from './search-settings.js';

// Real USE-lite embeddings (tfjs wasm, in-thread in Node); persistence falls back to memory.
const client = createClient({ backend: 'wasm' });

const articles = [
  {
    id: 'refunds',
    title: 'Refund a payment',
    body: 'Give a customer their money back for an invoice they paid by card. Partial refunds are allowed.',
    category: 'billing',
    tags: ['payments'],
  },
  {
    id: 'invoice-pdf',
    title: 'Download invoices as PDF',
    body: 'Every invoice can be exported as a PDF from the billing page.',
    category: 'billing',
    tags: ['invoices', 'export'],
  },
  {
    id: 'sso',
    title: 'Set up single sign-on',
    body: 'Connect Okta or Azure AD with SAML so your team signs in with company accounts.',
    category: 'security',
    tags: ['login'],
  },
  {
    id: 'two-factor',
    title: 'Turn on two-factor authentication',
    body: 'Require a one-time code from an authenticator app at every login.',
    category: 'security',
    tags: ['login'],
  },
  {
    id: 'password',
    title: 'Reset a forgotten password',
    body: 'Use the link on the sign-in page; we email a reset link that works for one hour.',
    category: 'account',
    tags: ['login'],
  },
  {
    id: 'export-csv',
    title: 'Export reports to CSV',
    body: 'Any report table can be downloaded as a CSV file for spreadsheets.',
    category: 'reports',
    tags: ['export'],
  },
  {
    id: 'seats',
    title: 'Add or remove seats',
    body: 'Change how many people your plan covers; billing is prorated.',
    category: 'billing',
    tags: ['plans'],
  },
  {
    id: 'long-guide',
    title: 'Workspace administration guide',
    body:
      Array.from(
        { length: 30 },
        (_, n) =>
          `Section ${n + 1} covers routine settings such as names, colours and the order of menu items.`,
      ).join(' ') +
      ' Finally, to delete the whole workspace and every project in it forever, open Danger zone and confirm with your password.',
    category: 'account',
    tags: [],
  },
];

let next = 0;
const freshIndex = (extra: Record<string, unknown> = {}) =>
  client.searchIndex<(typeof articles)[number]>({
    id: `search-test-${(next += 1)}`,
    fields: { title: 2, body: 1 },
    facets: ['category', 'tags'],
    ...extra,
  });

describe('searchIndex (real USE-lite embeddings)', () => {
  it('finds by words, by meaning, and by both; says why', async () => {
    const index = freshIndex();
    const progress: number[] = [];
    await index.add(articles, { onProgress: ({ embedded }) => progress.push(embedded) });
    expect(index.size).toBe(articles.length);
    expect(progress.at(-1)).toBe(index.stats().passages);

    const keyword = await index.search('invoice pdf', { mode: 'keyword' });
    expect(keyword.hits[0]?.id).toBe('invoice-pdf');
    expect(keyword.hits[0]?.why.matchedBy).toEqual(['keyword']);
    expect(keyword.hits[0]?.highlights.some((h) => h.field === 'title' && h.text === 'PDF')).toBe(
      true,
    );

    // No word in common with the refund article: only meaning finds it.
    const semantic = await index.search('get my money returned', { mode: 'semantic', k: 3 });
    expect(semantic.hits[0]?.id).toBe('refunds');
    expect(semantic.hits[0]?.why.similarity).toBeGreaterThan(0.3);

    const hybrid = await index.search('team signs in with company accounts', { k: 3 });
    expect(hybrid.hits[0]?.id).toBe('sso');
    expect(hybrid.hits[0]?.why.matchedBy).toEqual(['keyword', 'semantic']);
  });

  it('reads as loading and empty until its code has loaded, then follows the index', async () => {
    const index = freshIndex({ persist: false });
    expect(index.getSnapshot()).toMatchObject({ status: 'loading', documents: 0 });
    expect([index.size, index.get('refunds'), index.stats().documents]).toEqual([0, undefined, 0]);
    let notified = 0;
    index.subscribe(() => (notified += 1));
    await index.ready();
    expect(index.getSnapshot().status).toBe('ready');
    await index.add(articles.slice(0, 2));
    expect(index.getSnapshot().documents).toBe(2);
    expect(notified).toBeGreaterThan(1);
  });

  it('ranks a match deep in a long document by its passage', async () => {
    const index = freshIndex();
    await index.add(articles);
    const { hits } = await index.search('how do I permanently remove my workspace', {
      mode: 'semantic',
      k: 3,
    });
    expect(hits[0]?.id).toBe('long-guide');
    expect(hits[0]?.why.passage?.field).toBe('body');
    expect(hits[0]?.why.passage?.index).toBeGreaterThan(0);
    expect(hits[0]?.why.passage?.text).toContain('delete the whole workspace');
  });

  it('filters by facets and counts them over every candidate', async () => {
    const index = freshIndex();
    await index.add(articles);
    // "sign" is the last word, so a prefix: sign-on (sso), signs (sso), sign-in (password).
    const all = await index.search('sign', { mode: 'keyword' });
    expect(all.facets.category).toEqual({ security: 1, account: 1 });
    expect(all.facets.tags).toEqual({ login: 2 });
    expect(all.total).toBe(2);
    const filtered = await index.search('sign', {
      mode: 'keyword',
      filters: { category: 'security' },
    });
    expect(filtered.hits.map((hit) => hit.id)).toEqual(['sso']);
    const tagged = await index.search('download', { filters: { tags: ['export'] } });
    expect(tagged.hits.every((hit) => hit.document.tags.includes('export'))).toBe(true);
    await expect(index.search('x', { filters: { colour: 'red' } })).rejects.toThrow(
      InvalidInputError,
    );
  });

  it('leaves stop words out of keyword matching and highlights; counts only close semantic candidates', async () => {
    const index = freshIndex();
    await index.add(articles);
    expect((await index.search('the', { mode: 'keyword' })).hits).toEqual([]);
    const { hits } = await index.search('the invoice', { mode: 'keyword' });
    expect(hits[0]?.highlights.map((h) => h.text.toLowerCase())).not.toContain('the');
    // Off topic: the semantic neighbours are far, so facets count little beyond the hits shown.
    const far = await index.search('weather forecast for the weekend', { mode: 'semantic', k: 2 });
    expect(far.total).toBeLessThan(articles.length);
  });

  it('suggests completions from indexed words, with typos', async () => {
    const index = freshIndex();
    await index.add(articles);
    // One word each: the typed word completed, not phrases of co-occurring words.
    expect((await index.suggest('invo')).sort()).toEqual(['invoice', 'invoices']);
    expect(await index.suggest('Reset pass', { k: 1 })).toEqual(['Reset password']);
    expect((await index.suggest('pasword')).some((s) => s.includes('password'))).toBe(true);
    expect(await index.suggest('  ')).toEqual([]);
  });

  it('updates and removes documents incrementally', async () => {
    const index = freshIndex();
    await index.add(articles);
    await index.update([
      {
        ...articles[0]!,
        title: 'Issue a chargeback credit',
        body: 'Credit notes for disputed charges.',
      },
    ]);
    expect(
      (await index.search('refund', { mode: 'keyword' })).hits.map((hit) => hit.id),
    ).not.toContain('refunds');
    expect((await index.search('chargeback', { mode: 'keyword' })).hits[0]?.id).toBe('refunds');
    expect(await index.remove(['sso', 'missing'])).toBe(1);
    expect(index.get('sso')).toBeUndefined();
    expect(
      (await index.search('single sign-on SAML', { k: 8 })).hits.map((hit) => hit.id),
    ).not.toContain('sso');
    await expect(index.add([articles[1]!])).rejects.toThrow(/already indexed/);
  });

  it('rejects bad documents naming the field, adding none of the call', async () => {
    const index = freshIndex();
    await expect(
      index.add([articles[0]!, { ...articles[1]!, title: 42 as never }]),
    ).rejects.toMatchObject({
      name: 'InvalidInputError',
      parameter: 'documents[1].title',
    });
    await expect(index.add([{ ...articles[0]!, id: '' }])).rejects.toMatchObject({
      parameter: 'documents[0].id',
    });
    await expect(index.add([articles[0]!, articles[0]!])).rejects.toThrow(/appears twice/);
    expect(index.size).toBe(0);
  });

  it('stops on abort with nothing added', async () => {
    const index = freshIndex();
    const controller = new AbortController();
    const adding = index.add(articles, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    controller.abort();
    await expect(adding).rejects.toThrow(AbortError);
    expect(index.size).toBe(0);
  });

  it('persists and reloads without embedding again; exports and imports exactly', async () => {
    const store = createMemoryRecordStore();
    // No cache: every text the model computes is counted.
    const embedder = client.embedder({ id: 'search-persist-test', cacheSize: 0 });
    const settings = searchSettings({
      id: 'persisted',
      fields: ['title', 'body'],
      facets: ['category'],
    });
    const open = () =>
      createSearchIndex(settings, embedder, 'use-lite', async () => store, defaultLimits);
    const index = open();
    await index.add(articles);
    const before = await index.search('money back', { k: 3 });
    const computed = embedder.stats().textsComputed;

    const reopened = open();
    await reopened.ready();
    expect(reopened.size).toBe(articles.length);
    const keyword = await reopened.search('invoice', { mode: 'keyword' });
    expect(keyword.hits.map((hit) => hit.id)).toContain('invoice-pdf');
    // Only the query is embedded: no document again.
    const after = await reopened.search('money back', { k: 3 });
    expect(embedder.stats().textsComputed).toBe(computed + 1);
    expect(after.hits.map((hit) => [hit.id, hit.score])).toEqual(
      before.hits.map((hit) => [hit.id, hit.score]),
    );

    const data = await index.export();
    expect(data.format).toBe('ondevice.search-index');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    const copy = client.searchIndex({
      id: `import-${(next += 1)}`,
      fields: ['title', 'body'],
      facets: ['category'],
      persist: false,
    });
    await copy.import(JSON.stringify(data));
    const imported = await copy.search('money back', { k: 3 });
    expect(imported.hits.map((hit) => [hit.id, hit.score])).toEqual(
      before.hits.map((hit) => [hit.id, hit.score]),
    );
  });

  it('rejects bad imports naming the field, leaving the index as it was', async () => {
    const index = freshIndex({ persist: false });
    await index.add(articles.slice(0, 2));
    const data = (await index.export()) as SearchIndexExport;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test breaks any field
    type Loose = Record<string, any>;
    const bad = (change: (copy: Loose) => void) => {
      const copy = structuredClone(data) as unknown as Loose;
      change(copy);
      return copy;
    };
    const cases: [Record<string, unknown>, string][] = [
      [bad((d) => (d.version = 2)), 'version'],
      [bad((d) => (d.modelId = 'other')), 'modelId'],
      [bad((d) => (d.documents[1].id = d.documents[0].id)), 'documents[1].id'],
      [bad((d) => (d.documents[0].title = 7)), 'documents[0].title'],
      [bad((d) => (d.passages[0].end = 10_000)), 'passages[0].end'],
      [bad((d) => (d.vectors.codes = d.vectors.codes.slice(8))), 'vectors.codes'],
      [bad((d) => (d.vectors.scales[0] = 'x')), 'vectors.scales[0]'],
      [bad((d) => (d.extra = 1)), 'extra'],
    ];
    const target = freshIndex({ persist: false });
    await target.add([articles[5]!]);
    for (const [data, path] of cases) {
      const error = await target.import(data).catch((caught: unknown) => caught);
      expect(InvalidImportError.isInstance(error), path).toBe(true);
      expect((error as InvalidImportError).path).toBe(path);
    }
    expect(target.size).toBe(1);
    expect(target.get('export-csv')).toBeDefined();
  });

  it('checks its options and search arguments', () => {
    expect(() => client.searchIndex({ id: '', fields: ['title'] })).toThrow(InvalidInputError);
    expect(() => client.searchIndex({ id: 'x', fields: [] })).toThrow(/at least one/);
    expect(() => client.searchIndex({ id: 'x', fields: { title: -1 } })).toThrow(/positive/);
    expect(() =>
      client.searchIndex({ id: 'x', fields: ['title'], persits: true } as never),
    ).toThrow(/Did you mean "persist"/);
    const index = freshIndex();
    return Promise.all([
      expect(index.search(42 as never)).rejects.toThrow(InvalidInputError),
      expect(index.search('x', { k: 0 })).rejects.toThrow(/k must be/),
      expect(index.search('x', { mode: 'fuzzy' as never })).rejects.toThrow(InvalidInputError),
    ]);
  });
});
