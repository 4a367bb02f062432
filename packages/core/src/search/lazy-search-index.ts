import type { Limits } from '../util/limits.js';
import type { RecordStore } from '../util/record-store.js';
import { Subscribable } from '../util/subscribable.js';
import type { TextEmbedder } from './search-index.js';
import type { SearchSettings } from './search-settings.js';
import type {
  IndexingOptions,
  SearchDocument,
  SearchIndex,
  SearchIndexExport,
  SearchIndexStats,
  SearchIndexSnapshot,
  SearchOptions,
  SearchResult,
} from './search-types.js';

const loadingSnapshot: SearchIndexSnapshot = Object.freeze({
  status: 'loading',
  documents: 0,
  indexing: null,
  error: null,
}) as SearchIndexSnapshot;

/**
 * The search index an app holds: its code (and MiniSearch's) is imported on first use, so an
 * app that never searches does not load it with its first page. Until then it reads as loading
 * and empty; every call waits for the code.
 *
 * @example
 * const index = new LazySearchIndex(settings, embedder, 'use-lite', store, limits)
 */
export class LazySearchIndex<Doc extends SearchDocument>
  extends Subscribable
  implements SearchIndex<Doc>
{
  readonly id: string;
  private instance: SearchIndex<Doc> | undefined;
  private readonly loaded: Promise<SearchIndex<Doc>>;
  /** Set when the code could not be imported: the snapshot says so. */
  private failed: SearchIndexSnapshot | undefined;

  constructor(
    settings: SearchSettings,
    embedder: TextEmbedder,
    readonly modelId: string,
    store: (() => Promise<RecordStore>) | null,
    limits: Limits,
    private readonly keywordWorker: (() => Worker) | null = null,
  ) {
    super();
    this.id = settings.id;
    this.loaded = import('./search-index.js').then(({ createSearchIndex }) => {
      const instance = createSearchIndex<Doc>(
        settings,
        embedder,
        modelId,
        store,
        limits,
        keywordWorker,
      );
      this.instance = instance;
      instance.subscribe(() => this.notify());
      this.notify();
      return instance;
    });
    // A load that fails (offline, a test environment torn down) is an error state, not an
    // unhandled rejection; every call awaiting the code still rejects with it.
    this.loaded.catch((error: unknown) => {
      this.failed = {
        ...loadingSnapshot,
        status: 'error',
        error: error instanceof Error ? error : new Error(String(error)),
      };
      this.notify();
    });
  }

  get size(): number {
    return this.instance?.size ?? 0;
  }

  getSnapshot = (): SearchIndexSnapshot =>
    this.instance?.getSnapshot() ?? this.failed ?? loadingSnapshot;

  get(id: string | number): Doc | undefined {
    return this.instance?.get(id);
  }

  stats(): SearchIndexStats {
    return (
      this.instance?.stats() ?? {
        documents: 0,
        passages: 0,
        vectorBytes: 0,
        bytesPerDocument: 0,
        keywordIndex: this.keywordWorker ? 'worker' : 'thread',
      }
    );
  }

  async ready(): Promise<void> {
    await (await this.loaded).ready();
  }

  async add(documents: readonly Doc[], options?: IndexingOptions): Promise<void> {
    await (await this.loaded).add(documents, options);
  }

  async update(documents: readonly Doc[], options?: IndexingOptions): Promise<void> {
    await (await this.loaded).update(documents, options);
  }

  async remove(ids: readonly (string | number)[]): Promise<number> {
    return (await this.loaded).remove(ids);
  }

  async clear(): Promise<void> {
    await (await this.loaded).clear();
  }

  async search(query: string, options?: SearchOptions): Promise<SearchResult<Doc>> {
    return (await this.loaded).search(query, options);
  }

  async suggest(prefix: string, options?: { k?: number }): Promise<string[]> {
    return (await this.loaded).suggest(prefix, options);
  }

  async export(): Promise<SearchIndexExport> {
    return (await this.loaded).export();
  }

  async import(data: unknown): Promise<void> {
    await (await this.loaded).import(data);
  }
}
