import type { SearchDocument, SearchHit, SearchIndex, SearchMode } from '@ondevice/core';
import {
  type ComponentPropsWithoutRef,
  type ForwardedRef,
  type ReactElement,
  type ReactNode,
  type RefAttributes,
  forwardRef,
  useEffect,
  useId,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { useStore } from 'zustand';
import { isOfflineError } from '../errors/is-offline-error.js';
import { useModelStatus } from '../hooks/use-model-status.js';
import { useSearch } from '../hooks/use-search.js';
import { waitingText } from '../model-progress/waiting-text.js';
import { describeSearch } from './describe-search.js';
import { FacetFilters } from './facet-filters.js';
import { facetGroups, filtersOf } from './facet-groups.js';
import { IndexingProgress } from './indexing-progress.js';
import { type FacetSelection, createSearchBoxStore } from './search-box-store.js';
import { SearchCombobox } from './search-combobox.js';
import { type SearchHitParts, SearchHits } from './search-hits.js';
import { useSuggestions } from './use-suggestions.js';

/**
 * Props of {@link SearchBox}; other props go to the root `<div role="search">`.
 *
 * @example
 * <SearchBox index={index} mode="keyword" facets={['category']} onSelect={(hit) => open(hit.id)} />
 */
export interface SearchBoxProps<Doc extends SearchDocument = SearchDocument> extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'children' | 'onSelect'
> {
  /** What is searched: `client.searchIndex(options)`, filled with `index.add(documents)`. */
  index: SearchIndex<Doc>;
  /** Controlled query; pair with `onQueryChange`. */
  query?: string;
  /**
   * Uncontrolled: the query shown first.
   * @default ''
   */
  defaultQuery?: string;
  /** Called with the new query on every edit, chosen suggestion and clearing. */
  onQueryChange?: (query: string) => void;
  /**
   * How the query matches: by meaning and words (`hybrid`), meaning only, or words only.
   * Offline, before the model has loaded, the box matches words only.
   * @default 'hybrid'
   */
  mode?: SearchMode;
  /**
   * Results shown.
   * @default 10
   */
  k?: number;
  /**
   * Wait this long after the query last changed before searching.
   * @default 150
   */
  debounceMs?: number;
  /**
   * Facet fields offered as checkboxes, in this order (each must be a facet of the index).
   * @default every facet of the index
   */
  facets?: readonly string[];
  /**
   * Facet values checked at first, by field.
   * @default {}
   */
  defaultFilters?: Readonly<Record<string, readonly string[]>>;
  /** Called with the checked values (only facets with some) whenever a checkbox changes. */
  onFiltersChange?: (filters: Record<string, readonly string[]>) => void;
  /**
   * Most suggestions in the listbox; 0 for none.
   * @default 5
   */
  maxSuggestions?: number;
  /**
   * Visible label of the input.
   * @default 'Search'
   */
  label?: ReactNode;
  /** Placeholder of the input (the label stays visible). */
  placeholder?: string;
  /**
   * Accessible name of the list of results.
   * @default 'Search results'
   */
  resultsLabel?: string;
  /**
   * The document field shown as a hit's title (the id when it is not text).
   * @default 'title'
   */
  titleField?: string;
  /**
   * The document field a hit's snippet is cut from.
   * @default 'body'
   */
  snippetField?: string;
  /**
   * Draws one hit (phrasing content when there is an `onSelect`: it goes in a button);
   * `parts` gives its fields with the matches as `<mark>`.
   * @default its title and a snippet, matches marked
   */
  renderHit?: (hit: SearchHit<Doc>, parts: SearchHitParts) => ReactNode;
  /** Called when a result is chosen (click, or Enter on it): results become buttons. */
  onSelect?: (hit: SearchHit<Doc>) => void;
  /**
   * A facet field's name, as its legend.
   * @default the field itself
   */
  formatFacet?: (field: string) => string;
  /**
   * A facet value's name, beside its checkbox.
   * @default the value itself
   */
  formatFacetValue?: (field: string, value: string) => string;
}

const identity = (text: string) => text;
const valueItself = (_field: string, value: string) => value;

/**
 * Search over a `client.searchIndex()` on the device, as you type: a combobox (WAI-ARIA
 * pattern: arrows, Enter, Escape) that suggests completions from the indexed words, the
 * results with their matches marked (`<mark>`), facet checkboxes (a fieldset per facet, with
 * counts) that filter them, the indexing progress while documents are embedded, and a polite
 * live region that says how many results there are ("5 results", "No results"). Debounced,
 * stale searches aborted, the last results kept while the next arrive; results follow the
 * index as documents are added. Offline, before the model could load, it matches words only
 * and says so. Unstyled: style it through `data-state` (empty, indexing, loading, ready,
 * no-results, error, offline) and `data-part`, or import `@ondevice/react/theme.css`. Needs
 * `<OnDeviceProvider>`.
 *
 * @example
 * function HelpSearch() {
 *   const client = useOnDeviceClient()
 *   const index = client.searchIndex({ id: 'help', fields: { title: 3, body: 1 }, facets: ['category'] })
 *   useEffect(() => void index.update(articles), [index])
 *   return <SearchBox index={index} onSelect={(hit) => navigate(`/help/${hit.id}`)} />
 * }
 */
export const SearchBox = forwardRef(function SearchBox<Doc extends SearchDocument>(
  {
    index,
    query: controlledQuery,
    defaultQuery = '',
    onQueryChange,
    mode = 'hybrid',
    k = 10,
    debounceMs = 150,
    facets,
    defaultFilters,
    onFiltersChange,
    maxSuggestions = 5,
    label = 'Search',
    placeholder,
    resultsLabel = 'Search results',
    titleField = 'title',
    snippetField = 'body',
    renderHit,
    onSelect,
    formatFacet = identity,
    formatFacetValue = valueItself,
    ...props
  }: SearchBoxProps<Doc>,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const id = useId();
  const [store] = useState(() =>
    createSearchBoxStore({ query: defaultQuery, selected: defaultFilters ?? {} }),
  );
  const storedQuery = useStore(store, (state) => state.query);
  const selected = useStore(store, (state) => state.selected);
  const suggestions = useStore(store, (state) => state.suggestions);
  const remembered = useStore(store, (state) => state.facetCounts);
  const query = controlledQuery ?? storedQuery;
  const snapshot = useSyncExternalStore(index.subscribe, index.getSnapshot, index.getSnapshot);
  const model = useModelStatus({ model: index.modelId });
  const offline = mode !== 'keyword' && model.status === 'error' && isOfflineError(model.error);
  const filters = useMemo(() => filtersOf(selected), [selected]);
  const search = useSearch(index, query, {
    k,
    mode: offline ? 'keyword' : mode,
    filters,
    facets,
    debounceMs,
  });
  useSuggestions({ index, query, max: maxSuggestions, store });
  const { state, announcement, errorText } = describeSearch({
    query,
    search,
    index: snapshot,
    offline,
  });

  // A facet's counts before it was filtered, so its other values stay on offer.
  useEffect(() => {
    if (search.status !== 'success') return;
    const unfiltered = Object.entries(search.data.facets).filter(
      ([field]) => !selected[field]?.length,
    );
    store.getState().rememberFacetCounts(search.data.query, Object.fromEntries(unfiltered));
  }, [search, selected, store]);

  const changeQuery = (next: string) => {
    if (controlledQuery === undefined) store.getState().setQuery(next);
    onQueryChange?.(next);
  };
  const changeFilters = (next: FacetSelection) => {
    store.getState().setSelected(next);
    onFiltersChange?.(filtersOf(next) ?? {});
  };
  const toggle = (field: string, value: string, checked: boolean) => {
    const values = selected[field] ?? [];
    changeFilters({
      ...selected,
      [field]: checked ? [...values, value] : values.filter((other) => other !== value),
    });
  };

  const blank = query.trim() === '';
  const data = blank || state === 'error' ? undefined : search.data;
  const groups = blank
    ? []
    : facetGroups({
        fields: facets,
        counts: data?.facets ?? {},
        remembered: remembered.query === data?.query ? remembered.counts : {},
        selected,
      });
  const documents = snapshot.documents;

  return (
    <div ref={ref} role="search" data-ondevice-search-box="" data-state={state} {...props}>
      <SearchCombobox
        id={id}
        store={store}
        label={label}
        placeholder={placeholder}
        query={query}
        suggestions={suggestions.query === query ? suggestions.items : noSuggestions}
        onQueryChange={changeQuery}
      />
      {snapshot.indexing && <IndexingProgress id={id} indexing={snapshot.indexing} model={model} />}
      <FacetFilters
        groups={groups}
        formatFacet={formatFacet}
        formatFacetValue={formatFacetValue}
        onToggle={toggle}
      />
      {data && data.hits.length > 0 && (
        <SearchHits
          hits={data.hits}
          label={resultsLabel}
          titleField={titleField}
          snippetField={snippetField}
          renderHit={renderHit}
          onSelect={onSelect}
          busy={search.isFetching}
        />
      )}
      {state === 'empty' && (
        <p data-part="empty">
          {snapshot.status === 'loading'
            ? 'Opening the index…'
            : documents === 0
              ? 'Nothing to search yet.'
              : `Type to search ${documents} ${documents === 1 ? 'document' : 'documents'}.`}
        </p>
      )}
      {search.status === 'loading' && !data?.hits.length && (
        <p data-part="loading">{waitingText(search.progress, 'Searching…')}</p>
      )}
      {state === 'no-results' && (
        <p data-part="no-results">
          No results for “{query.trim()}”.{' '}
          {filters && (
            <button type="button" data-part="clear-filters" onClick={() => changeFilters({})}>
              Clear filters
            </button>
          )}
        </p>
      )}
      {state === 'offline' && (
        <p data-part="offline">The search model is unavailable offline: matching words only.</p>
      )}
      {errorText && (
        <p data-part="error" role="alert">
          {errorText}
        </p>
      )}
      <span data-part="announcement" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}) as <Doc extends SearchDocument = SearchDocument>(
  props: SearchBoxProps<Doc> & RefAttributes<HTMLDivElement>,
) => ReactElement | null;

const noSuggestions: readonly string[] = Object.freeze([]);
