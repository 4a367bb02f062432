/**
 * True when running on Node.js (tests, scripts, the eval CLI), including under jsdom.
 * Browsers and bundlers do not define `process.versions.node`.
 */
export function isNode(): boolean {
  return (
    typeof process !== 'undefined' &&
    typeof process.versions === 'object' &&
    typeof process.versions.node === 'string'
  );
}
