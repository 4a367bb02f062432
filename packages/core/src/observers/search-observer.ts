import type { OnDeviceClient } from '../client/create-client.js';
import type {
  SearchDocument,
  SearchIndex,
  SearchOptions,
  SearchResult,
} from '../search/search-types.js';
import { isBlank } from './input-keys.js';
import { RequestObserver } from './request-observer.js';

/**
 * What a {@link SearchObserver} searches: a query, alone or with the options of
 * `index.search()` (its `signal` is the observer's own).
 *
 * @example
 * observer.setOptions({ input: { query: 'refund', mode: 'keyword', filters: { category: 'billing' } } })
 */
export type SearchQuery = string | ({ query: string } & Omit<SearchOptions, 'signal'>);

/**
 * Options of a {@link SearchObserver}.
 *
 * @example
 * new SearchObserver(client, { index: client.searchIndex({ id: 'help', fields: ['title', 'body'] }) })
 */
export interface SearchObserverOptions<Doc extends SearchDocument = SearchDocument> {
  /** What is searched: `client.searchIndex(options)`. Its model's load status is `progress`. */
  index: SearchIndex<Doc>;
}

/**
 * Searches an index for a changing query: one search at a time, the superseded one aborted,
 * the last result kept while the next computes (`data.query` names its own query); a blank
 * query is `idle`. Debounced 150 ms, so typing embeds only the query the user paused on.
 * The query is searched again whenever the index settles on other documents (an `add`,
 * `update`, `remove`, `clear` or `import` finished, or the persisted index was read), not on
 * every progress step of an indexing call.
 *
 * @example
 * const index = client.searchIndex({ id: 'help', fields: { title: 3, body: 1 }, facets: ['category'] })
 * const observer = new SearchObserver(client, { index })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.hits))
 * observer.setOptions({ input: { query: 'get my money back', k: 5 } })
 */
export class SearchObserver<Doc extends SearchDocument = SearchDocument> extends RequestObserver<
  SearchQuery,
  SearchResult<Doc>
> {
  /** The index this observer searches. */
  readonly index: SearchIndex<Doc>;
  private stopWatching: (() => void) | undefined;

  constructor(client: OnDeviceClient, options: SearchObserverOptions<Doc>) {
    const { index } = options;
    super({
      model: client.model(index.modelId),
      keyOf: searchKey,
      isEmpty: (input) => isBlank(typeof input === 'string' ? input : input.query),
      run: (input, signal) => {
        const { query, ...searchOptions } = typeof input === 'string' ? { query: input } : input;
        return index.search(query, { ...searchOptions, signal });
      },
      description: 'Search',
      debounceMs: 150,
    });
    this.index = index;
  }

  protected override onActive(): void {
    let seen = this.index.getSnapshot();
    this.stopWatching = this.index.subscribe(() => {
      const current = this.index.getSnapshot();
      if (current === seen) return;
      const before = seen;
      seen = current;
      // Indexing progress changes no result, nor does its end: the documents change after it,
      // in a snapshot of their own (or never, when the call failed).
      if (before.indexing !== null || current.indexing !== null) return;
      this.refetch();
    });
  }

  protected override onInactive(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }
}

/**
 * The identity of a search: the query and every option, filters in a stable order, so a
 * component may pass a fresh object on every render.
 */
function searchKey(input: SearchQuery): string {
  const { query, k, mode, filters, facets, fusion } =
    typeof input === 'string' ? { query: input } : input;
  const sortedFilters =
    filters && Object.keys(filters).length > 0
      ? Object.entries(filters).sort(([left], [right]) => (left < right ? -1 : 1))
      : undefined;
  return JSON.stringify([query, k, mode, sortedFilters, facets, fusion]);
}
