/**
 * Sentences from a text with one sentence per line: lines trimmed, blank lines dropped.
 *
 * @example
 * parseSentences('A cat.\n\n  A kitten. \n') // ['A cat.', 'A kitten.']
 */
export function parseSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
