import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { yieldToEventLoop } from '../util/yield-to-event-loop.js';
import { keywordTerm } from './stop-words.js';

/** The last query word is matched as a prefix (it may be half typed), from two letters. */
export const keywordPrefix = (term: string, index: number, terms: readonly string[]) =>
  index === terms.length - 1 && term.length >= 2;

/** Words of five letters or more match with up to 20 % edits (typos). */
export const keywordFuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);

/**
 * The keyword index's options: text fields with their weights, stop words dropped, prefix and
 * typo tolerance, words combined with OR.
 *
 * @example
 * new MiniSearch(keywordIndexOptions('\u0000key', { title: 3, body: 1 }))
 */
export function keywordIndexOptions<T>(
  idField: string,
  fields: Record<string, number>,
): Options<T> {
  return {
    idField,
    fields: Object.keys(fields),
    storeFields: [],
    processTerm: keywordTerm,
    searchOptions: {
      boost: fields,
      prefix: keywordPrefix,
      fuzzy: keywordFuzzy,
      combineWith: 'OR',
    },
  };
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/**
 * `miniSearch.search(query)` one query word at a time, letting the event loop run between
 * words (the keyword worker answers other messages meanwhile; in a thread without that worker,
 * the page runs). The result is MiniSearch's own (OR combines words by adding their scores, then
 * multiplies by the number of query words a document matched); only documents of equal score may
 * come in another order.
 *
 * @example
 * const results = await searchWordByWord(miniSearch, 'cancel my plan')
 */
export async function searchWordByWord<T>(
  miniSearch: MiniSearch<T>,
  query: string,
): Promise<SearchResult[]> {
  const terms = tokenize(query)
    .map((term) => keywordTerm(term))
    .filter((term): term is string => term !== null && term !== '');
  const combined = new Map<
    string,
    { score: number; queryTerms: string[]; match: SearchResult['match'] }
  >();
  for (const [index, term] of terms.entries()) {
    if (index > 0) await yieldToEventLoop();
    const results = miniSearch.search(term, {
      prefix: keywordPrefix(term, index, terms),
      fuzzy: keywordFuzzy(term),
    });
    for (const result of results) {
      const id = String(result.id);
      const existing = combined.get(id);
      if (!existing) {
        combined.set(id, {
          score: result.score,
          queryTerms: [...result.queryTerms],
          match: { ...result.match },
        });
        continue;
      }
      existing.score += result.score;
      Object.assign(existing.match, result.match);
      for (const queryTerm of result.queryTerms) {
        if (!existing.queryTerms.includes(queryTerm)) existing.queryTerms.push(queryTerm);
      }
    }
  }
  const results: SearchResult[] = [];
  for (const [id, { score, queryTerms, match }] of combined) {
    results.push({
      id,
      score: score * (queryTerms.length || 1),
      terms: Object.keys(match),
      queryTerms,
      match,
    });
  }
  return results.sort((a, b) => b.score - a.score);
}
