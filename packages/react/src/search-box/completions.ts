/** Words as the keyword index splits them (MiniSearch: runs of letters, digits and marks). */
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Suggestions to offer for a typed query, one completion each, from what `index.suggest`
 * returns (MiniSearch's suggestions join the indexed words every typed word may be, the last
 * one as a prefix: "export re" → "export report reports"): the query with its last word
 * replaced by one of them ("export report", "export reports"). The typed query itself is left
 * out, and so are repeats.
 *
 * @example
 * completions('export re', ['export report reports'], 5) // ['export report', 'export reports']
 */
export function completions(query: string, suggestions: readonly string[], max: number): string[] {
  const words = [...query.matchAll(wordPattern)];
  const last = words.at(-1);
  if (!last) return [];
  // What comes before the last word, as typed ("two-" of "two-f").
  const head = query.slice(0, last.index);
  const headWords = words.slice(0, -1).map((word) => word[0].toLowerCase());
  const seen = new Set([query.trim().toLowerCase()]);
  const result: string[] = [];
  for (const suggestion of suggestions) {
    const terms = suggestion.split(/\s+/).filter(Boolean);
    // Each typed word before the last accounts for one term (itself, or what its prefix became).
    for (const word of headWords) {
      const at = terms.findIndex((term) => term.toLowerCase().startsWith(word));
      if (at >= 0) terms.splice(at, 1);
    }
    // The shorter completion first: "refund" before "refunds".
    terms.sort((left, right) => left.length - right.length);
    for (const term of terms) {
      const completion = `${head}${term}`;
      const key = completion.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(completion);
      if (result.length === max) return result;
    }
  }
  return result;
}
