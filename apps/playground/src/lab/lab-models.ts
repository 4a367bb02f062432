import {
  type BackendPreference,
  type LoadReport,
  type ModelDtype,
  type ModelManifest,
  defaultAssetBaseUrl,
  listModelIds,
  transformersModel,
} from '@ondevice/core';

/** Names of the model folders the playground's Vite config serves (see vite.config.ts). */
declare const __ONDEVICE_LAB_FOLDERS__: readonly string[];

/** What the lab can try with a model, from the task its load reports. */
export type LabTask = 'embedding' | 'sentiment' | 'zero-shot' | 'entities' | 'generation';

/**
 * A model the lab offers without typing: built in, or a local folder the playground serves.
 *
 * @example
 * const preset: LabPreset = { reference: 'use-lite', runtime: 'tfjs', title: 'USE lite', …, available: true }
 */
export interface LabPreset {
  /** The model id (built in) or the folder URL the client resolves. */
  reference: string;
  runtime: 'tfjs' | 'transformers';
  title: string;
  /** What it is and what to try, one short line. */
  description: string;
  /** False when its folder is not served (the shared test models are not checked out, say). */
  available: boolean;
  /** Why it is unavailable and how to get it. */
  unavailableReason?: string;
}

/** The served folders, by name: the fixtures (`npm run fixtures`) and the shared stories260K. */
const folderPresets: readonly (Omit<LabPreset, 'reference' | 'runtime' | 'available'> & {
  folder: string;
  missing: string;
})[] = [
  {
    folder: 'ondevice-fixtures/tiny-encoder',
    title: 'tiny-encoder (fixture)',
    description: 'Sentence embeddings from a tiny random-weight BERT: similarity, zero-shot.',
    missing: 'Run `npm run fixtures` to generate the fixture models.',
  },
  {
    folder: 'ondevice-fixtures/tiny-sentiment',
    title: 'tiny-sentiment (fixture)',
    description: 'POSITIVE for love/great, NEGATIVE for awful/hate.',
    missing: 'Run `npm run fixtures` to generate the fixture models.',
  },
  {
    folder: 'ondevice-fixtures/tiny-nli',
    title: 'tiny-nli (fixture)',
    description: 'An NLI model for zero-shot labels (random weights: the scores mean nothing).',
    missing: 'Run `npm run fixtures` to generate the fixture models.',
  },
  {
    folder: 'ondevice-fixtures/tiny-ner',
    title: 'tiny-ner (fixture)',
    description: 'Tags people, organisations and places in "Alice Johnson works at Acme Corp…".',
    missing: 'Run `npm run fixtures` to generate the fixture models.',
  },
  {
    folder: 'converted/llama2.c-stories260K',
    title: 'stories260K (text generation)',
    description: 'A 260K-parameter Llama trained on TinyStories: it tells short stories.',
    missing:
      'The shared test models are not checked out beside the repository (../shared/models/converted/llama2.c-stories260K).',
  },
];

/**
 * The models the lab offers offline: the built-in ones, then each local folder, marked
 * unavailable when the playground's server does not serve it.
 *
 * @example
 * labPresets().filter((preset) => preset.available)
 */
export function labPresets(): LabPreset[] {
  // Defined by the playground's Vite config; elsewhere (a story, a test) nothing is served.
  const served = new Set(
    typeof __ONDEVICE_LAB_FOLDERS__ === 'undefined' ? [] : __ONDEVICE_LAB_FOLDERS__,
  );
  return [
    ...listModelIds().map((id): LabPreset => ({
      reference: id,
      runtime: 'tfjs',
      title: `${id} (built in)`,
      description:
        'Universal Sentence Encoder lite on TensorFlow.js: similarity, sentiment, zero-shot.',
      available: true,
    })),
    ...folderPresets.map(({ folder, missing, ...preset }): LabPreset => ({
      ...preset,
      reference: `${defaultAssetBaseUrl}models/${folder}/`,
      runtime: 'transformers',
      available: served.has(folder),
      ...(served.has(folder) ? {} : { unavailableReason: missing }),
    })),
  ];
}

/**
 * What the lab loads: a model reference and how to run it.
 *
 * @example
 * const choice: LabChoice = { reference: 'Xenova/all-MiniLM-L6-v2', dtype: 'q8', backend: 'auto' }
 */
export interface LabChoice {
  /** A built-in id, a hub id (`owner/name`) or a folder URL. */
  reference: string;
  /** Weights of a Transformers.js model; `auto` lets its config and the device decide. */
  dtype: 'auto' | ModelDtype;
  backend: BackendPreference;
}

/**
 * The model id to load and the manifest to register for a choice: built-in models need none,
 * and a Transformers.js model is registered with its dtype when one is chosen.
 *
 * @example
 * modelOfChoice({ reference: '/ondevice/models/x/', dtype: 'q8', backend: 'auto' }).manifest?.dtype // 'q8'
 */
export function modelOfChoice(choice: LabChoice): { modelId: string; manifest?: ModelManifest } {
  const { reference, dtype } = choice;
  if (isBuiltIn(reference) || dtype === 'auto') return { modelId: reference };
  const source = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(reference)
    ? { repository: reference }
    : { folder: reference };
  return { modelId: reference, manifest: transformersModel({ id: reference, dtype, ...source }) };
}

/** Whether a reference names a built-in (TensorFlow.js) model, for which dtype does not apply. */
export function isBuiltIn(reference: string): boolean {
  return listModelIds().includes(reference);
}

/**
 * The tasks the lab offers for a loaded model. The shipped sentiment head runs on the
 * built-in encoder's vectors only; other embedding models get similarity and zero-shot.
 *
 * @example
 * tasksOf(report) // ['entities'] for a token-classification model
 */
export function tasksOf(report: Pick<LoadReport, 'task' | 'runtime'>): LabTask[] {
  switch (report.task) {
    case 'text-embedding':
      return report.runtime === 'tfjs'
        ? ['embedding', 'sentiment', 'zero-shot']
        : ['embedding', 'zero-shot'];
    case 'text-classification':
      return ['sentiment'];
    case 'zero-shot-classification':
      return ['zero-shot'];
    case 'token-classification':
      return ['entities'];
    case 'text-generation':
      return ['generation'];
  }
}
