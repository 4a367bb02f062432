/**
 * True when running on Node.js (tests, scripts, the eval CLI), including under jsdom.
 * Browsers and bundlers do not define `process.versions.node`.
 */
export function isNode(): boolean {
  return typeof nodeProcess()?.versions?.node === 'string';
}

/**
 * Node's `process`, read from globalThis (undefined in browsers and workers); core never names
 * the global, so bundles for the page carry no Node assumption.
 *
 * @example
 * const fs = isNode() ? nodeProcess()?.getBuiltinModule('node:fs/promises') : undefined
 */
export function nodeProcess(): NodeJS.Process | undefined {
  return (globalThis as { process?: NodeJS.Process }).process;
}

/** True inside a Web Worker (dedicated, shared or service). */
export function isWorkerScope(): boolean {
  const scope = globalThis as { WorkerGlobalScope?: abstract new () => unknown };
  return (
    typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope
  );
}
