import { InvalidInputError } from '@ondevice/errors';
import { throwIfAborted } from '../util/abort.js';
import { checkOptions, optionRules } from '../util/check-options.js';
import { bytesToBase64, parseImportData } from '../util/data-checks.js';
import { describeValue } from '../util/describe-value.js';
import type { Limits } from '../util/limits.js';
import type { RecordStore } from '../util/record-store.js';
import { recordWriter } from '../util/record-writer.js';
import { Subscribable } from '../util/subscribable.js';
import { normalized } from '../util/vector-math.js';
import { yieldToEventLoop } from '../util/yield-to-event-loop.js';
import { checkDocument, documentKey } from './check-document.js';
import { countFacets, facetFieldsOf, filterOf } from './facets.js';
import { type FieldPassage, fieldPassages, passageWords } from './field-passages.js';
import { fuseRankings, defaultFusion, type Fusion } from './fuse-rankings.js';
import { findHighlights, matchableTerms, queryTerms } from './highlights.js';
import {
  type KeywordDocument,
  type KeywordIndex,
  type KeywordMatches,
  keyField,
  matchTerms,
  ThreadKeywordIndex,
} from './keyword-index.js';
import { QuantizedVectors } from './quantized-vectors.js';
import type { SearchSettings } from './search-settings.js';
import {
  type IndexingOptions,
  type IndexingProgress,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchIndexExport,
  type SearchIndexSnapshot,
  type SearchOptions,
  type SearchResult,
  searchModes,
} from './search-types.js';
import {
  type CheckedIndexData,
  exportFormat,
  storedFormat,
  validateIndexData,
} from './validate-index-data.js';
import { WorkerKeywordIndex } from './worker-keyword-index.js';

/**
 * What the index embeds passages and queries with: the client's embedder (in the worker).
 *
 * @example
 * const embedder: TextEmbedder = client.embedder()
 */
export interface TextEmbedder {
  embed(
    texts: readonly string[],
    options?: { signal?: AbortSignal },
  ): Promise<{ embeddings: Float32Array[] }>;
}

/** Documents checked, copied or added between two turns of the event loop. */
const sliceDocuments = 1000;
/** Candidates each ranking contributes to fusion. */
const candidatePool = 100;
/**
 * Cosine from which a semantic candidate counts in facets and `total` (USE-lite: unrelated short
 * texts mostly score below 0.3)…
 */
const facetSimilarity = 0.3;
/** …and within this of the best one (on a topical index, most documents pass 0.3). */
const facetSpread = 0.15;
/** Passages embedded per request to the worker (progress and cancellation between them). */
const embedChunk = 256;
/** Vectors scored before a search lets the page run (about 10 ms of work). */
const slotsPerSlice = 8192;

interface Passage extends FieldPassage {
  field: string;
  slot: number;
}

/** A keyword match as a search ranks it; its matched terms are read only for the hits shown. */
interface KeywordMatch {
  key: string;
  score: number;
  rank: number;
  terms: () => string[];
}

interface Entry<Doc> {
  key: string;
  document: Doc;
  passages: Passage[];
}

/**
 * The search index of `client.searchIndex()`: documents on the page; a MiniSearch keyword index
 * in a worker of its own on a page with workers (in this thread elsewhere); passage embeddings
 * computed by the client's embedder (in the inference worker) and kept as 8-bit codes, searched
 * in slices so the page stays responsive.
 *
 * @example
 * const index = createSearchIndex({ settings, embedder, model, store, limits })
 */
