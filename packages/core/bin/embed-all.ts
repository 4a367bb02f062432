import type { Embedder } from '@ondevice/core';

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
export async function embedAll(
  embedder: Embedder,
  texts: readonly string[],
  onProgress?: (embedded: number, total: number) => void,
): Promise<Float32Array[]> {
  let embedded = 0;
  const chunks: Promise<Float32Array[]>[] = [];
  for (let start = 0; start < texts.length; start += chunkSize) {
    const chunk = texts.slice(start, start + chunkSize);
    chunks.push(
      embedder.embed(chunk).then(({ embeddings }) => {
        embedded += chunk.length;
        onProgress?.(embedded, texts.length);
        return embeddings;
      }),
    );
  }
  return (await Promise.all(chunks)).flat();
}
