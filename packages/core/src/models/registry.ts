import { UnknownModelError } from '@ondevice/errors';
import type { ModelManifest } from './model-manifest.js';
import { useLiteManifest } from './use-lite.js';

/**
 * The manifests that ship with ondevice.
 *
 * @example
 * builtInManifests.map((manifest) => manifest.id) // ['use-lite']
 */
export const builtInManifests: readonly ModelManifest[] = [useLiteManifest];

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
 * listModelIds() // ['use-lite']
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
