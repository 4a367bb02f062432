/**
 * Whether two lists hold the same strings in the same order (contents, not identity), so a
 * component may pass a fresh array literal on every render.
 *
 * @example
 * textsEqual(['a', 'b'], ['a', 'b']) // true
 */
export function textsEqual(left: readonly string[], right: readonly string[]): boolean {
  if (left === right) return true;
  if (left.length !== right.length) return false;
  return left.every((text, index) => text === right[index]);
}
