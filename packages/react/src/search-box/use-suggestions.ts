import type { SearchIndex } from '@ondevice/core';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { completions } from './completions.js';
import type { SearchBoxStoreState } from './search-box-store.js';

/**
 * Keeps the store's suggestions for `query` from `index.suggest` (the indexed words the last
 * typed word may become); none for a blank query or when `max` is 0. A late answer for an
 * older query is dropped.
 *
 * @example
 * useSuggestions({ index, query, max: 5, store })
 */
export function useSuggestions(options: {
  index: SearchIndex;
  query: string;
  max: number;
  store: StoreApi<SearchBoxStoreState>;
}): void {
  const { index, query, max, store } = options;
  useEffect(() => {
    const { setSuggestions } = store.getState();
    if (max <= 0 || query.trim() === '') {
      setSuggestions(query, []);
      return;
    }
    let current = true;
    index.suggest(query, { k: Math.min(max, 100) }).then(
      (suggestions) => {
        if (current) setSuggestions(query, completions(query, suggestions, max));
      },
      // Suggestions are a convenience: without them the box still searches.
      () => {
        if (current) setSuggestions(query, []);
      },
    );
    return () => {
      current = false;
    };
  }, [index, query, max, store]);
}
