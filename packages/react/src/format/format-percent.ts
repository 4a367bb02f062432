/**
 * A probability as a whole percent with a space before the sign, as read aloud ("92 %").
 *
 * @example
 * formatPercent(0.923) // '92 %'
 */
export function formatPercent(probability: number): string {
  const percent = Math.round(Math.min(1, Math.max(0, probability)) * 100);
  return `${percent} %`;
}
