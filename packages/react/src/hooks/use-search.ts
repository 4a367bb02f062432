import {
  type RequestObserverOptions,
  type RequestResult,
  type SearchDocument,
  type SearchIndex,
  SearchObserver,
  type SearchOptions,
  type SearchResult,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';

/**
 * Options of {@link useSearch}: those of `index.search()` (`k`, `mode`, `filters`, `facets`,
 * `fusion`; compared by content) and when to search (`debounceMs`, default 150; `enabled`;
 * `keepPreviousData`, default true).
 *
 * @example
 * useSearch(index, query, { mode: 'keyword', filters: { category: 'billing' }, debounceMs: 300 })
 */
export type UseSearchOptions = Omit<RequestObserverOptions<string>, 'input'> &
  Omit<SearchOptions, 'signal'>;

/**
 * Searches `index` (`client.searchIndex(options)`) for `query` on the device, as a status
 * union: `idle` (blank query), `loading` (the embedding model's download in `progress`; the
 * previous result stays in `data`, whose `query` names it), `success` (`data`: hits with
 * highlights and reasons, facet counts, total) or `error`. Debounced and aborted when stale;
 * searched again when the index settles on other documents.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * function Results({ index, query }: { index: SearchIndex; query: string }) {
 *   const { data } = useSearch(index, query, { k: 5 })
 *   return <ul>{data?.hits.map((hit) => <li key={hit.id}>{String(hit.document.title)}</li>)}</ul>
 * }
 */
export function useSearch<Doc extends SearchDocument = SearchDocument>(
  index: SearchIndex<Doc>,
  query: string | null | undefined,
  options: UseSearchOptions = {},
): RequestResult<SearchResult<Doc>> {
  const client = useOnDeviceClient();
  const observer = useMemo(() => new SearchObserver(client, { index }), [client, index]);
  const { enabled, debounceMs, keepPreviousData, ...search } = options;
  const input = query === null || query === undefined ? query : { query, ...search };
  return useObserver(observer, { input, enabled, debounceMs, keepPreviousData });
}
