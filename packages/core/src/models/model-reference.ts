import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from '../util/describe-value.js';
import {
  type KnownModelFile,
  type ModelDtype,
  type ModelLocation,
  type ModelManifest,
  type ModelTask,
  modelDtypes,
  modelTasks,
} from './model-manifest.js';

/**
 * Where hub ids resolve when no host is named: the Hugging Face Hub.
 *
 * @example
 * createClient({ modelHost: defaultModelHost })
 */
export const defaultModelHost = 'https://huggingface.co/';

/** `owner/name`, as on the Hugging Face Hub. */
const hubIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+$/;
/** A folder by URL (`/…`, `./…`, `../…`, `http(s)://…`, `file://…`). */
const folderPattern = /^(?:\.{0,2}\/|https?:\/\/|file:\/\/)/;

/**
 * Options of {@link transformersModel}: a Transformers.js model on a hub or in a folder.
 *
 * @example
 * transformersModel({ repository: 'Xenova/all-MiniLM-L6-v2', dtype: 'q8' })
 * transformersModel({ id: 'stories', folder: '/ondevice/models/converted/llama2.c-stories260K/' })
 */
export interface TransformersModelOptions {
  /** The id calls name it by. @default the repository, or the folder */
  id?: string;
  /** Hub repository (`owner/name`); give this or `folder`. */
  repository?: string;
  /** Folder in the hub layout: a URL in browsers (absolute or relative to the page), a path in Node. */
  folder?: string;
  /** Hub host of `repository`. @default the client's `modelHost` ('https://huggingface.co/') */
  host?: string;
  /** Hub revision (branch, tag or commit). @default 'main' */
  revision?: string;
  /** Precision of the weights. @default the model's config, else fp32 (WebGPU, Node) or q8 (wasm) */
  dtype?: ModelDtype;
  /** What the model does. @default read from its config.json */
  task?: ModelTask;
  /** Sizes and sha256 of its files, checked on download. */
  files?: readonly KnownModelFile[];
  /** Display name. @default the id */
  name?: string;
  /** SPDX licence id of the weights, for model cards. @default 'unknown (see the model card)' */
  license?: string;
}

/**
 * The manifest of a Transformers.js model, for `createClient({ models: [...] })`: by hub
 * repository or folder, with the precision and task when they should not come from its config.
 *
 * @throws {InvalidInputError} naming the bad option.
 * @example
 * const client = createClient({ models: [transformersModel({ repository: 'Xenova/bert-base-NER', task: 'token-classification' })] })
 * const entities = client.entities({ model: 'Xenova/bert-base-NER' })
 */
export function transformersModel(
  options: TransformersModelOptions,
  modelHost?: string,
): ModelManifest {
  const fail = (parameter: string, expected: string, value: unknown): never => {
    throw new InvalidInputError({
      parameter,
      message: `transformersModel(): ${parameter} must be ${expected}; got ${describeValue(value)}.`,
    });
  };
  if (typeof options !== 'object' || options === null) {
    return fail('options', 'an object', options);
  }
  const { repository, folder, dtype, task } = options;
  if ((repository === undefined) === (folder === undefined)) {
    fail('repository', 'given, or folder given (exactly one of them)', repository);
  }
  let location: ModelLocation;
  if (repository !== undefined) {
    if (typeof repository !== 'string' || !hubIdPattern.test(repository)) {
      fail('repository', 'a hub id such as "Xenova/all-MiniLM-L6-v2"', repository);
    }
    const host = options.host ?? modelHost;
    if (host !== undefined && (typeof host !== 'string' || !/^https?:\/\//.test(host))) {
      fail('host', 'an http(s) URL', host);
    }
    const revision = options.revision ?? 'main';
    if (typeof revision !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(revision)) {
      fail('revision', 'a branch, tag or commit', revision);
    }
    location = {
      kind: 'hub',
      ...(host !== undefined ? { host: withSlash(host) } : {}),
      repository: repository as string,
      revision,
    };
  } else {
    if (typeof folder !== 'string' || folder === '') fail('folder', 'a URL or path', folder);
    location = { kind: 'folder', url: withSlash(folder as string) };
  }
  if (dtype !== undefined && !modelDtypes.includes(dtype)) {
    fail('dtype', `one of ${modelDtypes.join(', ')}`, dtype);
  }
  if (task !== undefined && !modelTasks.includes(task)) {
    fail('task', `one of ${modelTasks.join(', ')}`, task);
  }
  const id = options.id ?? repository ?? (folder as string);
  if (typeof id !== 'string' || id === '') fail('id', 'a non-empty string', id);
  return {
    id,
    name: options.name ?? id,
    runtime: 'transformers',
    license: options.license ?? 'unknown (see the model card)',
    origin:
      location.kind === 'hub'
        ? `${location.host ?? 'the model host: '}${location.repository} (revision ${location.revision})`
        : location.url,
    files: [],
    location,
    ...(task ? { task } : {}),
    ...(dtype ? { dtype } : {}),
    ...(options.files ? { knownFiles: options.files.map((file) => ({ ...file })) } : {}),
  };
}

/**
 * The manifest a bare model reference stands for, or undefined: a hub id (`owner/name`) is a
 * Transformers.js model on `modelHost`; a URL or path (`/models/x/`, `https://…`, `./x`) is a
 * Transformers.js model folder. Client and engine resolve references alike.
 *
 * @example
 * manifestOfReference('Xenova/all-MiniLM-L6-v2', 'https://huggingface.co/')?.runtime // 'transformers'
 */
export function manifestOfReference(
  reference: string,
  modelHost: string,
): ModelManifest | undefined {
  if (hubIdPattern.test(reference)) return transformersModel({ repository: reference }, modelHost);
  if (folderPattern.test(reference)) return transformersModel({ folder: reference, id: reference });
  return undefined;
}

function withSlash(value: string): string {
  return value.endsWith('/') ? value : `${value}/`;
}
