/**
 * Bytes as a short decimal figure: `812 B`, `61.4 kB`, `8.0 MB`.
 *
 * @example
 * formatBytes(1_248_987) // '1.2 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
