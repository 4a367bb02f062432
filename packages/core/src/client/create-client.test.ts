import { describe, expect, it } from 'vitest';
import { createClient } from '../index.js';
import { cosineSimilarity } from '../util/similarity.js';

describe('createClient in Node (real USE-lite weights from node_modules, tfjs wasm)', () => {
  const client = createClient({ backend: 'wasm' });
  const embedder = client.embedder();

  it('embeds texts into 512-dimensional vectors that rank paraphrases above unrelated text', async () => {
    const statuses: string[] = [];
    const result = await embedder.embed(
      [
        'How do I reset my password?',
        'I forgot my password, how can I change it?',
        'The weather is sunny today.',
      ],
      { onProgress: (status) => statuses.push(status.status) },
    );
    expect(result.modelId).toBe('use-lite');
    expect(result.dimensions).toBe(512);
    expect(result.backend).toBe('wasm');
    expect(result.embeddings).toHaveLength(3);
    const [a, b, c] = result.embeddings as [Float32Array, Float32Array, Float32Array];
    expect(a).toBeInstanceOf(Float32Array);
    expect(a.length).toBe(512);
    expect(cosineSimilarity(a, b)).toBeGreaterThan(cosineSimilarity(a, c) + 0.2);
    expect(statuses).toContain('downloading');
    expect(statuses.at(-1)).toBe('ready');
  });

  it('gives the same vector for a text whether batched, cached or alone', async () => {
    const alone = await embedder.embed('Invoices are due at the end of the month.');
    const [batched, cached] = await Promise.all([
      embedder.embed(['Something else entirely.', 'Invoices are due at the end of the month.']),
      embedder.embed('Invoices are due at the end of the month.'),
    ]);
    const vector = alone.embeddings[0] as Float32Array;
    expect(cosineSimilarity(vector, batched.embeddings[1] as Float32Array)).toBeCloseTo(1, 5);
    expect(cosineSimilarity(vector, cached.embeddings[0] as Float32Array)).toBeCloseTo(1, 5);
  });
});