class LocalSearchIndex<Doc extends SearchDocument>
  extends Subscribable
  implements SearchIndex<Doc>
{
  readonly id: string;
  private entries = new Map<string, Entry<Doc>>();
  private owners: (string | undefined)[] = [];
  private vectors: QuantizedVectors | null = null;
  private readonly keyword: KeywordIndex;
  private snapshot: SearchIndexSnapshot = {
    status: 'loading',
    documents: 0,
    indexing: null,
    error: null,
  };
  private readonly loading: Promise<void>;
  /** Mutations run one after another, each on the state the last one left. */
  private queue: Promise<unknown> = Promise.resolve();
  private running = new Map<object, IndexingProgress>();
  /** Writes the record after a change (none without storage). */
  private readonly save: (() => Promise<void>) | null;
  /** Set while a change is being applied in slices: searches wait for it. */
  private applying: Promise<void> | null = null;

  constructor(
    private readonly settings: SearchSettings,
    private readonly embedder: TextEmbedder,
    readonly modelId: string,
    private readonly store: (() => Promise<RecordStore>) | null,
    private readonly limits: Limits,
    keywordWorker: (() => Worker) | null = null,
  ) {
    super();
    this.id = settings.id;
    this.keyword = keywordWorker
      ? new WorkerKeywordIndex(keywordWorker, settings.fields, () => this.keywordDocuments())
      : new ThreadKeywordIndex(settings.fields);
    this.save = store
      ? recordWriter(store, this.id, () => this.storedRecord(), `Search index "${this.id}"`)
      : null;
    this.loading = this.restore();
  }

  get size(): number {
    return this.entries.size;
  }

  ready(): Promise<void> {
    return this.loading;
  }

  getSnapshot = (): SearchIndexSnapshot => this.snapshot;

  get(id: string | number): Doc | undefined {
    return this.entries.get(String(id))?.document;
  }

  stats() {
    let passages = 0;
    for (const entry of this.entries.values()) passages += entry.passages.length;
    const vectorBytes = passages * (this.vectors?.bytesPerVector ?? 0);
    return {
      documents: this.entries.size,
      passages,
      vectorBytes,
      bytesPerDocument: this.entries.size === 0 ? 0 : vectorBytes / this.entries.size,
      keywordIndex: this.keyword.where,
    };
  }

  add(documents: readonly Doc[], options: IndexingOptions = {}): Promise<void> {
    return this.change('add', documents, options);
  }

  update(documents: readonly Doc[], options: IndexingOptions = {}): Promise<void> {
    return this.change('update', documents, options);
  }

  async remove(ids: readonly (string | number)[]): Promise<number> {
    if (!Array.isArray(ids)) {
      throw new InvalidInputError({
        parameter: 'ids',
        message: `remove() takes a list of document ids; got ${describeValue(ids)}.`,
      });
    }
    const keys = ids.map((id, index) => documentKey(id, `ids[${index}]`));
    return this.mutate(async () => {
      const removed = [...new Set(keys)].filter((key) => this.drop(key));
      if (removed.length > 0) {
        await this.keyword.replace(removed, []);
        await this.committed();
      }
      return removed.length;
    });
  }

  clear(): Promise<void> {
    return this.mutate(async () => {
      this.entries = new Map();
      this.owners = [];
      this.vectors = null;
      await this.keyword.clear();
      await this.committed();
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult<Doc>> {
    checkOptions(
      options,
      {
        k: optionRules.any,
        mode: optionRules.oneOf(...searchModes),
        filters: optionRules.any,
        facets: optionRules.any,
        signal: optionRules.signal,
        fusion: optionRules.any,
      },
      'search()',
    );
    if (typeof query !== 'string') {
      throw new InvalidInputError({
        parameter: 'query',
        message: `search() takes the query as a string; got ${describeValue(query)}.`,
      });
    }
    const k = options.k ?? 10;
    if (!Number.isInteger(k) || k < 1 || k > 1000) {
      throw new InvalidInputError({
        parameter: 'options.k',
        message: `k must be an integer from 1 to 1000; got ${describeValue(k)}.`,
      });
    }
    const mode = options.mode ?? 'hybrid';
    const filtered = options.filters !== undefined && Object.keys(options.filters).length > 0;
    const accept = filterOf(
      this.settings,
      options.filters,
      (key) => this.entries.get(key)?.document,
    );
    const facetFields = facetFieldsOf(this.settings, options.facets);
    const fusion = fusionOf(options.fusion);
    const { signal } = options;
    const what = 'The search';
    throwIfAborted(signal, what);
    await this.loading;
    while (this.applying) await this.applying;
    const empty: SearchResult<Doc> = { query, mode, hits: [], facets: {}, total: 0 };
    for (const field of facetFields) empty.facets[field] = {};
    if (query.trim() === '' || this.entries.size === 0) return empty;

    // The keyword side runs in its worker while the query is embedded and the vectors scanned.
    const keywordSearch = mode === 'semantic' ? null : this.keyword.search(query);
    keywordSearch?.catch(() => undefined);
    const semanticMatches =
      mode === 'keyword' ? [] : await this.nearest(query, filtered ? accept : undefined, signal);
    const keywordMatches = keywordSearch
      ? this.keywordMatches(await keywordSearch, filtered ? accept : undefined)
      : [];
    throwIfAborted(signal, what);

    const keywordRanks = new Map<string, KeywordMatch>();
    for (const match of keywordMatches) keywordRanks.set(match.key, match);
    const semanticRanks = new Map(semanticMatches.map((match) => [match.key, match]));
    const ranked =
      mode === 'keyword'
        ? keywordMatches
        : mode === 'semantic'
          ? semanticMatches.map((match) => ({ key: match.key, score: match.score }))
          : fuseRankings(keywordMatches.slice(0, candidatePool), semanticMatches, fusion);

    // What the facets count: every keyword match, and the semantic candidates close enough to
    // mean something (on a small index the semantic top 100 is most of it), and what is shown.
    const closeEnough = Math.max(facetSimilarity, (semanticMatches[0]?.score ?? 0) - facetSpread);
    const candidates = new Set<string>([
      ...keywordRanks.keys(),
      ...semanticMatches.filter((match) => match.score >= closeEnough).map((match) => match.key),
      ...ranked.slice(0, k).map((entry) => entry.key),
    ]);
    const facets = countFacets(
      candidates,
      facetFields,
      (key) => (this.entries.get(key) as Entry<Doc>).document,
    );
    const terms = matchableTerms(query);
    const hits: SearchHit<Doc>[] = [];
    for (const { key, score } of ranked.slice(0, k)) {
      const entry = this.entries.get(key) as Entry<Doc>;
      const keywordMatch = keywordRanks.get(key);
      const semanticMatch = semanticRanks.get(key);
      const matchedTerms = keywordMatch ? keywordMatch.terms() : [];
      const why: SearchHit<Doc>['why'] = {
        matchedBy: [
          ...(keywordMatch ? (['keyword'] as const) : []),
          ...(semanticMatch ? (['semantic'] as const) : []),
        ],
        terms: matchedTerms,
      };
      if (keywordMatch) why.keywordRank = keywordMatch.rank;
      if (semanticMatch) {
        why.semanticRank = semanticMatch.rank;
        why.similarity = semanticMatch.score;
        const passage = entry.passages[semanticMatch.passage] as Passage;
        const text = this.fieldText(entry.document, passage.field);
        why.passage = {
          field: passage.field,
          index: entry.passages.filter((other) => other.field === passage.field).indexOf(passage),
          start: passage.start,
          end: passage.end,
          text: text.slice(passage.start, passage.end),
        };
      }
      hits.push({
        id: key,
        score,
        document: entry.document,
        highlights: findHighlights(
          Object.keys(this.settings.fields).map((field) => ({
            field,
            text: this.fieldText(entry.document, field),
          })),
          matchedTerms,
          terms,
        ),
        why,
      });
    }
    return { query, mode, hits, facets, total: candidates.size };
  }

  async suggest(prefix: string, options: { k?: number } = {}): Promise<string[]> {
    checkOptions(options, { k: optionRules.any }, 'suggest()');
    if (typeof prefix !== 'string') {
      throw new InvalidInputError({
        parameter: 'prefix',
        message: `suggest() takes the typed text as a string; got ${describeValue(prefix)}.`,
      });
    }
    const k = options.k ?? 5;
    if (!Number.isInteger(k) || k < 1 || k > 100) {
      throw new InvalidInputError({
        parameter: 'options.k',
        message: `k must be an integer from 1 to 100; got ${describeValue(k)}.`,
      });
    }
    await this.loading;
    if (prefix.trim() === '') return [];
    // The last word is completed (or corrected) from the indexed words, ranked by how well the
    // documents holding them match everything typed; the words before it are kept as typed.
    const words = queryTerms(prefix);
    const last = words.at(-1);
    if (last === undefined) return [];
    const typedEnd = prefix.toLowerCase().lastIndexOf(last);
    const head = prefix.slice(0, typedEnd);
    const terms = await this.keyword.suggest({ prefix, last, earlier: words.slice(0, -1), k });
    return terms.map((term) => `${head}${term}`);
  }

  async export(): Promise<SearchIndexExport> {
    await this.loading;
    await this.queue.catch(() => undefined);
    const data = this.toData();
    return {
      format: exportFormat,
      version: 1,
      id: this.id,
      modelId: this.modelId,
      dimensions: data.dimensions,
      idField: this.settings.idField,
      fields: { ...this.settings.fields },
      facets: [...this.settings.facets],
      exportedAt: new Date().toISOString(),
      documents: data.documents,
      passages: data.passages,
      vectors: { codes: bytesToBase64Safe(data.codes), scales: Array.from(data.scales) },
    };
  }

  async import(data: unknown): Promise<void> {
    const parsed = parseImportData(data, this.limits.maxImportBytes);
    await this.loading;
    const checked = await validateIndexData(parsed, exportFormat, this.expectations());
    await this.mutate(async () => {
      await this.load(checked);
      await this.committed();
    });
  }

  // ─── internals ───────────────────────────────────────────────────────────

  private expectations() {
    return {
      modelId: this.modelId,
      dimensions: this.vectors?.dimensions ?? null,
      idField: this.settings.idField,
      fields: this.settings.fields,
      facets: this.settings.facets,
      check: (document: unknown, path: string) => checkDocument(this.settings, document, path),
    };
  }

  private async restore(): Promise<void> {
    try {
      if (this.store) {
        const stored = await (await this.store()).get(this.id);
        if (stored !== undefined) {
          const checked = await validateIndexData(stored, storedFormat, {
            ...this.expectations(),
            // An index stored with other fields or another model is rebuilt from its documents.
            lenient: true,
          });
          if (checked.compatible) await this.load(checked);
          else await this.reindex(checked.documents as Doc[]);
        }
      }
      this.setSnapshot({ status: 'ready' });
    } catch (error) {
      this.setSnapshot({ status: 'error', error: error as Error });
      throw error;
    }
  }

  /** Rebuilds everything from documents (stored with other settings or another model). */
  private async reindex(documents: Doc[]): Promise<void> {
    const prepared = await this.prepare('add', documents, {});
    await this.apply(prepared);
    await this.committed();
  }

  private async change(
    kind: 'add' | 'update',
    documents: readonly Doc[],
    options: IndexingOptions,
  ): Promise<void> {
    checkOptions(
      options,
      { signal: optionRules.signal, onProgress: optionRules.function },
      `${kind}()`,
    );
    if (!Array.isArray(documents)) {
      throw new InvalidInputError({
        parameter: 'documents',
        message: `${kind}() takes a list of documents; got ${describeValue(documents)}.`,
      });
    }
    return this.mutate(async () => {
      await this.loading.catch(() => undefined);
      const prepared = await this.prepare(kind, documents, options);
      await this.apply(prepared);
      await this.committed();
    });
  }

  private mutate<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Embeds what a change needs; nothing of the index changes until it all succeeded. */
  private async prepare(
    kind: 'add' | 'update',
    documents: readonly Doc[],
    options: IndexingOptions,
  ) {
    const seen = new Set<string>();
    const prepared: {
      key: string;
      document: Doc;
      passages: (FieldPassage & { field: string; text: string })[];
    }[] = [];
    for (let index = 0; index < documents.length; index += 1) {
      // Checking, copying and splitting 100,000 documents takes seconds: the page breathes.
      if (index > 0 && index % sliceDocuments === 0) await yieldToEventLoop();
      const document = documents[index] as Doc;
      const key = checkDocument(this.settings, document, `documents[${index}]`);
      if (seen.has(key)) {
        throw new InvalidInputError({
          parameter: `documents[${index}].${this.settings.idField}`,
          message: `Document id "${key}" appears twice in this call.`,
        });
      }
      if (kind === 'add' && this.entries.has(key)) {
        throw new InvalidInputError({
          parameter: `documents[${index}].${this.settings.idField}`,
          message: `Document id "${key}" is already indexed; use update() to replace it.`,
        });
      }
      seen.add(key);
      prepared.push({
        key,
        document: storableCopy(document, index),
        passages: this.passagesOf(document),
      });
    }
    const texts = prepared.flatMap((entry) => entry.passages.map((passage) => passage.text));
    const progress: IndexingProgress = { embedded: 0, total: texts.length };
    const token = {};
    this.running.set(token, progress);
    this.publishIndexing();
    const vectors: Float32Array[] = [];
    try {
      const step = Math.min(embedChunk, this.limits.maxTextsPerCall);
      for (let start = 0; start < texts.length; start += step) {
        throwIfAborted(options.signal, 'Indexing');
        const chunk = texts.slice(start, start + step);
        const { embeddings } = await this.embedder.embed(chunk, {
          ...(options.signal ? { signal: options.signal } : {}),
        });
        for (const vector of embeddings) vectors.push(normalized(vector));
        progress.embedded = vectors.length;
        options.onProgress?.({ ...progress });
        this.publishIndexing();
      }
    } finally {
      this.running.delete(token);
      this.publishIndexing();
    }
    throwIfAborted(options.signal, 'Indexing');
    return { entries: prepared, vectors };
  }

  /**
   * The passages of a document and the text each embeds. A short document (all its fields within
   * one passage's words) is one passage, its fields joined ("Title. Body"), recorded on its
   * longest field: one vector a document, and the title gives the body its context. A longer one
   * has passages per field.
   */
  private passagesOf(document: SearchDocument): (FieldPassage & { field: string; text: string })[] {
    const fields = Object.keys(this.settings.fields);
    const perField = fields.map((field) => ({
      field,
      passages: fieldPassages(this.fieldText(document, field)),
    }));
    const words = fields.reduce(
      (sum, field) => sum + (this.fieldText(document, field).match(/\S+/g)?.length ?? 0),
      0,
    );
    const present = perField.filter((entry) => entry.passages.length > 0);
    if (present.length > 1 && words <= passageWords) {
      const texts = present.map(({ field, passages }) =>
        this.fieldText(document, field).slice(
          (passages[0] as FieldPassage).start,
          (passages[0] as FieldPassage).end,
        ),
      );
      const longest = present.reduce((best, entry, index) =>
        (texts[index] as string).length > (texts[present.indexOf(best)] as string).length
          ? entry
          : best,
      );
      const passage = longest.passages[0] as FieldPassage;
      return [{ ...passage, field: longest.field, text: texts.join('. ') }];
    }
    return perField.flatMap(({ field, passages }) =>
      passages.map((passage) => ({
        ...passage,
        field,
        text: this.fieldText(document, field).slice(passage.start, passage.end),
      })),
    );
  }

  /** Adds prepared documents in slices (letting the page run between them); searches wait for it. */
  private async apply(prepared: Awaited<ReturnType<LocalSearchIndex<Doc>['prepare']>>) {
    let release = () => {};
    this.applying = new Promise<void>((resolve) => (release = resolve));
    try {
      let next = 0;
      let replaced: string[] = [];
      let added: KeywordDocument[] = [];
      // The keyword index gets each slice in one call (one message to its worker).
      const flush = async () => {
        await this.keyword.replace(replaced, added);
        replaced = [];
        added = [];
      };
      for (const [position, { key, document, passages }] of prepared.entries.entries()) {
        if (position > 0 && position % sliceDocuments === 0) {
          await flush();
          await yieldToEventLoop();
        }
        if (this.drop(key)) replaced.push(key);
        const entry: Entry<Doc> = { key, document, passages: [] };
        for (const passage of passages) {
          const vector = prepared.vectors[next++] as Float32Array;
          this.vectors ??= new QuantizedVectors(vector.length);
          const slot = this.vectors.add(vector);
          this.owners[slot] = key;
          entry.passages.push({
            field: passage.field,
            start: passage.start,
            end: passage.end,
            slot,
          });
        }
        this.entries.set(key, entry);
        added.push(this.keywordDocument(key, document));
      }
      await flush();
    } finally {
      this.applying = null;
      release();
    }
  }

  private drop(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    for (const passage of entry.passages) {
      this.vectors?.remove(passage.slot);
      this.owners[passage.slot] = undefined;
    }
    this.entries.delete(key);
    return true;
  }

  /**
   * Replaces the index with checked data. Everything is built aside, in slices (100,000 documents
   * take seconds), and swapped in at once: searches meanwhile read the index as it was.
   */
  private async load(checked: CheckedIndexData) {
    const dimensions = checked.dimensions;
    const vectors =
      checked.passages.length > 0
        ? new QuantizedVectors(dimensions, checked.passages.length)
        : null;
    const owners: (string | undefined)[] = [];
    const entries = new Map<string, Entry<Doc>>();
    const byDocument = new Map<number, Passage[]>();
    for (let index = 0; index < checked.passages.length; index += 1) {
      if (index > 0 && index % (sliceDocuments * 10) === 0) await yieldToEventLoop();
      const passage = checked.passages[index] as CheckedIndexData['passages'][number];
      const codes = checked.codes.subarray(index * dimensions, (index + 1) * dimensions);
      const slot = (vectors as QuantizedVectors).addCodes(codes, checked.scales[index] as number);
      const list = byDocument.get(passage.document) ?? [];
      list.push({ field: passage.field, start: passage.start, end: passage.end, slot });
      byDocument.set(passage.document, list);
    }
    const keywordDocuments: KeywordDocument[] = [];
    for (let position = 0; position < checked.documents.length; position += 1) {
      if (position > 0 && position % (sliceDocuments * 10) === 0) await yieldToEventLoop();
      const document = checked.documents[position] as Doc;
      const key = String(document[this.settings.idField]);
      const passages = byDocument.get(position) ?? [];
      for (const passage of passages) owners[passage.slot] = key;
      entries.set(key, { key, document, passages });
      keywordDocuments.push(this.keywordDocument(key, document));
    }
    // A stored MiniSearch index is loaded when it matches the documents; else rebuilt from them.
    await this.keyword.replaceAll(keywordDocuments, checked.keyword);
    this.entries = entries;
    this.owners = owners;
    this.vectors = vectors;
  }

  private toData() {
    const documents: SearchDocument[] = [];
    const passages: SearchIndexExport['passages'] = [];
    const dimensions = this.vectors?.dimensions ?? 0;
    let count = 0;
    for (const entry of this.entries.values()) count += entry.passages.length;
    const codes = new Int8Array(count * dimensions);
    const scales = new Float32Array(count);
    let at = 0;
    for (const entry of this.entries.values()) {
      const position = documents.length;
      documents.push(entry.document);
      for (const passage of entry.passages) {
        const coded = (this.vectors as QuantizedVectors).codesOf(passage.slot);
        codes.set(coded.codes, at * dimensions);
        scales[at] = coded.scale;
        passages.push({
          document: position,
          field: passage.field,
          start: passage.start,
          end: passage.end,
        });
        at += 1;
      }
    }
    return { documents, passages, codes, scales, dimensions };
  }

  /** Persists the index (one write at a time; changes made meanwhile share the next write). */
  private async committed(): Promise<void> {
    this.setSnapshot({ documents: this.entries.size });
    await this.save?.();
  }

  /** The record kept in storage: documents, passages, their codes and the keyword index. */
  private storedRecord() {
    const data = this.toData();
    return {
      format: storedFormat,
      version: 1,
      id: this.id,
      modelId: this.modelId,
      dimensions: data.dimensions,
      idField: this.settings.idField,
      fields: { ...this.settings.fields },
      facets: [...this.settings.facets],
      documents: data.documents,
      passages: data.passages,
      vectors: { codes: data.codes, scales: data.scales },
      keyword: this.keyword.storable(),
    };
  }

  private async nearest(
    query: string,
    accept: ((key: string) => boolean) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ key: string; score: number; passage: number; rank: number }[]> {
    const vectors = this.vectors;
    if (!vectors || vectors.size === 0) return [];
    const { embeddings } = await this.embedder.embed([query], signal ? { signal } : {});
    const vector = normalized(embeddings[0] as Float32Array);
    const passages = await vectors.nearestInSlices(vector, candidatePool * 4, {
      accept: accept ? (slot) => accept(this.owners[slot] as string) : undefined,
      slotsPerSlice,
      pause: yieldToEventLoop,
      isCancelled: () => signal?.aborted === true,
    });
    const best = new Map<string, { key: string; score: number; passage: number; rank: number }>();
    for (const { slot, score } of passages) {
      const key = this.owners[slot] as string;
      if (best.has(key) || best.size >= candidatePool) continue;
      const entry = this.entries.get(key) as Entry<Doc>;
      best.set(key, {
        key,
        score,
        passage: entry.passages.findIndex((passage) => passage.slot === slot),
        rank: best.size + 1,
      });
    }
    return [...best.values()];
  }

  private fieldText(document: SearchDocument, field: string): string {
    const value = document[field];
    return typeof value === 'string' ? value : '';
  }

  /** What the keyword index holds now (to rebuild it in this thread if its worker fails). */
  private keywordDocuments(): KeywordDocument[] {
    return [...this.entries.values()].map((entry) =>
      this.keywordDocument(entry.key, entry.document),
    );
  }

  /**
   * The keyword matches the search can use: those still in the index (a search that overlapped
   * an import may see the other side's), those the filters accept; ranked 1, 2… in that order.
   */
  private keywordMatches(
    matches: KeywordMatches,
    accept: ((key: string) => boolean) | undefined,
  ): KeywordMatch[] {
    const kept: KeywordMatch[] = [];
    for (let position = 0; position < matches.ids.length; position += 1) {
      const key = matches.ids[position] as string;
      if (!this.entries.has(key) || (accept && !accept(key))) continue;
      kept.push({
        key,
        score: matches.scores[position] as number,
        rank: kept.length + 1,
        terms: () => matchTerms(matches, position),
      });
    }
    return kept;
  }

  private keywordDocument(key: string, document: SearchDocument): KeywordDocument {
    const indexed: KeywordDocument = { [keyField]: key };
    for (const field of Object.keys(this.settings.fields))
      indexed[field] = this.fieldText(document, field);
    return indexed;
  }

  private publishIndexing() {
    const running = [...this.running.values()];
    const indexing: IndexingProgress | null =
      running.length === 0
        ? null
        : {
            embedded: running.reduce((sum, progress) => sum + progress.embedded, 0),
            total: running.reduce((sum, progress) => sum + progress.total, 0),
          };
    this.setSnapshot({ indexing });
  }

  private setSnapshot(change: Partial<SearchIndexSnapshot>) {
    this.snapshot = { ...this.snapshot, documents: this.entries.size, ...change };
    this.notify();
  }
}

function fusionOf(value: unknown): Fusion {
  if (value === undefined) return defaultFusion;
  const given = value as Partial<Fusion> | null;
  const method = given?.method ?? defaultFusion.method;
  const semanticWeight = given?.semanticWeight ?? defaultFusion.semanticWeight;
  if (
    typeof given !== 'object' ||
    given === null ||
    (method !== 'rank' && method !== 'score') ||
    typeof semanticWeight !== 'number' ||
    !(semanticWeight >= 0 && semanticWeight <= 1)
  ) {
    throw new InvalidInputError({
      parameter: 'options.fusion',
      message: `fusion must be { method: 'rank' | 'score', semanticWeight: 0…1 }; got ${describeValue(value)}.`,
    });
  }
  return { method, semanticWeight };
}

function bytesToBase64Safe(codes: Int8Array): string {
  return bytesToBase64(new Uint8Array(codes.buffer, codes.byteOffset, codes.byteLength));
}

/** A copy of a document as IndexedDB would store it, or a typed error naming it. */
function storableCopy<Doc>(document: Doc, index: number): Doc {
  try {
    return structuredClone(document);
  } catch (error) {
    throw new InvalidInputError({
      parameter: `documents[${index}]`,
      message: `A document must be plain data that can be stored (no functions or class instances): ${(error as Error).message}`,
      cause: error,
    });
  }
}

/**
 * Creates a search index (see `client.searchIndex()`).
 *
 * @example
 * const index = createSearchIndex(settings, client.embedder(), 'use-lite', () => store, limits)
 */
export function createSearchIndex<Doc extends SearchDocument>(
  settings: SearchSettings,
  embedder: TextEmbedder,
  modelId: string,
  store: (() => Promise<RecordStore>) | null,
  limits: Limits,
  keywordWorker: (() => Worker) | null = null,
): SearchIndex<Doc> {
  return new LocalSearchIndex<Doc>(settings, embedder, modelId, store, limits, keywordWorker);
}
