/**
 * English function words the keyword index leaves out: they match nearly every document, so they
 * only add noise to BM25 ranking, suggestions and highlights (the semantic side still reads
 * them). Measured on the retrieval eval (docs/quality.md): keyword MRR@10 +0.03 on BANKING77
 * queries held out of train.
 *
 * @example
 * stopWords.has('the') // true
 */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in ' +
    'into is it its me my of on or our should so than that the their them then there these they ' +
    'this those to too us was we were what when where which while who whom why will with would ' +
    'you your am any all also about just own same some such very'
  ).split(' '),
);

/**
 * The keyword index's term processing: lowercase, stop words dropped.
 *
 * @example
 * keywordTerm('The') // null
 */
export function keywordTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return stopWords.has(lower) ? null : lower;
}
