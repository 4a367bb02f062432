import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../index.js';
import { createHashingModelManifest, createTestClient, hashingModelManifest } from './index.js';

describe('@ondevice/core/testing', () => {
  it('gives a client whose tasks run on the hashing model, in-thread, deterministically', async () => {
    const client = createTestClient();
    const labels = [
      { id: 'billing', descriptions: ['invoice refund'] },
      { id: 'login', descriptions: ['password sign in'] },
    ];
    const first = await client.zeroShot({ labels }).classify('I need a refund for this invoice');
    const again = await createTestClient()
      .zeroShot({ labels })
      .classify('I need a refund for this invoice');
    expect(first).toEqual(again);
    expect(first.selected).toEqual(['billing']);
    const diagnostics = client.diagnostics();
    expect(diagnostics.worker.enabled).toBe(false);
    expect(diagnostics.models).toEqual([
      expect.objectContaining({ id: hashingModelManifest.id, runtime: 'hashing', status: 'ready' }),
    ]);
  });

  it('takes the client options, and more hashing models beside the default one', async () => {
    const client = createTestClient({
      models: [createHashingModelManifest({ id: 'tiny', dimensions: 4 })],
    });
    expect((await client.embedder({ model: 'tiny' }).embed('hello')).dimensions).toBe(4);
    expect(() => createTestClient({ models: [hashingModelManifest] })).toThrow(InvalidInputError);
  });
});
