/**
 * A document of a search index: any plain object with an id field and text fields.
 *
 * @example
 * const doc: SearchDocument = { id: 'refunds', title: 'Refunds', body: 'How to…', category: 'billing' }
 */
export type SearchDocument = Record<string, unknown>;

/**
 * How a query is matched: `keyword` ranks by the words (BM25 with prefix and typo tolerance,
 * from MiniSearch), `semantic` by meaning (cosine of embeddings), `hybrid` fuses both rankings by
 * weighted reciprocal rank.
 *
 * @example
 * await index.search('cancel my plan', { mode: 'semantic' })
 */
export type SearchMode = 'hybrid' | 'semantic' | 'keyword';

/**
 * The search modes, in the order the docs list them.
 *
 * @example
 * searchModes.map((mode) => index.search(query, { mode }))
 */
export const searchModes: readonly SearchMode[] = ['hybrid', 'semantic', 'keyword'];

/**
 * Options of `client.searchIndex()`.
 *
 * @example
 * client.searchIndex({ id: 'help', fields: { title: 3, body: 1 }, facets: ['category'] })
 */
export interface SearchIndexOptions {
  /** Names the index: where it persists, and the same id gives the same index. */
  id: string;
  /**
   * The text fields searched: a list (all weighted 1), or field → weight for keyword ranking
   * (a title at 3 counts a word three times as much as one in the body).
   */
  fields: readonly string[] | Readonly<Record<string, number>>;
  /**
   * The field holding each document's unique id (a non-empty string or a finite number).
   * @default 'id'
   */
  idField?: string;
  /**
   * Fields counted in `facets` and usable in `filters`: each a string, a number, a boolean, or a
   * list of strings (tags).
   * @default []
   */
  facets?: readonly string[];
  /**
   * Keep the index (documents, keyword index, compact vectors) in IndexedDB (memory in Node and
   * where IndexedDB is missing), so a reload searches at once without embedding anything again.
   * @default true
   */
  persist?: boolean;
  /**
   * The embedding model of semantic and hybrid search.
   * @default the client's default model ('use-lite')
   */
  model?: string;
}

/**
 * Options of {@link SearchIndex.add} and {@link SearchIndex.update}.
 *
 * @example
 * await index.add(docs, { signal, onProgress: ({ embedded, total }) => show(embedded / total) })
 */
export interface IndexingOptions {
  /** Cancels the call: it rejects with `AbortError` and none of its documents are added. */
  signal?: AbortSignal;
  /** Passages embedded so far of this call's total, after every batch. */
  onProgress?: (progress: IndexingProgress) => void;
}

/**
 * How far an `add` or `update` is.
 *
 * @example
 * const progress: IndexingProgress = { embedded: 128, total: 1000 }
 */
export interface IndexingProgress {
  embedded: number;
  total: number;
}

/**
 * Values a filter accepts for one facet field: one value, or any of several.
 *
 * @example
 * const filters: SearchFilters = { category: ['billing', 'account'], plan: 'pro' }
 */
export type SearchFilters = Readonly<
  Record<string, string | number | boolean | readonly (string | number | boolean)[]>
>;

/**
 * Options of {@link SearchIndex.search}.
 *
 * @example
 * await index.search('refund', { k: 5, mode: 'hybrid', filters: { category: 'billing' } })
 */
export interface SearchOptions {
  /**
   * Hits returned.
   * @default 10
   */
  k?: number;
  /** @default 'hybrid' */
  mode?: SearchMode;
  /** Only documents whose facet fields hold these values (any of a list; every field given). */
  filters?: SearchFilters;
  /**
   * Facet fields to count over the matching documents.
   * @default every facet of the index
   */
  facets?: readonly string[];
  /** Cancels the search: it rejects with `AbortError`. */
  signal?: AbortSignal;
  /**
   * How `hybrid` fuses the two rankings: `rank` (weighted reciprocal rank, the default:
   * `(1 − w)/(60 + keyword rank) + w/(60 + semantic rank)`) or `score` (the two scores scaled to
   * 0…1 over the candidates, then `(1 − w)·keyword + w·semantic`); `semanticWeight` is `w`.
   * @default { method: 'rank', semanticWeight: 0.6 } (see docs/quality.md for how it was chosen)
   */
  fusion?: { method?: 'rank' | 'score'; semanticWeight?: number };
}

/**
 * A span of a document's field that matched the query.
 *
 * @example
 * const highlight: SearchHighlight = { field: 'title', start: 0, end: 6, text: 'Refund' }
 */
export interface SearchHighlight {
  field: string;
  /** UTF-16 offsets into the field's text. */
  start: number;
  end: number;
  text: string;
}

/**
 * Why a document was returned: which modes found it (with its rank in each), the query words it
 * contains, and the passage whose meaning was closest.
 *
 * @example
 * hit.why // { matchedBy: ['keyword', 'semantic'], keywordRank: 1, semanticRank: 3, terms: ['refund'], passage: { field: 'body', index: 2, text: '…' } }
 */
export interface SearchWhy {
  matchedBy: ('keyword' | 'semantic')[];
  /** 1-based rank in the keyword ranking, when the words matched. */
  keywordRank?: number;
  /** 1-based rank in the semantic ranking, when it was among the nearest. */
  semanticRank?: number;
  /** Cosine similarity of the query and the closest passage. */
  similarity?: number;
  /** The document's words that matched the query's (after prefix and typo tolerance). */
  terms: string[];
  /** The passage closest in meaning (a long field is split into passages). */
  passage?: { field: string; index: number; start: number; end: number; text: string };
}

