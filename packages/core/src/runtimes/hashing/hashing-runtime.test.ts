import { describe, expect, it } from 'vitest';
import { createClient } from '../../client/create-client.js';
import { cosineSimilarity } from '../../util/similarity.js';
import { createHashingModelManifest, hashingModelManifest } from './hashing-model-manifest.js';

// The second runtime, through the whole client: no files, no ML, deterministic vectors.
const client = createClient({
  models: [hashingModelManifest, createHashingModelManifest({ id: 'hashing-8', dimensions: 8 })],
  defaultModel: hashingModelManifest.id,
});

describe('the hashing runtime behind the runtime interface', () => {
  it('loads with a byte progress of zero files, reports its runtime and runs on the CPU', async () => {
    const statuses: string[] = [];
    const { embeddings, dimensions, backend, modelId } = await client
      .embedder()
      .embed(['Refund my invoice', 'refund my INVOICE!', 'The parcel is late'], {
        onProgress: (status) => statuses.push(status.status),
      });
    expect([modelId, dimensions, backend]).toEqual(['hashing-test', 256, 'cpu']);
    expect(statuses).toContain('downloading');
    expect(statuses.at(-1)).toBe('ready');
    const [a, b, c] = embeddings as [Float32Array, Float32Array, Float32Array];
    expect(cosineSimilarity(a, b)).toBeCloseTo(1, 6); // same words, case and punctuation aside
    expect(cosineSimilarity(a, c)).toBeLessThan(0.5);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    const diagnostics = client.diagnostics();
    expect(diagnostics.runtime).toBe('hashing');
    expect(diagnostics.models).toContainEqual(
      expect.objectContaining({ id: 'hashing-test', runtime: 'hashing', backend: 'cpu' }),
    );
    expect(diagnostics.backend.selection?.candidates[0]?.reason).toMatch(/CPU only/);
    expect(await client.memory()).toEqual({ hashing: { tensors: 0, bytes: 0 } });
  });

  it('gives every text, empty ones too, the same unit vector every time', async () => {
    const first = await createClient({ models: [hashingModelManifest] })
      .embedder({ model: 'hashing-test', cacheSize: 0 })
      .embed(['', 'a b', 'Zürich 2026']);
    const again = await client.embedder({ cacheSize: 0 }).embed(['', 'a b', 'Zürich 2026']);
    expect(first.embeddings.map((vector) => Array.from(vector))).toEqual(
      again.embeddings.map((vector) => Array.from(vector)),
    );
    for (const vector of first.embeddings) expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    const small = await client.embedder({ model: 'hashing-8' }).embed('one two three');
    expect(small.dimensions).toBe(8);
  });

  it('runs the tasks unchanged: zero-shot and a teachable classifier', async () => {
    const labels = [
      { id: 'billing', descriptions: ['invoice refund payment'] },
      { id: 'shipping', descriptions: ['parcel delivery late'] },
    ];
    const router = client.zeroShot({ labels });
    expect(router.modelId).toBe('hashing-test');
    const [billing, shipping] = await router.classify(['refund the invoice', 'the parcel is late']);
    expect([billing?.selected, shipping?.selected]).toEqual([['billing'], ['shipping']]);

    const classifier = client.teachable({ id: 'hashing-teachable', labels });
    await classifier.learn([
      { text: 'charged twice on the invoice', label: 'billing' },
      { text: 'where is my parcel', label: 'shipping' },
    ]);
    const prediction = await classifier.predict('my parcel has not arrived');
    expect(prediction.source).toBe('taught');
    expect(prediction.labels[0]?.id).toBe('shipping');
  });
});
