import type {
  OnDeviceError,
  RequestResult,
  SearchIndexSnapshot,
  SearchResult,
} from '@ondevice/core';
import { isOfflineError } from '../errors/is-offline-error.js';

/**
 * States of `<SearchBox>`, as its `data-state`: `empty` (no query yet), `indexing` (documents
 * are being embedded: a progress bar), `loading` (searching, or the model is downloading),
 * `ready` (results), `no-results`, `error`, and `offline` (the model is unavailable offline:
 * the box falls back to matching words).
 *
 * @example
 * [data-ondevice-search-box][data-state='loading'] [data-part='results'] { opacity: 0.7 }
 */
export type SearchBoxState =
  'empty' | 'indexing' | 'loading' | 'ready' | 'no-results' | 'error' | 'offline';

/** What `<SearchBox>` shows in a state. */
export interface SearchDescription {
  state: SearchBoxState;
  /** The polite live region: the number of results once a search settles, else empty. */
  announcement: string;
  /** The alert, when the search or the index failed. */
  errorText: string | undefined;
}

/**
 * Describes a search box's state for display and assistive technology.
 *
 * @example
 * describeSearch({ query: 'refund', search, index: index.getSnapshot(), offline: false })
 * // { state: 'ready', announcement: '3 results', errorText: undefined }
 */
export function describeSearch(options: {
  query: string;
  search: RequestResult<SearchResult>;
  index: SearchIndexSnapshot;
  /** The model failed to load for want of a network (the search runs on keywords alone). */
  offline: boolean;
}): SearchDescription {
  const { query, search, index, offline } = options;
  const error: Error | OnDeviceError | undefined =
    search.error ?? (index.status === 'error' ? (index.error ?? undefined) : undefined);
  if (error) {
    const unreachable = isOfflineError(error);
    return {
      state: unreachable ? 'offline' : 'error',
      announcement: '',
      errorText: unreachable
        ? 'Could not search: the search model is unavailable offline.'
        : `Could not search: ${error.message}`,
    };
  }
  const settled = search.status === 'success' && index.status === 'ready';
  const hits = settled ? search.data.hits.length : 0;
  const announcement = settled
    ? hits === 0
      ? 'No results'
      : `${hits} ${hits === 1 ? 'result' : 'results'}`
    : '';
  const state: SearchBoxState =
    index.indexing !== null
      ? 'indexing'
      : offline
        ? 'offline'
        : query.trim() === ''
          ? 'empty'
          : !settled
            ? 'loading'
            : hits === 0
              ? 'no-results'
              : 'ready';
  return { state, announcement, errorText: undefined };
}
