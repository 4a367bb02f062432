/**
 * Runs `work` over `items` in chunks of `chunkSize` and concatenates the results in order,
 * reporting progress as chunks finish. Every chunk is requested at once, so a core API that
 * queues and batches (the embedder, the classifiers built on it) sees the whole load and
 * computes each distinct text once; the chunk size only sets how often progress is reported.
 *
 * @example
 * const results = await mapInChunks(texts, 256, (chunk) => sentiment.analyze(chunk), (done, total) => {})
 */
export async function mapInChunks<T, R>(
  items: readonly T[],
  chunkSize: number,
  work: (chunk: T[]) => Promise<readonly R[]>,
  onProgress?: (done: number, total: number) => void,
): Promise<R[]> {
  let done = 0;
  const chunks: Promise<readonly R[]>[] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    const chunk = items.slice(start, start + chunkSize);
    chunks.push(
      work(chunk).then((results) => {
        done += chunk.length;
        onProgress?.(done, items.length);
        return results;
      }),
    );
  }
  return (await Promise.all(chunks)).flat() as R[];
}
