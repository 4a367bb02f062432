import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Embedder } from '@ondevice/core';

/**
 * Where training caches embeddings: an ignored folder of the repository, never ../shared.
 *
 * @example
 * join(trainingCacheFolder, 'sentiment-report.json')
 */
export const trainingCacheFolder = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../node_modules/.cache/ondevice-train',
);

/** Texts per `embed` call: sets how often progress is printed and partial work is kept. */
const chunkSize = 2048;

/**
 * Embeds texts through the core embedder, reading and writing a cache file keyed by the model and
 * the exact list of texts, so a second training run skips the slow part.
 *
 * @example
 * const vectors = await embedWithCache(client.embedder(), texts, 'sst2-train')
 */
export async function embedWithCache(
  embedder: Embedder,
  texts: readonly string[],
  name: string,
  log: (line: string) => void = () => {},
): Promise<Float32Array[]> {
  const key = createHash('sha256')
    .update(embedder.modelId)
    .update('\u0000')
    .update(texts.join('\u0000'))
    .digest('hex')
    .slice(0, 16);
  const file = join(trainingCacheFolder, `${name}-${embedder.modelId}-${key}.f32`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached && texts.length > 0) {
    const flat = new Float32Array(cached.buffer, cached.byteOffset, cached.byteLength / 4);
    const dimensions = flat.length / texts.length;
    return texts.map((_, index) => flat.slice(index * dimensions, (index + 1) * dimensions));
  }
  const vectors: Float32Array[] = [];
  const started = performance.now();
  // Sorted by length so every chunk holds texts of similar length (cheaper model runs).
  const order = texts.map((_, index) => index).sort((a, b) => texts[a]!.length - texts[b]!.length);
  for (let start = 0; start < order.length; start += chunkSize) {
    const indices = order.slice(start, start + chunkSize);
    const { embeddings } = await embedder.embed(indices.map((index) => texts[index] as string));
    indices.forEach((index, position) => {
      vectors[index] = embeddings[position] as Float32Array;
    });
    const done = Math.min(start + chunkSize, order.length);
    const seconds = (performance.now() - started) / 1000;
    log(`  embedded ${done}/${texts.length} (${Math.round(done / seconds)} texts/s)`);
  }
  const dimensions = vectors[0]?.length ?? 0;
  const flat = new Float32Array(texts.length * dimensions);
  vectors.forEach((vector, index) => flat.set(vector, index * dimensions));
  await mkdir(trainingCacheFolder, { recursive: true });
  await writeFile(`${file}.partial`, new Uint8Array(flat.buffer));
  await rename(`${file}.partial`, file);
  return vectors;
}
