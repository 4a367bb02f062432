import type { ModelManifest } from '../../models/model-manifest.js';

/**
 * A manifest for the hashing runtime's model: no files to download, vectors of `dimensions`
 * floats. Give each variant its own id.
 *
 * @example
 * createClient({ models: [createHashingModelManifest({ id: 'hashing-64', dimensions: 64 })] })
 */
export function createHashingModelManifest(
  options: { id?: string; dimensions?: number } = {},
): ModelManifest {
  return {
    id: options.id ?? 'hashing-test',
    name: 'Deterministic word-hashing model (for tests)',
    runtime: 'hashing',
    task: 'text-embedding',
    license: 'Apache-2.0',
    dimensions: options.dimensions ?? 256,
    files: [],
    origin: '@ondevice/core (no weights: signed feature hashing of lower-cased words)',
  };
}

/**
 * The default hashing model: id `hashing-test`, 256 dimensions, instant and deterministic.
 *
 * @example
 * createClient({ models: [hashingModelManifest], defaultModel: hashingModelManifest.id })
 */
export const hashingModelManifest: ModelManifest = createHashingModelManifest();
