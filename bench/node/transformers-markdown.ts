import { mixedLengthRange } from '../workload/mixed-length-texts.js';
import { transformersBenchModels } from '../workload/transformers-models.js';
import {
  encoderJob,
  generationJob,
  transformersRounds,
  trimmingAllocatorSetting,
} from './measure-transformers.js';
import type { TransformersReport } from './transformers-report.js';

const megabytes = (bytes: number | null) =>
  bytes === null ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`;
const percent = (value: number, base: number) =>
  `${value >= base ? '+' : ''}${((100 * (value - base)) / base).toFixed(1)} %`;

/** Greedy output of stories260K for the prompt, 60 new tokens (../shared/models/SOURCES.md). */
const storiesGreedy60 =
  'Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily';

function table(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row, index) =>
      index === 1
        ? `| ${row.map(() => '---').join(' | ')} |\n| ${row.join(' | ')} |`
        : `| ${row.join(' | ')} |`,
    )
    .join('\n');
}

/** What (i), (j) or (k) says when it did not run. */
function notRun(part: { skipped: string } | null): string {
  return part ? `Skipped in this run: ${part.skipped}.` : 'Not run in this run (`--only`).';
}

/** The (i)–(k) block of docs/benchmarks.md, between its markers. */
export function renderTransformersMarkdown(
  report: TransformersReport,
  markers: { start: string; end: string },
): string {
  const { figures, measurements, machine } = report;
  const { generation, encoder, memory } = figures;
  const summary = table([
    ['check', 'target', 'measured', 'result'],
    ...report.targets.map((check) => [
      check.label,
      check.target,
      check.measured,
      check.met === null ? '(no target)' : check.met ? 'met' : '**missed**',
    ]),
  ]);
  const coreDetails =
    measurements.generation && !('skipped' in measurements.generation)
      ? measurements.generation.core[0]?.details
      : measurements.encoder && !('skipped' in measurements.encoder)
        ? measurements.encoder.core[0]?.details
        : undefined;
  const rawDetails =
    measurements.generation && !('skipped' in measurements.generation)
      ? measurements.generation.raw[0]?.details
      : measurements.encoder && !('skipped' in measurements.encoder)
        ? measurements.encoder.raw[0]?.details
        : undefined;
  const threads = rawDetails?.numThreads ?? 'n/a';

  const generationSection =
    generation && !('skipped' in generation)
      ? `- **Job:** prompt “${generationJob.prompt}”, ${generationJob.maxNewTokens} new tokens, greedy, ${generationJob.dtype} (the model's config asks for fp32; it has no other weights); per tab a load, ${generationJob.warmUpRuns} untimed generations of the same job (V8 first compiles wasm with its baseline compiler and optimises hot functions in the background; on two busy cores that took a few hundred tokens, so the timed runs measure both sides after it), then ${generationJob.runs} timed generations.
- **core:** \`client.generator({ model: '/ondevice/models/${transformersBenchModels.generator.name}/' })\`, \`generate(prompt, { maxNewTokens: ${generationJob.maxNewTokens} })\` (temperature 0, the default), in the worker; the figures are the API's own \`result.tokensPerSecond\` and \`result.timeToFirstTokenMs\`: the first piece of text on the page after the call, and new tokens after the first ÷ the time from that piece to the result.
- **raw:** \`pipeline('text-generation', '${transformersBenchModels.generator.name}', { device: 'wasm', dtype: '${generationJob.dtype}' })\` on the page's main thread, called with \`{ max_new_tokens: ${generationJob.maxNewTokens}, do_sample: false, streamer }\`; the streamer's \`put\` (the prompt first, then each new token id) gives the first token's time and the same two figures, to the pipeline's result.

| | core | raw Transformers.js | core ÷ raw |
| --- | --- | --- | --- |
| tokens/s (median of ${generation.core.runs.length} generations) | ${generation.core.tokensPerSecond} | ${generation.raw.tokensPerSecond} | **${generation.ratio.toFixed(2)}×** |
| time to first token, model warm (median) | ${generation.core.timeToFirstTokenMs} ms | ${generation.raw.timeToFirstTokenMs} ms | |
| load in a fresh tab (median; not a target) | ${generation.core.loadMs} ms | ${generation.raw.loadMs} ms | |

Every generation (tokens/s): core ${generation.core.runs.join(', ')}; raw ${generation.raw.runs.join(', ')}. Both sides gave the same text every time: **${generation.sameText ? 'yes' : 'no'}** (${generation.core.tokens} new tokens): “${generation.text.replaceAll('\n', '↵')}”. It ${generation.text.startsWith(storiesGreedy60) ? 'starts with' : '**does not** start with'} the greedy 60-token text recorded in \`../shared/models/SOURCES.md\`.`
      : notRun(generation);

  const encoderSection =
    encoder && !('skipped' in encoder)
      ? `- **Texts:** ${encoderJob.sets} sets of ${encoderJob.texts} distinct texts (and a warm-up set), the same on both sides: token counts spaced geometrically from ${mixedLengthRange.shortest} to ${mixedLengthRange.longest} (\`[CLS]\` and \`[SEP]\` included; half of them under 45 tokens) in a seeded order, words of the fixture's vocabulary (bench/workload/mixed-length-texts.ts; a test checks every count with the model's tokenizer). One set holds ${encoder.tokensPerSet.toLocaleString('en-US')} tokens; padded to its longest text it costs ${encoder.paddedTokensPerSet.toLocaleString('en-US')} token slots.
- **Model:** \`${transformersBenchModels.encoder.name}\` (\`npm run fixtures\`): BERT layout, 2 layers, hidden 256, random weights (speed only; its vectors mean nothing), ${encoderJob.dtype} on both sides (the wasm default of both).
- **core:** \`client.embedder({ model: '/ondevice/models/${transformersBenchModels.encoder.name}/', cacheSize: 0 })\`, one \`embed(texts)\` per set, in the worker: the engine tokenises every text, groups texts of similar token counts (longest at most twice the shortest) and cuts the groups into runs by its time budget.
- **raw:** \`pipeline('feature-extraction', '${transformersBenchModels.encoder.name}', { device: 'wasm', dtype: '${encoderJob.dtype}' })\` on the main thread, one call per set with all its texts and \`{ pooling: 'mean', normalize: true }\` (one batch padded to the longest text), read back as one vector per text.

| | core | raw Transformers.js | core ÷ raw |
| --- | --- | --- | --- |
| texts/s (median of ${encoder.core.runs.length} sets) | ${encoder.core.textsPerSecond} | ${encoder.raw.textsPerSecond} | **${encoder.ratio.toFixed(2)}×** |

Every set (texts/s): core ${encoder.core.runs.join(', ')}; raw ${encoder.raw.runs.join(', ')}. Agreement: the lowest cosine similarity between core's and raw's vector of a text of the first set is ${encoder.lowestCosine} (mean pooling over real tokens and unit length on both sides).

Where the time goes: core runs a set as several batches of similar lengths (the engine's run planner cuts the length groups to its time budget with the model's run cost), the raw pipeline as one batch padded to the longest text (${encoder.tokensPerSet.toLocaleString('en-US')} tokens against ${encoder.paddedTokensPerSet.toLocaleString('en-US')} token slots). Every call has a fixed cost: one raw call with the shortest text (${mixedLengthRange.shortest} tokens) took ${encoder.oneShortTextCallMs ?? 'n/a'} ms (median of 5 per tab). A set took core ${Math.round((1000 * encoderJob.texts) / encoder.core.textsPerSecond)} ms and the raw pipeline ${Math.round((1000 * encoderJob.texts) / encoder.raw.textsPerSecond)} ms (medians).`
      : notRun(encoder);

  const nodeRuns =
    measurements.memory && !('skipped' in measurements.memory)
      ? { glibc: measurements.memory.node, trimming: measurements.memory.nodeTrimming }
      : undefined;
  const memorySection =
    memory && !('skipped' in memory) && nodeRuns
      ? `Model: \`${transformersBenchModels.encoder.name}\` (7.4 MB of fp32 weights in Node, 1.9 MB of q8 weights on wasm), run once on a set of ${encoderJob.texts} mixed-length texts after each load. Before \`before load\`, the 12 kB \`${transformersBenchModels.tagger.name}\` model is loaded, run and unloaded, so Transformers.js and onnxruntime have been in the process: the level a page or server that uses ondevice returns to when no model is loaded.

**Browser** (the default: the worker on; a Chromium of its own): the resident memory of the renderer processes (page, worker, wasm memories and threads; \`/proc/<pid>/status\` of the renderer processes the DevTools protocol lists), and Chromium's own \`performance.measureUserAgentSpecificMemory()\` (JS heaps and wasm memories of the page and its workers; Blink feature \`ForceEagerMeasureMemory\` so it answers at once; "n/a" when it gave no answer within 20 s). When an unload leaves the worker with no model, the client ends the worker (\`diagnostics().worker.idleEnds\`), so \`before load\` and \`after unload\` are the page with no worker, and the next request starts a new one.

${table([
  ['stage', 'renderer RSS', 'measured (page + workers)', 'of which the worker'],
  ...memory.browser.stages.map((stage) => [
    stage.stage,
    megabytes(stage.rendererRss),
    megabytes(stage.measured),
    megabytes(stage.worker),
  ]),
])}

**Node** (a fresh \`node --expose-gc\` process per column, \`createClient({ worker: false })\`, onnxruntime-node; bench/node/node-memory-probe.ts): \`process.memoryUsage()\` after four \`gc()\` passes with a turn of the event loop between them; ${memory.node.rounds} load/unload rounds. The first column runs with glibc's default allocator settings, the second with \`${trimmingAllocatorSetting}\` in the environment (the setting docs/generated/transformers-runtime.md recommends to servers that load and unload models).

${table([
  [
    'stage',
    'RSS, glibc defaults',
    `RSS, \`${trimmingAllocatorSetting}\``,
    'JS heap + ArrayBuffers',
    '`client.memory()` bytes',
  ],
  ...nodeRuns.glibc.samples.map((sample, index) => [
    sample.stage,
    megabytes(sample.rss),
    megabytes(nodeRuns.trimming.samples[index]?.rss ?? null),
    megabytes(sample.heapUsed + sample.arrayBuffers),
    Object.values(sample.runtime)
      .reduce((sum, entry) => sum + entry.bytes, 0)
      .toLocaleString('en-US'),
  ]),
])}

