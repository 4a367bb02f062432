import '@testing-library/jest-dom/vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type OnDeviceClient,
  type SearchIndex,
  type SearchIndexExport,
  createClient,
} from '@ondevice/core';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, createRef } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { type HelpArticle, helpArticles } from '../test-support/help-articles.test.support.js';
import { SearchBox } from './search-box.js';

afterEach(cleanup);

// Real indexes: USE-lite embeddings (tfjs wasm) of a real client, kept in memory.
const client = createClient({ backend: 'wasm' });
// Embeddings run in this thread: on a busy machine, allow more than a second for a result.
configure({ asyncUtilTimeout: 30_000 });
afterAll(() => client.dispose());
const withClient = (children: ReactNode, owner: OnDeviceClient = client) => (
  <OnDeviceProvider client={owner}>{children}</OnDeviceProvider>
);

let next = 0;
function emptyIndex(owner: OnDeviceClient = client): SearchIndex<HelpArticle> {
  return owner.searchIndex<HelpArticle>({
    id: `search-box-${(next += 1)}`,
    fields: { title: 3, body: 1 },
    facets: ['category'],
    persist: false,
  });
}
async function helpIndex() {
  const index = emptyIndex();
  await index.add(helpArticles);
  return index;
}

const rootOf = (element: HTMLElement) =>
  element.closest('[data-ondevice-search-box]') as HTMLElement;
const hasState = (root: HTMLElement, state: string) =>
  waitFor(() => expect(root).toHaveAttribute('data-state', state), { timeout: 60_000 });

describe('<SearchBox> (real USE-lite index)', () => {
  it('starts empty: a labelled combobox that controls a hidden listbox, and a silent live region', async () => {
    const ref = createRef<HTMLDivElement>();
    render(withClient(<SearchBox ref={ref} index={await helpIndex()} />));
    const input = screen.getByRole('combobox', { name: 'Search' });
    const root = rootOf(input);
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute('role', 'search');
    expect(root).toHaveAttribute('data-state', 'empty');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveAttribute('aria-autocomplete', 'list');
    const listbox = document.getElementById(input.getAttribute('aria-controls') as string);
    expect(listbox).toHaveAttribute('role', 'listbox');
    expect(listbox).not.toBeVisible();
    expect(screen.getByText('Type to search 6 documents.')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
  });

  it('finds by meaning as you type, marks the matches and announces the count', async () => {
    const user = userEvent.setup();
    render(withClient(<SearchBox index={await helpIndex()} k={3} />));
    const input = screen.getByRole('combobox', { name: 'Search' });
    await user.type(input, 'refund my payment');
    const root = rootOf(input);
    await hasState(root, 'ready');
    const results = screen.getByRole('list', { name: 'Search results' });
    const hits = within(results).getAllByRole('listitem');
    expect(hits).toHaveLength(3);
    expect(hits[0]).toHaveAttribute('data-hit-id', 'refunds');
    const title = hits[0]?.querySelector('[data-part="hit-title"]') as HTMLElement;
    expect(title).toHaveTextContent('Refund a payment');
    expect([...title.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Refund',
      'payment',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('3 results');
  });

  it('is a combobox: arrows move through suggestions, Enter takes one, Escape closes then clears', async () => {
    const user = userEvent.setup();
    const onQueryChange = vi.fn();
    render(
      withClient(
        <SearchBox index={await helpIndex()} mode="keyword" onQueryChange={onQueryChange} />,
      ),
    );
    const input = screen.getByRole('combobox', { name: 'Search' });
    await user.type(input, 'pa');
    const listbox = await screen.findByRole(
      'listbox',
      { name: 'Suggestions' },
      { timeout: 30_000 },
    );
    const options = within(listbox).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(
      expect.arrayContaining(['paid', 'page', 'payment', 'password']),
    );
    expect(options).toHaveLength(5);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).not.toHaveAttribute('aria-activedescendant');

    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[0]?.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[2]?.id);
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{ArrowUp}{ArrowUp}'); // wraps to the last
    expect(input).toHaveAttribute('aria-activedescendant', options[4]?.id);
    expect(input).toHaveFocus();

    const target = options.findIndex((option) => option.textContent === 'password');
    for (let step = options.length - 1; step > target; step -= 1) await user.keyboard('{ArrowUp}');
    expect(input).toHaveAttribute('aria-activedescendant', options[target]?.id);
    await user.keyboard('{Enter}');
    expect(input).toHaveValue('password');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).not.toHaveAttribute('aria-activedescendant');
    expect(onQueryChange).toHaveBeenLastCalledWith('password');
    await hasState(rootOf(input), 'ready');
    expect(screen.getByRole('status')).toHaveTextContent('1 result');

    await user.keyboard('{Backspace}');
    await screen.findByRole('listbox', { name: 'Suggestions' }, { timeout: 30_000 });
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveValue('passwor');
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    expect(rootOf(input)).toHaveAttribute('data-state', 'empty');
  });

  it('chooses a suggestion with the mouse, keeping focus in the input', async () => {
    const user = userEvent.setup();
    render(withClient(<SearchBox index={await helpIndex()} mode="keyword" />));
    const input = screen.getByRole('combobox', { name: 'Search' });
    await user.type(input, 'two-f');
    await user.click(
      await screen.findByRole('option', { name: 'two-factor' }, { timeout: 30_000 }),
    );
    expect(input).toHaveValue('two-factor');
    expect(input).toHaveFocus();
  });

  it('filters by facet checkboxes with counts, keeping the other values on offer', async () => {
    const user = userEvent.setup();
    const onFiltersChange = vi.fn();
    render(
      withClient(
        <SearchBox
          index={await helpIndex()}
          mode="keyword"
          defaultQuery="sign"
          onFiltersChange={onFiltersChange}
          formatFacet={(field) => field.toUpperCase()}
        />,
      ),
    );
    const root = rootOf(screen.getByRole('combobox'));
    await hasState(root, 'ready');
    const category = screen.getByRole('group', { name: 'CATEGORY' });
    expect(category.tagName).toBe('FIELDSET');
    const security = within(category).getByRole('checkbox', { name: 'security (2)' });
    expect(within(category).getByRole('checkbox', { name: 'account (1)' })).not.toBeChecked();
    const hitIds = () =>
      within(screen.getByRole('list', { name: 'Search results' }))
        .getAllByRole('listitem')
        .map((hit) => hit.dataset.hitId)
        .sort();
    expect(hitIds()).toEqual(['password', 'sso', 'two-factor']);

    await user.click(security);
    expect(onFiltersChange).toHaveBeenLastCalledWith({ category: ['security'] });
    await waitFor(() => expect(hitIds()).toEqual(['sso', 'two-factor']));
    expect(security).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('2 results');
    // The filtered facet's other value stays, with the count it would add.
    const account = within(category).getByRole('checkbox', { name: 'account (1)' });
    await user.click(account);
    await waitFor(() => expect(hitIds()).toEqual(['password', 'sso', 'two-factor']));
    expect(onFiltersChange).toHaveBeenLastCalledWith({ category: ['security', 'account'] });
  });

  it('says when nothing matches, and offers to clear the filters', async () => {
    const user = userEvent.setup();
    render(
      withClient(
        <SearchBox
          index={await helpIndex()}
          mode="keyword"
          defaultQuery="invoice"
          defaultFilters={{ category: ['security'] }}
        />,
      ),
    );
    const root = rootOf(screen.getByRole('combobox'));
    await hasState(root, 'no-results');
    expect(screen.getByText(/No results for “invoice”/)).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('No results');
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await hasState(root, 'ready');
    expect(screen.getByRole('status')).toHaveTextContent('2 results');
  });

  it('selects a result by click or Enter, and draws hits with renderHit', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(
      withClient(
        <SearchBox
          index={await helpIndex()}
          mode="keyword"
          defaultQuery="invoice pdf"
          onSelect={onSelect}
          renderHit={(hit, { highlight }) => (
            <span data-testid="custom">
              {highlight('title')} · {hit.document.category}
            </span>
          )}
        />,
      ),
    );
    await hasState(rootOf(screen.getByRole('combobox')), 'ready');
    const button = screen.getByRole('button', { name: 'Download invoices as PDF · billing' });
    expect(within(button).getByTestId('custom').querySelectorAll('mark')).toHaveLength(2);
    await user.click(button);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'invoice-pdf' }));
    button.focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('shows the indexing progress while documents are embedded, then the documents to search', async () => {
    // A client of its own: the model loads with the first documents (while they wait to embed).
    const fresh = createClient({ backend: 'wasm' });
    const index = emptyIndex(fresh);
    render(withClient(<SearchBox index={index} />, fresh));
    const root = rootOf(screen.getByRole('combobox'));
    // The index's code is imported on first use: it reads as loading until then.
    await act(() => index.ready());
    expect(screen.getByText('Nothing to search yet.')).toBeVisible();
    const adding = index.add(helpArticles);
    await hasState(root, 'indexing');
    const bar = screen.getByRole('progressbar', { name: 'Indexing' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar).toHaveAttribute(
      'aria-valuetext',
      expect.stringMatching(/^0 of \d+ passages embedded$/),
    );
    await act(() => adding);
    expect(root).toHaveAttribute('data-state', 'empty');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Type to search 6 documents.')).toBeVisible();
    fresh.dispose();
  });

  it('shows a typed error as an alert', async () => {
    render(withClient(<SearchBox index={await helpIndex()} defaultQuery="refund" k={0} />));
    const root = rootOf(screen.getByRole('combobox'));
    await hasState(root, 'error');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not search: k must be an integer from 1 to 1000; got number 0.',
    );
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
  });
});

