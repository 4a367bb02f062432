import { InvalidInputError, UnknownModelError } from '@ondevice/errors';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client/create-client.js';
import type { ModelManifest } from './model-manifest.js';

const custom: ModelManifest = {
  id: 'my-model',
  name: 'My model',
  runtime: 'no-such-runtime',
  task: 'text-embedding',
  license: 'MIT',
  dimensions: 8,
  files: [],
  origin: 'test',
};

describe("the client's model catalogue", () => {
  it('checks custom manifests at createClient, naming the bad field', () => {
    const attempts: [unknown, string][] = [
      [[{ ...custom, id: 'use-lite' }], 'models[0].id'],
      [[{ ...custom, dimensions: 0 }], 'models[0].dimensions'],
      [
        [{ ...custom, files: [{ path: 'a', role: 'weights', bytes: 1, sha256: 'x' }] }],
        'models[0].files[0].sha256',
      ],
      [[custom, null], 'models[1]'],
      ['one', 'models'],
    ];
    for (const [models, parameter] of attempts) {
      try {
        createClient({ models: models as ModelManifest[] });
        expect.unreachable(parameter);
      } catch (error) {
        expect(InvalidInputError.isInstance(error), parameter).toBe(true);
        expect((error as InvalidInputError).parameter).toBe(parameter);
      }
    }
    expect(() => createClient({ defaultModel: 'nope' })).toThrow(UnknownModelError);
  });

  it("fails a model whose runtime is not registered when it loads, with the runtimes' names", async () => {
    const client = createClient({ models: [custom], worker: false });
    expect(client.manifests().map((manifest) => manifest.id)).toEqual([
      'use-lite',
      'use-lite-float32',
      'my-model',
    ]);
    const failure = await client
      .embedder({ model: 'my-model' })
      .embed('hello')
      .catch((error: unknown) => error);
    expect(InvalidInputError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toBe(
      'No runtime is registered as "no-such-runtime". Runtimes: tfjs, hashing, transformers.',
    );
  });
});
