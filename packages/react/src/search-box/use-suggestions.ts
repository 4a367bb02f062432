import type { SearchIndex } from '@ondevice/core';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { SearchBoxStoreState } from './search-box-store.js';

/**
 * Keeps the store's suggestions for `query` from `index.suggest` (the query with its last word
 * completed or corrected from the indexed words), the query itself left out; none for a blank
 * query or when `max` is 0. A late answer for an older query is dropped.
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
    // One more than shown: the query itself, when it is a whole word, is left out.
    index.suggest(query, { k: Math.min(max + 1, 100) }).then(
      (suggestions) => {
        const typed = query.trim().toLowerCase();
        const offered = suggestions
          .filter((suggestion) => suggestion.toLowerCase() !== typed)
          .slice(0, max);
        if (current) setSuggestions(query, offered);
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
