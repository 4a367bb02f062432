import { InvalidInputError, UnknownModelError } from '@ondevice/errors';
import { describeValue } from '../util/describe-value.js';
import { type ModelManifest, modelDtypes, modelTasks } from './model-manifest.js';
import { defaultModelHost, manifestOfReference } from './model-reference.js';
import { builtInManifests } from './registry.js';

/**
 * The models one client knows: the built-in manifests and the app's own.
 *
 * @example
 * const catalog = createModelCatalog([myManifest])
 * catalog.get('use-lite').dimensions // 512
 */
export interface ModelCatalog {
  /** Every manifest, built-in first. */
  readonly manifests: readonly ModelManifest[];
  /** The app's own manifests (checked copies). */
  readonly custom: readonly ModelManifest[];
  /**
   * The manifest of `id`: a known model, or a hub id or folder URL (a Transformers.js model,
   * added to the catalogue on first use).
   *
   * @throws {UnknownModelError} naming the valid ids.
   */
  get(id: string): ModelManifest;
  ids(): string[];
}

const sha256Pattern = /^[0-9a-f]{64}$/;
const roles = new Set(['graph', 'weights', 'vocabulary']);

/**
 * A catalogue of the built-in manifests plus `extra` (checked first: an id must be unique, its
 * files well formed, and its runtime one of `runtimes` when they are given).
 *
 * @throws {InvalidInputError} naming the bad field (`models[0].files[2].sha256`).
 * @example
 * const catalog = createModelCatalog([], runtimeNames())
 */
export function createModelCatalog(
  extra: readonly unknown[] = [],
  runtimes?: readonly string[],
  modelHost: string = defaultModelHost,
): ModelCatalog {
  const manifests = [...builtInManifests];
  const custom: ModelManifest[] = [];
  extra.forEach((candidate, index) => {
    const manifest = validateManifest(candidate, `models[${index}]`, runtimes);
    // A hub model registered without a host downloads from this client's modelHost.
    if (manifest.location?.kind === 'hub' && manifest.location.host === undefined) {
      manifest.location = { ...manifest.location, host: modelHost };
    }
    if (manifests.some((known) => known.id === manifest.id)) {
      throw new InvalidInputError({
        parameter: `models[${index}].id`,
        message: `Model id "${manifest.id}" is taken; ids must be unique (built-in: ${builtInManifests.map((known) => known.id).join(', ')}).`,
      });
    }
    manifests.push(manifest);
    custom.push(manifest);
  });
  const ids = () => manifests.map((manifest) => manifest.id);
  return {
    manifests,
    custom,
    ids,
    get(id) {
      let manifest = manifests.find((candidate) => candidate.id === id);
      if (!manifest && typeof id === 'string') {
        manifest = manifestOfReference(id, modelHost);
        if (manifest) manifests.push(manifest);
      }
      if (!manifest) {
        throw new UnknownModelError({
          modelId: String(id),
          validModelIds: ids(),
          message: `Unknown model "${String(id)}". Valid model ids: ${ids().join(', ')}; or a Transformers.js model by hub id ("owner/name") or folder URL ("/models/name/").`,
        });
      }
      return manifest;
    },
  };
}

