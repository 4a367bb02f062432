import { type OnDeviceClient, createClient } from '@ondevice/core';
import { cleanup, configure, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { type HelpArticle, helpArticles } from '../test-support/help-articles.test.support.js';
import { useSearch } from './use-search.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// A real index: USE-lite embeddings (tfjs wasm) of the client, kept in memory.
const client = createClient({ backend: 'wasm' });
// Embeddings run in this thread: on a busy machine, allow more than a second for a result.
configure({ asyncUtilTimeout: 30_000 });
afterAll(() => client.dispose());
const wrapper = ({ children }: { children: ReactNode }) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);

let next = 0;
async function helpIndex(owner: OnDeviceClient = client) {
  const index = owner.searchIndex<HelpArticle>({
    id: `use-search-${(next += 1)}`,
    fields: { title: 3, body: 1 },
    facets: ['category'],
    persist: false,
  });
  await index.add(helpArticles);
  return index;
}

describe('useSearch (real USE-lite index)', () => {
  it('is idle for a blank query, then finds by meaning with highlights and facets', async () => {
    const index = await helpIndex();
    const { result, rerender } = renderHook(
      ({ query }: { query: string }) => useSearch(index, query, { k: 3 }),
      { wrapper, initialProps: { query: ' ' } },
    );
    expect(result.current).toMatchObject({ status: 'idle', data: undefined });
    rerender({ query: 'give the customer their money back' });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    const { data, progress } = result.current;
    expect(progress.status).toBe('ready');
    expect(data?.hits).toHaveLength(3);
    expect(data?.hits[0]?.document.title).toBe('Refund a payment');
    expect(data?.hits[0]?.highlights.map((highlight) => highlight.text)).toContain('money');
    expect(Object.keys(data?.facets.category ?? {})).toContain('billing');
  });

  it('takes filters and mode as options, compared by content, and keeps the last result meanwhile', async () => {
    const index = await helpIndex();
    const search = vi.spyOn(index, 'search');
    const { result, rerender } = renderHook(
      ({ category }: { category: string }) =>
        useSearch(index, 'invoice', { mode: 'keyword', filters: { category }, debounceMs: 0 }),
      { wrapper, initialProps: { category: 'billing' } },
    );
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    const billing = result.current.data;
    expect(billing?.hits.map((hit) => hit.id).sort()).toEqual(['invoice-pdf', 'refunds']);
    rerender({ category: 'billing' }); // a fresh options literal, the same search
    expect(result.current.data).toBe(billing);
    rerender({ category: 'security' });
    expect(result.current).toMatchObject({ status: 'loading', data: billing });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ hits: [], total: 0 });
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('follows the index: documents added later are found without a new query', async () => {
    const index = await helpIndex();
    const { result } = renderHook(() => useSearch(index, 'workspace', { mode: 'keyword' }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    expect(result.current.data?.hits).toEqual([]);
    await index.add([
      {
        id: 'workspace',
        title: 'Rename a workspace',
        body: 'Owners can rename the workspace in its settings.',
        category: 'account',
      },
    ]);
    await waitFor(() =>
      expect(result.current.data?.hits.map((hit) => hit.id)).toEqual(['workspace']),
    );
  });
});

describe('useSearch outside a provider', () => {
  it('throws a MissingProviderError', async () => {
    const index = await helpIndex();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSearch(index, 'refund'))).toThrow(MissingProviderError);
    consoleError.mockRestore();
  });
});