/**
 * One search result.
 *
 * @example
 * const { id, score, document, highlights, why } = result.hits[0]
 */
export interface SearchHit<Doc extends SearchDocument = SearchDocument> {
  id: string;
  /** The score in this mode: BM25 (keyword), cosine (semantic) or fused reciprocal rank (hybrid). */
  score: number;
  document: Doc;
  highlights: SearchHighlight[];
  why: SearchWhy;
}

/**
 * What {@link SearchIndex.search} resolves with.
 *
 * @example
 * const { hits, facets, total } = await index.search('refund')
 */
export interface SearchResult<Doc extends SearchDocument = SearchDocument> {
  query: string;
  mode: SearchMode;
  hits: SearchHit<Doc>[];
  /**
   * Matching documents by facet field and value, counted over every candidate that passes the
   * filters (all keyword matches and the semantic nearest), not only the `k` returned.
   */
  facets: Record<string, Record<string, number>>;
  /** Candidates that passed the filters (what the facet counts count). */
  total: number;
}

/**
 * State of a search index, for a UI.
 *
 * @example
 * const { status, documents, indexing } = index.getSnapshot()
 */
export interface SearchIndexSnapshot {
  /** `loading`: reading the persisted index; `ready`; `error`: it could not be read. */
  status: 'loading' | 'ready' | 'error';
  documents: number;
  /** Passages embedded of the running `add`/`update` calls, or null when none runs. */
  indexing: IndexingProgress | null;
  error: Error | null;
}

/**
 * The versioned, self-describing form of an index that `export()` writes and `import()` reads:
 * its documents and their compact vectors (base64), so an import embeds nothing.
 *
 * @example
 * const data: SearchIndexExport = await index.export()
 */
export interface SearchIndexExport {
  format: 'ondevice.search-index';
  version: 1;
  id: string;
  modelId: string;
  dimensions: number;
  idField: string;
  fields: Record<string, number>;
  facets: string[];
  exportedAt: string;
  documents: SearchDocument[];
  /** One entry per passage: the document's position in `documents`, its field and offsets. */
  passages: { document: number; field: string; start: number; end: number }[];
  /** The passages' vectors: int8 codes (base64, `dimensions` bytes each) and one scale each. */
  vectors: { codes: string; scales: number[] };
}

/**
 * A search index over the app's documents: keyword (MiniSearch), semantic (embeddings computed in
 * the worker, kept as 8-bit codes) and hybrid search, facets and suggestions, persisted.
 *
 * @example
 * const index = client.searchIndex({ id: 'help', fields: { title: 2, body: 1 }, facets: ['category'] })
 * await index.add(articles)
 * const { hits } = await index.search('get my money back')
 */
export interface SearchIndex<Doc extends SearchDocument = SearchDocument> {
  readonly id: string;
  readonly modelId: string;
  /** Resolves once the persisted index is read (at once without one). */
  ready(): Promise<void>;
  /**
   * Adds documents (embedding their passages in the worker); an id already indexed is an
   * `InvalidInputError` (use `update`). All of a call's documents are added or none.
   * @throws {InvalidInputError} naming the document and field that are malformed.
   */
  add(documents: readonly Doc[], options?: IndexingOptions): Promise<void>;
  /** Adds or replaces documents by id (only changed texts are embedded again). */
  update(documents: readonly Doc[], options?: IndexingOptions): Promise<void>;
  /** Removes documents by id; resolves with how many were indexed. */
  remove(ids: readonly (string | number)[]): Promise<number>;
  /** Removes every document. */
  clear(): Promise<void>;
  search(query: string, options?: SearchOptions): Promise<SearchResult<Doc>>;
  /** Completions of the last word of `prefix` from the indexed words, best first. */
  suggest(prefix: string, options?: { k?: number }): Promise<string[]>;
  /** The indexed document with this id, if any. */
  get(id: string | number): Doc | undefined;
  /** Documents indexed. */
  readonly size: number;
  /** Memory of the compact vectors, how many passages they hold, and where the keyword index runs. */
  stats(): SearchIndexStats;
  export(): Promise<SearchIndexExport>;
  /**
   * Replaces the index with exported data, after checking all of it.
   * @throws {InvalidImportError} naming the first bad field; the index is unchanged.
   */
  import(data: unknown): Promise<void>;
  getSnapshot(): SearchIndexSnapshot;
  subscribe(listener: () => void): () => void;
}

/**
 * What `stats()` of a search index reports.
 *
 * @example
 * const { bytesPerDocument, keywordIndex } = index.stats()
 */
export interface SearchIndexStats {
  /** Documents indexed. */
  documents: number;
  /** Passages embedded (one a short document; long fields are split). */
  passages: number;
  /** Bytes of the 8-bit vectors and their scales. */
  vectorBytes: number;
  /** `vectorBytes` per document (0 when empty). */
  bytesPerDocument: number;
  /**
   * Where the keyword (MiniSearch) index runs: `worker` (a Web Worker of its own, on a page with
   * the client's worker on) or `thread` (the calling thread: Node, `worker: false`, or after the
   * keyword worker failed, when it is rebuilt here from the documents).
   */
  keywordIndex: 'worker' | 'thread';
}
