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

/** True inside a Web Worker (dedicated, shared or service). */
export function isWorkerScope(): boolean {
  const scope = globalThis as { WorkerGlobalScope?: abstract new () => unknown };
  return (
    typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope
  );
}
