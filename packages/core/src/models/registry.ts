import { UnknownModelError } from '@ondevice/errors';
import type { ModelManifest } from './model-manifest.js';
import { useLiteFloat32Manifest, useLiteManifest } from './use-lite.js';

/**
 * The manifests that ship with ondevice.
 *
 * @example
 * builtInManifests.map((manifest) => manifest.id) // ['use-lite', 'use-lite-float32']
 */
export const builtInManifests: readonly ModelManifest[] = [useLiteManifest, useLiteFloat32Manifest];

/**
 * Id of the model used when none is named.
 *
 * @example
 * client.embedder({ model: defaultEmbeddingModelId })
 */
export const defaultEmbeddingModelId = useLiteManifest.id;

/**
 * Ids of every built-in model.
 *
 * @example
 * listModelIds() // ['use-lite', 'use-lite-float32']
 */
export function listModelIds(): string[] {
  return builtInManifests.map((manifest) => manifest.id);
}

/**
 * The manifest of a built-in model.
 *
 * @throws {UnknownModelError} naming the valid ids when `id` is not one of them.
 * @example getModelManifest('use-lite').dimensions // 512
 */
export function getModelManifest(id: string): ModelManifest {
  const manifest = builtInManifests.find((candidate) => candidate.id === id);
  if (!manifest) {
    const validModelIds = listModelIds();
    throw new UnknownModelError({
      modelId: String(id),
      validModelIds,
      message: `Unknown model "${String(id)}". Valid model ids: ${validModelIds.join(', ')}.`,
    });
  }
  return manifest;
}

/**
 * Whether two built-in models give interchangeable vectors (the same `embeddingSpace`); any
 * model shares its own.
 *
 * @example
 * sameEmbeddingSpace('use-lite', 'use-lite-float32') // true
 */
export function sameEmbeddingSpace(a: string, b: string): boolean {
  if (a === b) return true;
  const space = (id: string) =>
    builtInManifests.find((manifest) => manifest.id === id)?.embeddingSpace;
  const first = space(a);
  return first !== undefined && first === space(b);
}