function validateManifest(
  value: unknown,
  path: string,
  runtimes: readonly string[] | undefined,
): ModelManifest {
  const fail = (field: string, expected: string, actual: unknown): never => {
    throw new InvalidInputError({
      parameter: `${path}${field}`,
      message: `${path}${field} must be ${expected}; got ${describeValue(actual)}.`,
    });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('', 'a model manifest object', value);
  }
  const manifest = value as Partial<ModelManifest>;
  for (const key of ['id', 'name', 'license', 'origin'] as const) {
    if (typeof manifest[key] !== 'string' || manifest[key] === '') {
      fail(`.${key}`, 'a non-empty string', manifest[key]);
    }
  }
  if (typeof manifest.runtime !== 'string' || manifest.runtime === '') {
    fail('.runtime', 'the name of a registered runtime', manifest.runtime);
  } else if (runtimes && !runtimes.includes(manifest.runtime)) {
    fail('.runtime', `one of the registered runtimes (${runtimes.join(', ')})`, manifest.runtime);
  }
  if (manifest.runtime === 'transformers') return validateLocationManifest(manifest, fail);
  if (manifest.task !== 'text-embedding') fail('.task', '"text-embedding"', manifest.task);
  if (!Number.isInteger(manifest.dimensions) || (manifest.dimensions as number) < 1) {
    fail('.dimensions', 'a positive integer', manifest.dimensions);
  }
  if (!Array.isArray(manifest.files)) return fail('.files', 'an array', manifest.files);
  manifest.files.forEach((file: unknown, index) => {
    const where = `.files[${index}]`;
    if (typeof file !== 'object' || file === null) return fail(where, 'a file object', file);
    const entry = file as Record<string, unknown>;
    if (typeof entry.path !== 'string' || entry.path === '')
      fail(`${where}.path`, 'a path', entry.path);
    if (!roles.has(entry.role as string))
      fail(`${where}.role`, 'graph, weights or vocabulary', entry.role);
    if (!Number.isInteger(entry.bytes) || (entry.bytes as number) < 0) {
      fail(`${where}.bytes`, 'a byte count', entry.bytes);
    }
    if (typeof entry.sha256 !== 'string' || !sha256Pattern.test(entry.sha256)) {
      fail(`${where}.sha256`, 'a lowercase hex sha256', entry.sha256);
    }
    const source = entry.source as Record<string, unknown> | undefined;
    if (typeof source?.package !== 'string' || typeof source.file !== 'string') {
      fail(`${where}.source`, '{ package, file }', source);
    }
  });
  return structuredClone(manifest as ModelManifest);
}

/** A Transformers.js manifest: files come from its location, the rest from its config. */
function validateLocationManifest(
  manifest: Partial<ModelManifest>,
  fail: (field: string, expected: string, actual: unknown) => never,
): ModelManifest {
  const location = manifest.location as Record<string, unknown> | undefined;
  if (location?.kind === 'hub') {
    for (const key of ['repository', 'revision'] as const) {
      if (typeof location[key] !== 'string' || location[key] === '') {
        fail(`.location.${key}`, 'a non-empty string', location[key]);
      }
    }
  } else if (location?.kind === 'folder') {
    if (typeof location.url !== 'string' || location.url === '') {
      fail('.location.url', 'a folder URL or path', location.url);
    }
  } else {
    fail(
      '.location',
      '{ kind: "hub", … } or { kind: "folder", url } (see transformersModel())',
      location,
    );
  }
  if (manifest.task !== undefined && !modelTasks.includes(manifest.task)) {
    fail('.task', `one of ${modelTasks.join(', ')}`, manifest.task);
  }
  if (manifest.dtype !== undefined && !modelDtypes.includes(manifest.dtype)) {
    fail('.dtype', `one of ${modelDtypes.join(', ')}`, manifest.dtype);
  }
  if (!Array.isArray(manifest.files) || manifest.files.length > 0) {
    fail('.files', 'an empty array (the files come from location)', manifest.files);
  }
  (manifest.knownFiles ?? []).forEach((file, index) => {
    const where = `.knownFiles[${index}]`;
    if (typeof file?.path !== 'string' || file.path === '')
      fail(`${where}.path`, 'a path', file?.path);
    if (!Number.isInteger(file.bytes) || file.bytes < 0)
      fail(`${where}.bytes`, 'a byte count', file.bytes);
    if (typeof file.sha256 !== 'string' || !sha256Pattern.test(file.sha256)) {
      fail(`${where}.sha256`, 'a lowercase hex sha256', file.sha256);
    }
  });
  return structuredClone(manifest as ModelManifest);
}
