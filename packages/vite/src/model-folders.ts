import { statSync } from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '@ondevice/core';

/**
 * A local model folder the plugin serves at `<base>models/<name>/`.
 *
 * @example
 * const folder: ModelFolder = { name: 'converted/llama2.c-stories260K', directory: '/models/llama' }
 */
export interface ModelFolder {
  /** The key of `modelFolders`: one or two segments joined by `/`. */
  name: string;
  /** Absolute path of the folder. */
  directory: string;
}

const segment = '[A-Za-z0-9._-]+';
const namePattern = new RegExp(`^${segment}(?:/${segment})?$`);
const validNames =
  'A name is one or two parts joined by one "/", each of letters, digits, ".", "_" and "-" ' +
  '(but not "." or ".."), e.g. "my-model" or "converted/llama2.c-stories260K".';

/**
 * Checks the shape of the `modelFolders` option and its names, before any file is looked at, so
 * a typo fails in vite.config.ts rather than as a 404 in the browser.
 *
 * @param builtInDirectories - URL folders of the built-in models (`models/use-lite/`), which a
 *   name may neither equal nor contain or sit inside.
 * @throws {InvalidInputError} naming the entry (`modelFolders["../x"]`) and what is valid.
 * @example
 * checkModelFolderNames({ 'my-model': './models/my-model' }, ['models/use-lite/'])
 */
export function checkModelFolderNames(
  modelFolders: unknown,
  builtInDirectories: readonly string[],
): asserts modelFolders is Readonly<Record<string, string>> | undefined {
  if (modelFolders === undefined) return;
  if (typeof modelFolders !== 'object' || modelFolders === null || Array.isArray(modelFolders)) {
    throw new InvalidInputError({
      parameter: 'modelFolders',
      message: `ondevice(): modelFolders must be an object mapping a name to a folder, e.g. { "my-model": "./models/my-model" }; got ${describeValue(modelFolders)}.`,
    });
  }
  const names = Object.keys(modelFolders);
  for (const [name, directory] of Object.entries(modelFolders)) {
    const parameter = `modelFolders[${JSON.stringify(name)}]`;
    const parts = name.split('/');
    if (!namePattern.test(name) || parts.some((part) => part === '.' || part === '..')) {
      throw new InvalidInputError({
        parameter,
        message: `ondevice(): ${parameter} is not a valid model folder name. ${validNames}`,
      });
    }
    if (typeof directory !== 'string' || directory === '') {
      throw new InvalidInputError({
        parameter,
        message: `ondevice(): ${parameter} must be the path of a folder (absolute, or relative to the Vite root); got ${describeValue(directory)}.`,
      });
    }
    const urlFolder = `models/${name}/`;
    const others = names.filter((other) => other !== name).map((other) => `models/${other}/`);
    const overlap = [...builtInDirectories, ...others].find(
      (other) => other.startsWith(urlFolder) || urlFolder.startsWith(other),
    );
    if (overlap) {
      throw new InvalidInputError({
        parameter,
        message: `ondevice(): ${parameter} would be served at <base>${urlFolder}, which overlaps <base>${overlap}. Choose a name that neither contains nor sits inside another model's folder.`,
      });
    }
  }
}

/**
 * Resolves each folder against the Vite root and checks that it is a folder.
 *
 * @throws {InvalidInputError} naming the entry when its folder is missing or is not a folder.
 * @example
 * resolveModelFolders({ 'my-model': './models/my-model' }, '/app')
 * // [{ name: 'my-model', directory: '/app/models/my-model' }]
 */
export function resolveModelFolders(
  modelFolders: Readonly<Record<string, string>>,
  root: string,
): ModelFolder[] {
  return Object.entries(modelFolders).map(([name, folder]) => {
    const parameter = `modelFolders[${JSON.stringify(name)}]`;
    const directory = path.resolve(root, folder);
    const where = `Give a folder path, absolute or relative to the Vite root (${root}).`;
    const info = statSync(directory, { throwIfNoEntry: false });
    if (!info) {
      throw new InvalidInputError({
        parameter,
        message: `ondevice(): ${parameter} is ${JSON.stringify(folder)}, but ${directory} does not exist. ${where}`,
      });
    }
    if (!info.isDirectory()) {
      throw new InvalidInputError({
        parameter,
        message: `ondevice(): ${parameter} is ${JSON.stringify(folder)}, but ${directory} is not a folder. ${where}`,
      });
    }
    return { name, directory };
  });
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null || value === undefined) return String(value);
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
