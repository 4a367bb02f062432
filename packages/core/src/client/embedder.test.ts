import { describe, expect, it } from 'vitest';
import { AbortError, InvalidInputError, UnknownModelError, createClient } from '../index.js';

// Real USE-lite weights from node_modules, tfjs wasm, in-thread (Node has no Web Worker).
const client = createClient({ backend: 'wasm' });

describe('Embedder batching, deduplication and cache', () => {
  it('coalesces concurrent calls into one batch and computes a repeated text once', async () => {
    const embedder = client.embedder({ cacheSize: 100 });
    await embedder.load();
    const before = embedder.stats();
    const calls = [
      ['alpha one', 'beta two'],
      ['beta two', 'gamma three'],
      ['alpha one'],
      ['delta four', 'alpha one'],
    ].map((texts) => embedder.embed(texts));
    const results = await Promise.all(calls);
    const after = embedder.stats();
    expect(after.batches - before.batches).toBe(1);
    expect(after.textsComputed - before.textsComputed).toBe(4); // alpha, beta, gamma, delta
    expect(results.map((result) => result.embeddings.length)).toEqual([2, 2, 1, 2]);
    // Same text, same vector, whichever call asked for it.
    expect(Array.from(results[2]?.embeddings[0] ?? [])).toEqual(
      Array.from(results[0]?.embeddings[0] ?? []),
    );
  });

  it('serves repeats from the LRU cache without computing them again', async () => {
    const embedder = client.embedder({ cacheSize: 100 });
    await embedder.embed(['cached sentence']);
    const before = embedder.stats();
    await embedder.embed(['cached sentence', 'cached sentence']);
    const after = embedder.stats();
    expect(after.textsComputed).toBe(before.textsComputed);
    expect(after.cacheHits).toBeGreaterThan(before.cacheHits);
  });

  it('returns the caller its own copy, so mutating a result cannot corrupt the cache', async () => {
    const embedder = client.embedder({ cacheSize: 100 });
    const first = await embedder.embed('do not mutate me');
    first.embeddings[0]?.fill(0);
    const second = await embedder.embed('do not mutate me');
    expect(second.embeddings[0]?.some((value) => value !== 0)).toBe(true);
  });

  it('respects maxBatchSize', async () => {
    const embedder = client.embedder({ maxBatchSize: 4, cacheSize: 0 });
    const before = embedder.stats().batches;
    await embedder.embed(Array.from({ length: 10 }, (_, index) => `batched text ${index}`));
    expect(embedder.stats().batches - before).toBe(3);
  });

  it('embeds an empty list to an empty result and an empty string to a vector', async () => {
    const embedder = client.embedder();
    expect((await embedder.embed([])).embeddings).toEqual([]);
    const { embeddings } = await embedder.embed(['', 'not empty']);
    expect(embeddings[0]).toHaveLength(512);
    expect(embeddings[0]?.every(Number.isFinite)).toBe(true);
  });

  it('rejects bad input with typed errors that name the problem', async () => {
    const embedder = client.embedder();
    await expect(embedder.embed(42 as unknown as string)).rejects.toThrow(InvalidInputError);
    await expect(embedder.embed(['ok', null] as unknown as string[])).rejects.toThrow(
      /texts\[1\] is null/,
    );
    expect(() => client.embedder({ model: 'nope' })).toThrow(UnknownModelError);
    expect(() => client.embedder({ maxBatchSize: 0 })).toThrow(InvalidInputError);
    expect(() => createClient({ backend: 'gpu' as never })).toThrow(
      /Valid backends: auto, webgpu, webgl, wasm, cpu/,
    );
  });

  it('rejects an aborted call with AbortError while other calls in the same batch succeed', async () => {
    const embedder = client.embedder({ cacheSize: 0 });
    await embedder.load();
    const controller = new AbortController();
    const aborted = embedder.embed(['abort me'], { signal: controller.signal });
    const kept = embedder.embed(['keep me']);
    controller.abort();
    await expect(aborted).rejects.toSatisfy((error: unknown) => AbortError.isInstance(error));
    expect((await kept).embeddings).toHaveLength(1);
    const already = new AbortController();
    already.abort();
    await expect(embedder.embed('x', { signal: already.signal })).rejects.toSatisfy(
      (error: unknown) => AbortError.isInstance(error),
    );
  });

  it('leaks no tensors over 1,000 calls', async () => {
    const embedder = client.embedder({ cacheSize: 0, maxBatchSize: 8 });
    await embedder.embed('warm up');
    const tensors = async () => (await client.memory()).tfjs?.tensors;
    const before = await tensors();
    for (let round = 0; round < 50; round += 1) {
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          embedder.embed(`call ${round * 20 + index} of a thousand`),
        ),
      );
    }
    expect(await tensors()).toBe(before);
  });
});

describe('Embedder after a cancelled batch', () => {
  it('computes a text afresh for a new call instead of joining the cancelled work', async () => {
    const embedder = client.embedder({ cacheSize: 0, maxBatchSize: 2 });
    await embedder.load();
    const controller = new AbortController();
    const first = embedder.embed(['shared text', 'other text'], { signal: controller.signal });
    // Let the flush send the batch, then abort it and ask for the same text again.
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    await expect(first).rejects.toSatisfy((error: unknown) => AbortError.isInstance(error));
    const again = await embedder.embed('shared text');
    expect(again.embeddings[0]).toHaveLength(512);
  });
});
