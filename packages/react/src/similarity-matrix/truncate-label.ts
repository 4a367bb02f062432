/**
 * Shortens a label to at most `maxLength` characters (code points), ending in "…" when cut.
 *
 * @example
 * truncateLabel('How do I reset my password?', 12) // 'How do I re…'
 */
export function truncateLabel(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  return `${characters
    .slice(0, Math.max(0, maxLength - 1))
    .join('')
    .trimEnd()}…`;
}
