/**
 * The Transformers.js models of the bench, as `@ondevice/vite`'s `modelFolders` serves them
 * (bench/vite-config.ts): `<base>models/<name>/`. Both sides of a comparison load the same files
 * from the same origin.
 */
export const transformersBenchModels = {
  /** llama2.c stories260K (Llama, 5 layers, hidden 64, fp32; ../shared/models/SOURCES.md). */
  generator: {
    name: 'converted/llama2.c-stories260K',
    /** Relative to the repository root. */
    folder: '../shared/models/converted/llama2.c-stories260K',
  },
  /** The fixture encoder: BERT-like, 2 layers, hidden 256, random weights (`npm run fixtures`). */
  encoder: {
    name: 'ondevice-fixtures/tiny-encoder',
    folder: 'packages/core/fixtures/models/ondevice-fixtures/tiny-encoder',
  },
  /** The fixture token classifier (12 kB): loads the runtime before (k) measures its baseline. */
  tagger: {
    name: 'ondevice-fixtures/tiny-ner',
    folder: 'packages/core/fixtures/models/ondevice-fixtures/tiny-ner',
  },
} as const;

/** Where `@ondevice/vite` serves the models (its default base). */
export const modelBasePath = '/ondevice/models/';

/** Where `@ondevice/vite` serves onnxruntime-web's wasm factory and binary. */
export const onnxRuntimeBasePath = '/ondevice/ort/';

/**
 * The URL of a bench model's folder on the bench server, with a trailing slash.
 *
 * @example
 * modelFolderUrl('generator') // '/ondevice/models/converted/llama2.c-stories260K/'
 */
export function modelFolderUrl(model: keyof typeof transformersBenchModels): string {
  return `${modelBasePath}${transformersBenchModels[model].name}/`;
}
