/**
 * A weight with its sign and two decimals, using a real minus sign ("+0.21", "−0.05").
 *
 * @example
 * formatWeight(-0.048) // '−0.05'
 */
export function formatWeight(weight: number): string {
  const rounded = Math.abs(weight) < 0.005 ? 0 : weight;
  return `${rounded < 0 ? '−' : '+'}${Math.abs(rounded).toFixed(2)}`;
}
