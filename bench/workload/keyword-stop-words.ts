/**
 * The English stop words the search index's keyword side leaves out (a copy of
 * packages/core/src/search/stop-words.ts, which core does not export): the MiniSearch anchor of
 * bench (l) drops the same words, and the bench checks that both rank alike.
 *
 * @example
 * keywordStopWords.has('the') // true
 */
export const keywordStopWords: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in ' +
    'into is it its me my of on or our should so than that the their them then there these they ' +
    'this those to too us was we were what when where which while who whom why will with would ' +
    'you your am any all also about just own same some such very'
  ).split(' '),
);

/**
 * The keyword side's term processing: lowercase, stop words dropped (MiniSearch `processTerm`).
 *
 * @example
 * keywordTerm('The') // null
 */
export function keywordTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return keywordStopWords.has(lower) ? null : lower;
}
