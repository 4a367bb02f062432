import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnknownModelError } from '@ondevice/errors';
import { type ModelFile, manifestBytes } from './model-manifest.js';
import {
  builtInManifests,
  defaultEmbeddingModelId,
  getModelManifest,
  listModelIds,
  sameEmbeddingSpace,
} from './registry.js';

const require = createRequire(import.meta.url);

describe('model registry', () => {
  it('lists use-lite and throws a typed error naming the valid ids for an unknown one', () => {
    expect(listModelIds()).toContain('use-lite');
    try {
      getModelManifest('gpt-17');
      expect.unreachable();
    } catch (error) {
      expect(UnknownModelError.isInstance(error)).toBe(true);
      expect((error as UnknownModelError).validModelIds).toContain('use-lite');
      expect((error as Error).message).toContain('use-lite');
    }
  });

  it.each(builtInManifests.map((manifest) => [manifest.id, manifest] as const))(
    '%s declares the exact size and sha256 of every file as installed, and its graph names its shards',
    async (_id, manifest) => {
      const read = (file: ModelFile) =>
        readFile(
          path.join(
            path.dirname(require.resolve(`${file.source.package}/package.json`)),
            file.source.file,
          ),
        );
      for (const file of manifest.files) {
        const bytes = await read(file);
        expect(bytes.byteLength, file.path).toBe(file.bytes);
        expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
      }
      const graphFile = manifest.files.find((file) => file.role === 'graph') as ModelFile;
      const graph = JSON.parse((await read(graphFile)).toString('utf8')) as {
        weightsManifest: { paths: string[] }[];
      };
      expect(
        manifest.files
          .filter((file) => file.role === 'weights')
          .map((file) => file.path.split('/').pop()),
      ).toEqual(graph.weightsManifest.flatMap((group) => group.paths));
    },
  );

  it('keeps the default model download at or under 8 MB', () => {
    expect(manifestBytes(getModelManifest(defaultEmbeddingModelId))).toBeLessThanOrEqual(8_000_000);
  });

  it('treats the 8-bit and float32 USE-lite as one embedding space, and other ids as their own', () => {
    expect(sameEmbeddingSpace('use-lite', 'use-lite-float32')).toBe(true);
    expect(sameEmbeddingSpace('use-lite', 'my-model')).toBe(false);
    expect(sameEmbeddingSpace('my-model', 'my-model')).toBe(true);
  });
});