What this shows:

- What ondevice holds for the model: \`client.memory()\` goes from ${memory.node.runtimeBytes.afterLoad.toLocaleString('en-US')} bytes (the model's files) to ${memory.node.runtimeBytes.afterUnload.toLocaleString('en-US')} after the unload; the JS heap and ArrayBuffers go back to within ${megabytes(Math.abs(memory.node.javascript.afterUnload - memory.node.javascript.beforeLoad))} of their level before the load (the model file copies are dropped), and the next use loads the model again.
- In the browser, onnxruntime-web's heap is one WebAssembly memory, which can grow but never shrink; ending the worker is what gives it back: the renderer RSS is ${megabytes(memory.browser.afterUnloadRss)} after the unload against ${megabytes(memory.browser.beforeLoadRss)} before the load${memory.browser.afterUnloadRss !== null && memory.browser.beforeLoadRss !== null ? ` (${percent(memory.browser.afterUnloadRss, memory.browser.beforeLoadRss)})` : ''}.
- In Node, onnxruntime-node frees what the session used, but with glibc's default settings the freed pages stay in the process: the RSS is ${megabytes(memory.node.afterUnloadRss)} after the unload, ${percent(memory.node.afterUnloadRss, memory.node.beforeLoadRss)} against ${megabytes(memory.node.beforeLoadRss)} (after ${memory.node.rounds} rounds ${megabytes(memory.node.lastUnloadRss)}: the next load reuses them). glibc's mmap threshold starts at 128 kB and rises to the size of the largest block freed, so after the first model's blocks are freed, later large blocks come from the heap, whose freed pages are rarely given back. With \`${trimmingAllocatorSetting}\` the threshold stays fixed: ${megabytes(memory.nodeTrimming.afterUnloadRss)} after the unload, ${percent(memory.nodeTrimming.afterUnloadRss, memory.nodeTrimming.beforeLoadRss)} against ${megabytes(memory.nodeTrimming.beforeLoadRss)} (after ${memory.nodeTrimming.rounds} rounds ${megabytes(memory.nodeTrimming.lastUnloadRss)}). A library cannot change it for the process it runs in: glibc reads it when the process starts.
- The starting levels: Node ${megabytes(memory.node.processStartRss)} with core imported and no runtime; importing Transformers.js and onnxruntime-node and running a first model adds about ${megabytes(memory.node.beforeLoadRss - memory.node.processStartRss)} for the life of the process.`
      : notRun(memory && 'skipped' in memory ? memory : null);

  return `${markers.start}
## Transformers.js runtime: (i) generation, (j) encoder batching, (k) memory

Generated by \`${report.command}\` (bench/run.ts) on ${report.date}, on ${machine.cpu}, ${machine.cores} cores, headless Chromium ${machine.chromium}. Do not edit by hand: run the command again.

${summary}

### How (i) and (j) are measured

- **One page for both sides:** bench/pages/transformers.html, built and served like the other bench pages, so both sides share the origin, the build and the files. \`@ondevice/vite\`'s \`modelFolders\` serves the model folders at \`/ondevice/models/<name>/\` (\`${transformersBenchModels.generator.name}\` from \`${transformersBenchModels.generator.folder}\`, \`${transformersBenchModels.encoder.name}\` and \`${transformersBenchModels.tagger.name}\` from \`npm run fixtures\`) and onnxruntime-web's wasm factory and binary at \`/ondevice/ort/\`, which both sides load (core through its \`assetBaseUrl\`, raw through \`env.backends.onnx.wasm.wasmPaths\`). Nothing comes from a CDN or the hub.
- **core:** \`createClient({ backend: 'wasm', rememberBackend: false })\`, the worker on (the default), models named by folder URL. No model of this client can run on WebGPU, so core loads Transformers.js over onnxruntime-web's plain wasm build (\`ort-wasm-simd-threaded.wasm\`, 14 MB; e2e/transformers-in-browser.spec.ts checks which files a page requests). Runtime details: ${JSON.stringify(coreDetails ?? {})}.
- **raw:** \`@huggingface/transformers\` (the same copy core uses) imported by the page itself, over the onnxruntime-web build it imports (\`onnxruntime-web/webgpu\`: \`ort-wasm-simd-threaded.asyncify.wasm\`, 27 MB, which runs both the wasm and the webgpu devices), \`pipeline(…)\` on the main thread, local files only (\`env.allowRemoteModels = false\`, \`env.localModelPath = '/ondevice/models/'\`, \`env.useBrowserCache = false\`), \`device: 'wasm'\` and the dtype core loads. Threads: onnxruntime-web's default on the raw side (what an app gets: \`numThreads\` as it reported it, ${String(threads)} here); core sets its own in \`runtimes/transformers/transformers-environment.ts\`. Details: ${JSON.stringify(rawDetails ?? {})}.
- Every call gets a fresh tab; the sides alternate core, raw, raw, core, ${transformersRounds} rounds; each tab loads its model and warms it up before the timed calls. Medians over every timed call of every tab.

### (i) Text generation: stories260K, core vs the raw pipeline

${generationSection}

### (j) Encoder throughput on mixed lengths: length buckets vs one padded batch

${encoderSection}

### (k) Memory before load, after load, after \`client.unload(modelId)\`

${memorySection}
${markers.end}
`;
}
