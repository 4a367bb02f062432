// Child process of bench (k): `node --expose-gc --import tsx --conditions=@ondevice/source
// bench/node/node-memory-probe.ts <model folder> <token-classification folder>`. Prints one JSON
// line (NodeMemoryRun).
import { createClient } from '@ondevice/core';
import { mixedLengthTexts } from '../workload/mixed-length-texts.js';
import type { NodeMemorySample } from './measure-node-memory.js';

const [folder, warmUpFolder] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!folder || !warmUpFolder || !gc) {
  process.stderr.write(
    'usage: node --expose-gc … node-memory-probe.ts <model folder> <token-classification folder>\n',
  );
  process.exit(2);
}

/** Full collections with turns of the event loop between them, so finalizers run. */
async function settle() {
  for (let pass = 0; pass < 4; pass += 1) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const client = createClient({ worker: false });
const texts = mixedLengthTexts(64, 1).map((entry) => entry.text);
const samples: NodeMemorySample[] = [];
async function sample(stage: string) {
  await settle();
  const usage = process.memoryUsage();
  samples.push({
    stage,
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    runtime: await client.memory(),
  });
}

const embedder = client.embedder({ model: folder, cacheSize: 0 });
await client.memory(); // the in-thread engine exists; no runtime, no model yet
await sample('process start');
// Another, tiny model loaded and unloaded: Transformers.js and onnxruntime-node are now in the
// process (their code and pools stay for the process's life), no model is: the pre-load level.
const warmUp = client.entities({ model: warmUpFolder });
await warmUp.recognize('Alice works at Acme in Paris.');
await client.unload(warmUp.modelId);
await sample('before load');
for (const round of [1, 2, 3]) {
  await embedder.embed(texts);
  await sample(`after load ${round}`);
  await client.unload(embedder.modelId);
  await sample(`after unload ${round}`);
}
client.dispose();
process.stdout.write(`${JSON.stringify({ model: folder, warmUpModel: warmUpFolder, samples })}\n`);
