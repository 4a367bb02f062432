import { type StoreApi, createStore } from 'zustand/vanilla';

/** Selected values of each facet field (values as strings, as facet counts name them). */
export type FacetSelection = Readonly<Record<string, readonly string[]>>;

/** UI state of one `<SearchBox>` instance. */
export interface SearchBoxStoreState {
  /** The query, when uncontrolled. */
  query: string;
  /** The suggestions listbox is shown (the user typed, and there are suggestions). */
  open: boolean;
  /** Index of the highlighted suggestion, or -1 for none. */
  active: number;
  /** The suggestions offered, and the query they complete. */
  suggestions: { query: string; items: readonly string[] };
  /** Facet values checked, when the filters are uncontrolled. */
  selected: FacetSelection;
  /**
   * Each facet's counts from the last result where that facet was not filtered, for `query`:
   * a checked facet keeps showing its other values (and how many each would add).
   */
  facetCounts: { query: string; counts: Readonly<Record<string, Record<string, number>>> };
  setQuery(query: string): void;
  setSuggestions(query: string, items: readonly string[]): void;
  openSuggestions(active: number): void;
  setActive(active: number): void;
  closeSuggestions(): void;
  setSelected(selected: FacetSelection): void;
  rememberFacetCounts(query: string, counts: Record<string, Record<string, number>>): void;
}

/**
 * Creates the store of one `<SearchBox>` instance (never a module singleton): the query, the
 * suggestions popup and its active option, the checked facet values and their counts.
 *
 * @example
 * const store = createSearchBoxStore({ query: '', selected: {} })
 * store.getState().setQuery('refund')
 */
export function createSearchBoxStore(initial: {
  query: string;
  selected: FacetSelection;
}): StoreApi<SearchBoxStoreState> {
  return createStore<SearchBoxStoreState>()((set) => ({
    query: initial.query,
    open: false,
    active: -1,
    suggestions: { query: '', items: [] },
    selected: initial.selected,
    facetCounts: { query: '', counts: {} },
    setQuery: (query) => set({ query }),
    setSuggestions: (query, items) => set({ suggestions: { query, items } }),
    openSuggestions: (active) => set({ open: true, active }),
    setActive: (active) => set({ active }),
    closeSuggestions: () => set({ open: false, active: -1 }),
    setSelected: (selected) => set({ selected }),
    rememberFacetCounts: (query, counts) =>
      set((state) => ({
        facetCounts: {
          query,
          counts:
            state.facetCounts.query === query ? { ...state.facetCounts.counts, ...counts } : counts,
        },
      })),
  }));
}
