import MiniSearch, { type Options } from 'minisearch';
import { keywordIndexOptions, searchWordByWord } from './keyword-search.js';

/** The keyword index's id field: a name no document field can clash with. */
export const keyField = '\u0000key';

/**
 * What the keyword index holds of a document: its key (under {@link keyField}) and text fields.
 *
 * @example
 * const document: KeywordDocument = { [keyField]: 'a1', title: 'Refunds', body: '…' }
 */
export type KeywordDocument = Record<string, string>;

/**
 * The keyword matches of a query, best first, in a compact form that crosses a worker boundary
 * cheaply: ids and scores, and each match's matched index terms as positions in `termTable`
 * (match `i` holds `termIds[termStarts[i]]` up to `termIds[termStarts[i + 1]]`).
 *
 * @example
 * const terms = matchTerms(matches, 0) // ['refund', 'card']
 */
export interface KeywordMatches {
  ids: string[];
  scores: Float64Array;
  termTable: string[];
  termStarts: Uint32Array;
  termIds: Uint32Array;
}

/**
 * The index terms match number `position` of {@link KeywordMatches} matched.
 *
 * @example
 * matchTerms(matches, 0) // ['refund']
 */
export function matchTerms(matches: KeywordMatches, position: number): string[] {
  const terms: string[] = [];
  const end = matches.termStarts[position + 1] as number;
  for (let at = matches.termStarts[position] as number; at < end; at += 1) {
    terms.push(matches.termTable[matches.termIds[at] as number] as string);
  }
  return terms;
}

/**
 * The last word of a typed prefix to complete, and the words typed before it (kept as typed).
 *
 * @example
 * const request: SuggestRequest = { prefix: 'cancel my subs', last: 'subs', earlier: ['cancel'], k: 5 }
 */
export interface SuggestRequest {
  prefix: string;
  last: string;
  earlier: string[];
  k: number;
}

/**
 * The keyword side of a search index (MiniSearch): in a worker of its own on a page, in the
 * calling thread elsewhere. Calls apply in the order they are made.
 *
 * @example
 * await keyword.replace(['a1'], [{ [keyField]: 'a1', title: 'Refunds' }])
 */
export interface KeywordIndex {
  /** Where the MiniSearch index lives: `worker` (its own Web Worker) or `thread` (this one). */
  readonly where: 'worker' | 'thread';
  /** Removes the documents with these keys (those it holds), then adds (or replaces) these. */
  replace(removeKeys: readonly string[], documents: readonly KeywordDocument[]): Promise<void>;
  /** Replaces everything with these documents, built aside (searches meanwhile read the old). */
  replaceAll(documents: readonly KeywordDocument[], stored?: unknown): Promise<void>;
  clear(): Promise<void>;
  /** Every match of the query (OR of its words, prefix and typo tolerance), best first. */
  search(query: string): Promise<KeywordMatches>;
  /** Completions (or corrections) of the last typed word, best first. */
  suggest(request: SuggestRequest): Promise<string[]>;
  /** The index as MiniSearch serialises it, to store beside the documents; undefined in a worker. */
  storable(): unknown;
}

/** Documents added before the next batch lets the thread run (MiniSearch's `addAllAsync`). */
const chunkSize = 1000;

/**
 * The keyword index in this thread: a MiniSearch index with core's options. Also what the
 * keyword worker runs.
 *
 * @example
 * const keyword = new ThreadKeywordIndex({ title: 2, body: 1 })
 */
export class ThreadKeywordIndex implements KeywordIndex {
  readonly where = 'thread' as const;
  private miniSearch: MiniSearch<KeywordDocument>;

  constructor(private readonly fields: Record<string, number>) {
    this.miniSearch = this.empty();
  }

  get documentCount(): number {
    return this.miniSearch.documentCount;
  }

  replace(removeKeys: readonly string[], documents: readonly KeywordDocument[]): Promise<void> {
    for (const key of removeKeys) {
      if (this.miniSearch.has(key)) this.miniSearch.discard(key);
    }
    for (const document of documents) {
      // A document already held is replaced (a change sent twice applies once).
      const key = document[keyField] as string;
      if (this.miniSearch.has(key)) this.miniSearch.discard(key);
    }
    this.miniSearch.addAll(documents);
    return Promise.resolve();
  }

  async replaceAll(documents: readonly KeywordDocument[], stored?: unknown): Promise<void> {
    let built: MiniSearch<KeywordDocument> | null = null;
    if (stored !== undefined) {
      try {
        built = await MiniSearch.loadJSAsync(
          stored as Parameters<typeof MiniSearch.loadJSAsync>[0],
          this.options(),
        );
        if (built.documentCount !== documents.length) built = null;
      } catch {
        // A stored index that does not load is rebuilt from the documents.
        built = null;
      }
    }
    if (!built) {
      built = this.empty();
      await built.addAllAsync(documents, { chunkSize });
    }
    this.miniSearch = built;
  }

  clear(): Promise<void> {
    this.miniSearch = this.empty();
    return Promise.resolve();
  }

  async search(query: string): Promise<KeywordMatches> {
    const results = await searchWordByWord(this.miniSearch, query);
    const ids: string[] = new Array<string>(results.length);
    const scores = new Float64Array(results.length);
    const termStarts = new Uint32Array(results.length + 1);
    const termTable: string[] = [];
    const termNumbers = new Map<string, number>();
    const termIds: number[] = [];
    results.forEach((result, position) => {
      ids[position] = String(result.id);
      scores[position] = result.score;
      for (const term of result.terms) {
        let number = termNumbers.get(term);
        if (number === undefined) {
          number = termTable.length;
          termTable.push(term);
          termNumbers.set(term, number);
        }
        termIds.push(number);
      }
      termStarts[position + 1] = termIds.length;
    });
    return { ids, scores, termTable, termStarts, termIds: Uint32Array.from(termIds) };
  }

  suggest({ prefix, last, earlier, k }: SuggestRequest): Promise<string[]> {
    // The last word is completed (or corrected) from the indexed words, ranked by how well the
    // documents holding them match everything typed.
    const skip = new Set(earlier);
    const weights = new Map<string, number>();
    for (const result of this.miniSearch.search(prefix, {
      prefix: (_term, index, terms) => index === terms.length - 1,
      fuzzy: (term, index, terms) => (index === terms.length - 1 && term.length > 3 ? 0.25 : false),
    })) {
      for (const term of result.terms) {
        if (skip.has(term)) continue;
        // A completion of what was typed ranks above a correction of it.
        const bonus = term.startsWith(last) ? 2 : 1;
        weights.set(term, (weights.get(term) ?? 0) + result.score * bonus);
      }
    }
    return Promise.resolve(
      [...weights]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .slice(0, k)
        .map(([term]) => term),
    );
  }

  storable(): unknown {
    return this.miniSearch.toJSON();
  }

  private empty(): MiniSearch<KeywordDocument> {
    return new MiniSearch<KeywordDocument>(this.options());
  }

  private options(): Options<KeywordDocument> {
    return keywordIndexOptions<KeywordDocument>(keyField, this.fields);
  }
}