describe('<SearchBox> when the model cannot load', () => {
  // The documents come in an export (vectors included): importing embeds nothing.
  let exported: SearchIndexExport;
  const server = createServer((_, response) => response.writeHead(404).end('not here'));
  let missingAssets = '';
  beforeAll(async () => {
    exported = await (await helpIndex()).export();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    missingAssets = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function importedIndex(owner: OnDeviceClient) {
    const index = emptyIndex(owner);
    await index.import({ ...exported, id: index.id });
    return index;
  }

  it('reads offline and falls back to matching words when the network is down', async () => {
    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      network: { retries: 0 },
    });
    render(
      withClient(<SearchBox index={await importedIndex(offline)} defaultQuery="refund" />, offline),
    );
    const root = rootOf(screen.getByRole('combobox'));
    await hasState(root, 'offline');
    expect(
      screen.getByText('The search model is unavailable offline: matching words only.'),
    ).toBeVisible();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 result'));
    expect(screen.getByRole('listitem')).toHaveAttribute('data-hit-id', 'refunds');
    expect(screen.queryByRole('alert')).toBeNull();
    offline.dispose();
  });

  it('shows the model load error when the server answers without the model', async () => {
    const broken = createClient({ backend: 'wasm', assetBaseUrl: missingAssets });
    render(
      withClient(<SearchBox index={await importedIndex(broken)} defaultQuery="refund" />, broken),
    );
    const root = rootOf(screen.getByRole('combobox'));
    await hasState(root, 'error');
    expect(screen.getByRole('alert')).toHaveTextContent(/^Could not search: .*404/);
    broken.dispose();
  });
});
