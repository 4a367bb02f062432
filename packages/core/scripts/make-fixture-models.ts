// Entry of `npm run fixtures` (also run by `npm run prepare`, so every install has the files).
//
// Generates tiny BERT models in the Hugging Face hub layout that Transformers.js loads, for tests
// and benchmarks that must run real ONNX graphs and real tokenizers without downloading anything:
//
//   packages/core/fixtures/models/ondevice-fixtures/<name>/
//     config.json  tokenizer.json  tokenizer_config.json  special_tokens_map.json
//     onnx/model.onnx (float32)  onnx/model_quantized.onnx (int8 weights, dtype "q8")
//     ondevice-files.json (bytes and sha256 of every other file)
//
// Weights are random from a fixed seed and every file is written in a fixed order, so the output
// is byte-identical on every run and machine. Folders whose files already match are left alone.
//
//   npm run fixtures
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureDefinition } from './fixture-models/fixture-config.js';
import { fixtureDefinitions } from './fixture-models/fixture-definitions.js';
import {
  specialTokensMapJson,
  tokenizerConfigJson,
  tokenizerJson,
} from './fixture-models/tokenizer-files.js';

const coreDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Transformers.js `env.localModelPath` for the fixtures; model ids are `ondevice-fixtures/<name>`. */
const fixturesRoot = join(coreDirectory, 'fixtures/models');
const namespace = 'ondevice-fixtures';
const manifestName = 'ondevice-files.json';

/**
 * One entry of `ondevice-files.json`.
 *
 * @example
 * const entry: FixtureFile = { path: 'onnx/model.onnx', bytes: 12269, sha256: '…' }
 */
export interface FixtureFile {
  /** Relative to the model folder, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

const encoder = new TextEncoder();
const json = (value: unknown): Uint8Array => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);

/**
 * Every file of one fixture folder in memory, `ondevice-files.json` included, sorted by path.
 *
 * @example
 * const files = buildFixture(fixtureDefinitions[0]) // Map { '1_Pooling/config.json' => Uint8Array, … }
 */
export function buildFixture(definition: FixtureDefinition): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>([
    ['config.json', json(definition.config)],
    ['tokenizer.json', json(tokenizerJson())],
    ['tokenizer_config.json', json(tokenizerConfigJson())],
    ['special_tokens_map.json', json(specialTokensMapJson())],
    ['onnx/model.onnx', definition.graph('fp32')],
    ['onnx/model_quantized.onnx', definition.graph('q8')],
    ...Object.entries(definition.extraFiles ?? {}).map(([path, value]): [string, Uint8Array] => [
      path,
      json(value),
    ]),
  ]);
  const listed: FixtureFile[] = [...files.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => {
      const bytes = files.get(path) as Uint8Array;
      return {
        path,
        bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    });
  files.set(manifestName, json({ files: listed }));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function isCurrent(folder: string, files: Map<string, Uint8Array>): Promise<boolean> {
  try {
    // A file the generator no longer writes makes the folder stale too.
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    const onDisk = entries.filter((entry) => entry.isFile()).length;
    if (onDisk !== files.size) return false;
    for (const [path, bytes] of files) {
      if (!Buffer.from(bytes).equals(await readFile(join(folder, path)))) return false;
    }
    return true;
  } catch {
    return false;
  }
}

async function writeFixture(folder: string, files: Map<string, Uint8Array>): Promise<void> {
  // Written beside, then moved into place: an interrupted run never leaves half a model.
  const staging = `${folder}.partial`;
  await rm(staging, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(staging, path)), { recursive: true });
    await writeFile(join(staging, path), bytes);
  }
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
}

async function main(): Promise<void> {
  if (process.argv.length > 2) {
    process.stderr.write(
      `Unknown option ${process.argv.slice(2).join(' ')}.\nUsage: npm run fixtures\n`,
    );
    process.exitCode = 2;
    return;
  }
  for (const definition of fixtureDefinitions) {
    const files = buildFixture(definition);
    const folder = join(fixturesRoot, namespace, definition.name);
    const current = await isCurrent(folder, files);
    if (!current) await writeFixture(folder, files);
    const total = [...files.values()].reduce((sum, bytes) => sum + bytes.byteLength, 0);
    process.stdout.write(
      `fixtures: ${namespace}/${definition.name} ${total} bytes in ${files.size} files (${current ? 'current' : 'written'}).\n`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
