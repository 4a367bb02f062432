import { InvalidInputError } from '@ondevice/errors';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/create-client.js';
import { SearchObserver } from './search-observer.js';

// A real index: USE-lite embeddings (tfjs wasm, in-thread in Node), kept in memory.
const client = createClient({ backend: 'wasm' });
// Searches embed in this thread: on a busy machine, allow more than a second for a result.
vi.setConfig({ expect: { poll: { timeout: 30_000 } } });
afterAll(() => client.dispose());

const articles = [
  {
    id: 'refunds',
    title: 'Refund a payment',
    body: 'Give a customer their money back for an invoice they paid by card.',
    category: 'billing',
  },
  {
    id: 'invoice-pdf',
    title: 'Download invoices as PDF',
    body: 'Every invoice can be exported as a PDF from the billing page.',
    category: 'billing',
  },
  {
    id: 'sso',
    title: 'Set up single sign-on',
    body: 'Connect your identity provider with SAML so your team signs in with company accounts.',
    category: 'security',
  },
  {
    id: 'password',
    title: 'Reset a forgotten password',
    body: 'Use the link on the sign-in page; we email a reset link that works for one hour.',
    category: 'account',
  },
];

let next = 0;
async function filledIndex() {
  const index = client.searchIndex<(typeof articles)[number]>({
    id: `search-observer-${(next += 1)}`,
    fields: { title: 3, body: 1 },
    facets: ['category'],
    persist: false,
  });
  await index.add(articles);
  return index;
}

const settled = (observer: SearchObserver<(typeof articles)[number]>) =>
  expect.poll(() => observer.getSnapshot().status, { timeout: 60_000 }).toMatch(/success|error/);

describe('SearchObserver (real USE-lite index)', () => {
  it('is idle for a blank query, then searches the query with its options', async () => {
    const index = await filledIndex();
    const observer = new SearchObserver(client, { index });
    expect(observer.index).toBe(index);
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: '  ' });
    expect(observer.getSnapshot()).toMatchObject({ status: 'idle', data: undefined });
    observer.setOptions({ input: 'get my money back' });
    expect(observer.getSnapshot().status).toBe('loading');
    await settled(observer);
    const { data, progress } = observer.getSnapshot();
    expect(progress.status).toBe('ready');
    expect(data?.query).toBe('get my money back');
    expect(data?.hits[0]?.id).toBe('refunds');

    observer.setOptions({
      input: { query: 'invoice', mode: 'keyword', filters: { category: 'billing' } },
    });
    await expect.poll(() => observer.getSnapshot().data?.mode).toBe('keyword');
    const result = observer.getSnapshot().data;
    expect(result?.hits.map((hit) => hit.id).sort()).toEqual(['invoice-pdf', 'refunds']);
    expect(result?.facets).toEqual({ category: { billing: 2 } });
    stop();
  });

  it('debounces typing, aborts the superseded search and keeps the previous result meanwhile', async () => {
    const index = await filledIndex();
    const search = vi.spyOn(index, 'search');
    const observer = new SearchObserver(client, { index });
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: 'password' }); // the first query runs at once
    await settled(observer);
    const first = observer.getSnapshot().data;
    for (const query of ['s', 'si', 'sin', 'single sign']) {
      observer.setOptions({ input: query, debounceMs: 40 });
      expect(observer.getSnapshot()).toMatchObject({ status: 'loading', data: first });
    }
    await expect.poll(() => observer.getSnapshot().data?.query).toBe('single sign');
    expect(search.mock.calls.map(([query]) => query)).toEqual(['password', 'single sign']);
    expect(observer.getSnapshot().data?.hits[0]?.id).toBe('sso');

    // A search still running when the query changes is aborted.
    observer.setOptions({ input: 'refund', debounceMs: 0 });
    const running = search.mock.calls.at(-1)?.[1]?.signal;
    observer.setOptions({ input: 'pdf', debounceMs: 0 });
    expect(running?.aborted).toBe(true);
    await expect.poll(() => observer.getSnapshot().data?.query).toBe('pdf');
    expect(observer.getSnapshot().status).toBe('success');
    stop();
  });

  it('searches again when the index settles on other documents, not on indexing progress', async () => {
    const index = await filledIndex();
    const observer = new SearchObserver(client, { index });
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: { query: 'team workspace', mode: 'keyword' } });
    await settled(observer);
    expect(observer.getSnapshot().data?.hits.map((hit) => hit.id)).toEqual(['sso']);
    const search = vi.spyOn(index, 'search');
    await index.add([
      {
        id: 'workspace',
        title: 'Rename your workspace',
        body: 'Change the team workspace name in settings.',
        category: 'account',
      },
    ]);
    await expect
      .poll(() => observer.getSnapshot().data?.hits.map((hit) => hit.id))
      .toEqual(['workspace', 'sso']);
    expect(search).toHaveBeenCalledTimes(1);
    await index.remove(['workspace']);
    await expect
      .poll(() => observer.getSnapshot().data?.hits.map((hit) => hit.id))
      .toEqual(['sso']);
    stop();
    await index.add([{ id: 'later', title: 'Later', body: 'team', category: 'account' }]);
    expect(search).toHaveBeenCalledTimes(2); // nobody listens: nothing runs
  });

  it('reports a typed error for options the index refuses', async () => {
    const index = await filledIndex();
    const observer = new SearchObserver(client, { index });
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: { query: 'refund', k: 0 } });
    await settled(observer);
    const { status, error } = observer.getSnapshot();
    expect(status).toBe('error');
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error?.message).toMatch(/k must be an integer from 1 to 1000/);
    stop();
  });
});
