import type { Embedder } from '@ondevice/core';
import { mapInChunks } from './map-in-chunks.js';

/** Texts per `embed` call; only sets how often progress is reported. */
const chunkSize = 256;

/**
 * Embeds every text through the core embedder, reporting progress as chunks finish. All
 * chunks are requested at once, so the embedder coalesces them and computes each distinct
 * text once.
 *
 * @example
 * const vectors = await embedAll(client.embedder(), ['a', 'b'], (done, total) => {})
 */
export function embedAll(
  embedder: Embedder,
  texts: readonly string[],
  onProgress?: (embedded: number, total: number) => void,
): Promise<Float32Array[]> {
  return mapInChunks(
    texts,
    chunkSize,
    async (chunk) => (await embedder.embed(chunk)).embeddings,
    onProgress,
  );
}
