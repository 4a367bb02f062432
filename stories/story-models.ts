// Model folders for the generation and entity stories, served by a second `ondevice()` plugin in
// .storybook/main.ts under their own base: the static build's preview server
// (e2e/fixtures/storybook-preview.config.ts) answers every `/ondevice/` request from its own
// plugin, which knows no model folders, so emitted folders must live outside `/ondevice/`.

/**
 * URL base of the story model folders (the `base` of their `ondevice()` plugin).
 *
 * @example
 * ondevice({ base: storyModelsBase, modelFolders })
 */
export const storyModelsBase = '/ondevice-story-models/';

/**
 * The folders served under {@link storyModelsBase}, by name, relative to the repository: the
 * shared stories260K text-generation model (checked out beside the repository) and the
 * generated tiny-ner fixture (`npm run fixtures`).
 *
 * @example
 * path.join(repository, storyModelFolders['converted/llama2.c-stories260K'])
 */
export const storyModelFolders = {
  'converted/llama2.c-stories260K': '../shared/models/converted/llama2.c-stories260K',
  'ondevice-fixtures/tiny-ner': 'packages/core/fixtures/models/ondevice-fixtures/tiny-ner',
} as const;

/**
 * The stories260K model (a 1.2 MB TinyStories Llama; greedy, so the same story every time).
 *
 * @example
 * client.generator({ model: storiesModel })
 */
export const storiesModel = `${storyModelsBase}models/converted/llama2.c-stories260K/`;

/**
 * The tiny-ner fixture: a lookup tagger that knows a few names (Alice Johnson, Bob, Mary), places
 * (Paris, London, Berlin), organisations (Acme Corp, Google) and languages (English, French).
 *
 * @example
 * client.entities({ model: nerModel })
 */
export const nerModel = `${storyModelsBase}models/ondevice-fixtures/tiny-ner/`;

/**
 * A model folder where nothing is served: for the error stories.
 *
 * @example
 * client.generator({ model: missingModel })
 */
export const missingModel = `${storyModelsBase}models/missing/model/`;

/**
 * A model folder on an origin nothing listens on (port 9): for the offline stories.
 *
 * @example
 * client.entities({ model: unreachableModel })
 */
export const unreachableModel = 'http://127.0.0.1:9/models/missing/model/';
