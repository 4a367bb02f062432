/**
 * The identity of a list of texts: equal contents give equal keys, so a component may pass a
 * fresh array literal on every render. (JSON keeps texts with any character unambiguous.)
 *
 * @example
 * textsKey(['a', 'b']) === textsKey(['a', 'b']) // true
 */
export function textsKey(texts: readonly string[]): string {
  return JSON.stringify(texts);
}

/**
 * Whether a text has nothing to compute (empty or only whitespace).
 *
 * @example
 * isBlank('  ') // true
 */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
