/**
 * Bytes as megabytes (10⁶ bytes) with one decimal, for progress text.
 *
 * @example
 * formatMegabytes(12_345_678) // '12.3'
 */
export function formatMegabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
