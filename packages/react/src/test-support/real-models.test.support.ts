import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** A folder beside this file, or `undefined` (with a warning: a skipped test is easy to miss). */
function folder(relative: string, hint: string): string | undefined {
  const path = fileURLToPath(new URL(relative, import.meta.url));
  if (existsSync(path)) return path;
  console.warn(`${path} is missing (${hint}): the tests that need it are skipped.`);
  return undefined;
}

/**
 * The shared stories260K text-generation model (a 1.2 MB Llama), where the shared test models
 * are checked out beside the repository.
 *
 * @example
 * describe.skipIf(!storiesModelFolder)('real generation', () => { … })
 */
export const storiesModelFolder = folder(
  '../../../../../shared/models/converted/llama2.c-stories260K',
  'the shared test models beside the repository',
);

/**
 * The generated tiny-ner fixture (`npm run fixtures`): a lookup tagger that marks Alice Johnson
 * (PER), Acme Corp (ORG), Paris (LOC) and French (MISC), among a few other words.
 *
 * @example
 * client.entities({ model: nerModelFolder as string })
 */
export const nerModelFolder = folder(
  '../../../core/fixtures/models/ondevice-fixtures/tiny-ner',
  'run `npm run fixtures`',
);

/**
 * Lets a jsdom test run Transformers.js models on onnxruntime-node, as core does in Node.
 * Vitest's jsdom environment replaces the typed-array constructors on `globalThis` with jsdom's
 * (another realm), so onnxruntime's `data instanceof Float32Array` rejects the arrays it made
 * itself ("A float32 tensor's data must be type of function Float32Array()"). This puts Node's
 * constructors back for the test file, taken from values Node's own deserialiser creates.
 *
 * @example
 * beforeAll(restoreNodeTypedArrays)
 */
export function restoreNodeTypedArrays(): void {
  type Constructor = new (length: number) => object;
  const global = globalThis as unknown as Record<string, Constructor>;
  for (const name of typedArrayNames) {
    const jsdomConstructor = global[name] as Constructor;
    const nodeValue = deserialize(serialize(new jsdomConstructor(0))) as object;
    global[name] = nodeValue.constructor as Constructor;
  }
}

const typedArrayNames = [
  'ArrayBuffer',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
] as const;
