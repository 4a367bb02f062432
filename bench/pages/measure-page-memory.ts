/** What `performance.measureUserAgentSpecificMemory()` resolves with (Chromium). */
interface MemoryMeasurement {
  bytes: number;
  breakdown: { bytes: number; types: string[]; attribution: { scope?: string }[] }[];
}

/**
 * Memory of the page and its workers as Chromium measures it
 * (`performance.measureUserAgentSpecificMemory()`: JS heaps, wasm memories, DOM; needs a
 * cross-origin-isolated page), with the part attributed to dedicated workers. Nulls where the
 * API is missing or gives no answer within 20 s.
 *
 * @example
 * const { bytes, workerBytes } = await measurePageMemory()
 */
export async function measurePageMemory(): Promise<{
  bytes: number | null;
  workerBytes: number | null;
}> {
  const measure = (
    performance as Performance & {
      measureUserAgentSpecificMemory?: () => Promise<MemoryMeasurement>;
    }
  ).measureUserAgentSpecificMemory;
  if (!globalThis.crossOriginIsolated || typeof measure !== 'function') {
    return { bytes: null, workerBytes: null };
  }
  // Chromium answers at a collection (at once with ForceEagerMeasureMemory); give up after 20 s.
  const result = await Promise.race([
    measure.call(performance),
    new Promise<undefined>((resolve) => setTimeout(resolve, 20_000)),
  ]);
  if (!result) return { bytes: null, workerBytes: null };
  const workerBytes = result.breakdown
    .filter((entry) =>
      entry.attribution.some((attribution) => attribution.scope === 'DedicatedWorkerGlobalScope'),
    )
    .reduce((sum, entry) => sum + entry.bytes, 0);
  return { bytes: result.bytes, workerBytes };
}
