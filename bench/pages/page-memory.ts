import { measurePageMemory } from './measure-page-memory.js';

/**
 * Memory of the page at one moment: the JS heap after garbage collection, and Chromium's
 * measurement of the page and its workers.
 *
 * @example
 * const sample: PageMemory = { heapBytes: 41_000_000, bytes: 96_000_000, workerBytes: 52_000_000 }
 */
export interface PageMemory {
  /**
   * `performance.memory.usedJSHeapSize` after `gc()` (Chromium with `--js-flags=--expose-gc`
   * and `--enable-precise-memory-info`); null without them.
   */
  heapBytes: number | null;
  /** `performance.measureUserAgentSpecificMemory()`: page and workers, and the workers' part. */
  bytes: number | null;
  workerBytes: number | null;
}

/**
 * Collects garbage (where the browser exposes `gc`), then samples the page's memory.
 *
 * @example
 * const before = await pageMemory()
 */
export async function pageMemory(): Promise<PageMemory> {
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let pass = 0; pass < 3; pass += 1) {
    collect?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  const measured = await measurePageMemory();
  return {
    heapBytes: collect && memory ? memory.usedJSHeapSize : null,
    ...measured,
  };
}
