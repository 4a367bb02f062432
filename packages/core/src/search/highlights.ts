import type { SearchHighlight } from './search-types.js';
import { keywordTerm } from './stop-words.js';

/** Words as the keyword index splits them (MiniSearch: runs of letters, digits and marks). */
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

/** Highlights per field at most. */
const maximumPerField = 20;

/**
 * The query's words, lowercased, for highlighting (the last one may be half typed).
 *
 * @example
 * queryTerms('Reset Pass') // ['reset', 'pass']
 */
export function queryTerms(query: string): string[] {
  return [...query.toLowerCase().matchAll(wordPattern)].map((match) => match[0]);
}

/**
 * The query's words that can match (stop words left out), for highlighting.
 *
 * @example
 * matchableTerms('reset the password') // ['reset', 'password']
 */
export function matchableTerms(query: string): string[] {
  return queryTerms(query).filter((term) => keywordTerm(term) !== null);
}

/**
 * The spans of each field that matched: words equal to a matched document term (what the keyword
 * index found, typos and prefixes resolved) or to a query word, and words the last query word
 * begins (it may be half typed).
 *
 * @example
 * findHighlights([{ field: 'title', text: 'Refund policy' }], ['refund'], ['refund'])
 * // [{ field: 'title', start: 0, end: 6, text: 'Refund' }]
 */
export function findHighlights(
  fields: readonly { field: string; text: string }[],
  matchedTerms: readonly string[],
  terms: readonly string[],
): SearchHighlight[] {
  const exact = new Set([...matchedTerms.map((term) => term.toLowerCase()), ...terms]);
  const last = terms.at(-1);
  const highlights: SearchHighlight[] = [];
  for (const { field, text } of fields) {
    let count = 0;
    for (const match of text.matchAll(wordPattern)) {
      const word = match[0].toLowerCase();
      if (exact.has(word) || (last !== undefined && last.length >= 2 && word.startsWith(last))) {
        highlights.push({
          field,
          start: match.index,
          end: match.index + match[0].length,
          text: match[0],
        });
        count += 1;
        if (count === maximumPerField) break;
      }
    }
  }
  return highlights;
}
