// `npm run bench [-- --rounds <n>] [--only <parts>] [--write]`: builds the bench pages, drives
// headless Chromium through them, builds the size app, prints a table and a JSON report, and
// with --write rewrites docs/benchmarks.md.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { launchChromium } from './node/bench-browser.js';
import { buildReport } from './node/bench-report.js';
import { formatTable, renderMarkdown } from './node/format-report.js';
import { machineInfo } from './node/machine-info.js';
import { extractBlock, spliceBlock } from './node/markdown-blocks.js';
import { measureAiSdk } from './node/measure-ai-sdk.js';
import { measureBackendChoice } from './node/measure-backend-choice.js';
import { measureBundleSize } from './node/measure-bundle-size.js';
import { measurePii } from './node/measure-pii.js';
import { measureProxy } from './node/measure-proxy.js';
import { measureFirstEmbedding } from './node/measure-first-embedding.js';
import { type RecommendRuns, measureRecommend } from './node/measure-recommend.js';
import { measureReliabilityLines } from './node/measure-reliability.js';
import { measureRetrain } from './node/measure-retrain.js';
import { measureSearch } from './node/measure-search.js';
import { measureThroughput } from './node/measure-throughput.js';
import { measureEncoder, measureGeneration, measureMemory } from './node/measure-transformers.js';
import { measureTyping } from './node/measure-typing.js';
import {
  buildRecommendReport,
  formatRecommendLines,
  recommendBlockMarkers,
  renderRecommendMarkdown,
} from './node/recommend-report.js';
import {
  buildPiiReport,
  formatPiiLines,
  piiBlockMarkers,
  renderPiiMarkdown,
} from './node/pii-report.js';
import { renderSearchMarkdown, searchBlockMarkers } from './node/search-markdown.js';
import { buildSearchReport, formatSearchLines } from './node/search-report.js';
import {
  aiSdkBlockMarkers,
  buildAiSdkReport,
  formatAiSdkLines,
  renderAiSdkMarkdown,
} from './node/ai-sdk-report.js';
import { proxyBlockMarkers, renderProxyMarkdown } from './node/proxy-markdown.js';
import { buildProxyReport, formatProxyLines } from './node/proxy-report.js';
import { serveBenchPages } from './node/serve-bench-pages.js';
import type { SearchRun } from './pages/search-run.js';
import {
  type TransformersMeasurements,
  buildTransformersReport,
  formatTransformersLines,
  renderTransformersMarkdown,
  spliceTransformersBlock,
  transformersBlockMarkers,
} from './node/transformers-report.js';
import { repositoryRoot } from './vite-config.js';

/** What (l) and (m) measured; a part left out by `--only` is undefined. */
interface RetrievalMeasurements {
  search?: SearchRun[];
  recommend?: RecommendRuns;
}

/** Parts `--only` can name: the TensorFlow.js figures (a)–(h), then (i)–(p). */
const partNames = [
  'tfjs',
  'generation',
  'encoder',
  'memory',
  'search',
  'recommend',
  'pii',
  'proxy',
  'ai-sdk',
] as const;
type PartName = (typeof partNames)[number];

const usage = `Usage: npm run bench [-- --rounds <n>] [--only <parts>] [--write]

Measures ondevice side by side with the raw Universal Sentence Encoder and the raw
Transformers.js pipelines in headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and in
Node, then prints a table of the targets and a JSON report on stdout (progress on stderr).
Takes about 11 minutes (tfjs about 8, generation, encoder and memory about 3 together), and
search and recommend a few minutes more.

  --rounds <n>    rounds of the TensorFlow.js throughput jobs (default 4)
  --only <parts>  comma-separated parts to run (default all): ${partNames.join(', ')}
                    tfjs        (a)–(h): USE throughput, backend, first embedding, bundle size,
                                typing, retraining, reliability
                    generation  (i) stories260K, client.generator vs pipeline('text-generation')
                    encoder     (j) length buckets vs pipeline('feature-extraction'), mixed lengths
                    memory      (k) memory before load, after load, after client.unload()
                    search      (l) client.searchIndex() at 10,000 (add) and 100,000 (import)
                                documents beside MiniSearch and an exact float32 scan
                    recommend   (m) client.recommender() on MovieLens 100K from ../shared/data
                                (skipped when absent): fit in the worker, recommend latency
                    pii         (n) redactPII() throughput on ~1 kB texts in Node, names on and
                                off (no browser; about a minute)
                    proxy       (o) the LLM proxy (its CLI, from source) vs a fake upstream, each
                                in a child process: added latency sequential, streamed and with
                                1,000 concurrent streams (no browser; about 2 minutes)
                    ai-sdk      (p) @ondevice/ai-sdk in Node: the provider's tokens/s through
                                streamText vs core's generator on stories260K (skipped when
                                absent), the redaction middleware per request on ~1 kB prompts
                                (no browser; about a minute)
  --write         also record this run in docs/benchmarks.md: a run with tfjs rewrites it (keeping
                  the search, recommend, pii, proxy and ai-sdk sections it did not measure); without
                  tfjs, a run replaces the sections it measured: generation, encoder and memory
                  together, search, recommend, pii, proxy and ai-sdk each on its own
  --help          print this and exit
`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      rounds: { type: 'string', default: '4' },
      only: { type: 'string', default: partNames.join(',') },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds must be a positive integer; got ${values.rounds}.`);
  process.exit(2);
}
const named = values.only.split(',').map((part) => part.trim());
const unknown = named.filter((part) => !(partNames as readonly string[]).includes(part));
if (unknown.length > 0 || named.length === 0) {
  console.error(
    `--only takes a comma-separated list of ${partNames.join(', ')}; got "${values.only}".\n\n${usage}`,
  );
  process.exit(2);
}
const parts = new Set(named as PartName[]);
const transformersParts = (['generation', 'encoder', 'memory'] as const).filter((part) =>
  parts.has(part),
);
if (
  values.write &&
  !parts.has('tfjs') &&
  transformersParts.length > 0 &&
  transformersParts.length < 3
) {
  console.error(
    '--write records either a full run, or (without tfjs) generation, encoder and memory together, and search, recommend, pii, proxy and ai-sdk each on its own: docs/benchmarks.md keeps one run per section.',
  );
  process.exit(2);
}

// Progress goes to stderr; stdout carries the table and the JSON report only.
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();

// (n), (o) and (p) run in Node: a run of them alone builds no page and starts no browser.
const needsBrowser = [...parts].some(
  (part) => part !== 'pii' && part !== 'proxy' && part !== 'ai-sdk',
);
let measured;
const transformers: TransformersMeasurements = {};
const retrieval: RetrievalMeasurements = {};
let chromiumVersion = 'not used';
if (needsBrowser) {
  log('building the bench pages (vite build) and serving them (vite preview)…');
  const pages = await serveBenchPages();
  const browser = await launchChromium();
  chromiumVersion = browser.version();
  try {
    if (parts.has('tfjs')) {
      const context = await browser.newContext();
      log('(a, b) throughput and long tasks');
      const throughput = await measureThroughput(context, pages.url, rounds, log);
      log('(c) backend choice');
      const backendChoice = await measureBackendChoice(context, pages.url, log);
      await context.close();
      log('(d) time to first embedding');
      const firstEmbedding = await measureFirstEmbedding(browser, pages.url, 3, log);
      // (f) and (g) in a context of their own: fresh storage, nothing cached by (a)–(d).
      const widgetContext = await browser.newContext();
      log('(f) keystroke to sentiment badge while typing');
      const typing = await measureTyping(widgetContext, pages.url, log);
      log('(g) teachable retrain time');
      const retrain = await measureRetrain(widgetContext, pages.url, log);
      await widgetContext.close();
      log('(h) reliability: abort, a 1 MB text, the event loop in Node');
      const reliabilityContext = await browser.newContext();
      const reliability = await measureReliabilityLines(reliabilityContext, pages.url, log);
      await reliabilityContext.close();
      measured = { throughput, backendChoice, firstEmbedding, typing, retrain, reliability };
    }
    // (i) and (j) in a context of their own, after (a)–(h), so they change none of those figures.
    const transformersContext = await browser.newContext();
    if (parts.has('generation')) {
      log('(i) text generation: stories260K, core vs raw Transformers.js');
      transformers.generation = await measureGeneration(transformersContext, pages.url, log);
    }
    if (parts.has('encoder')) {
      log('(j) encoder throughput on mixed lengths, core vs raw Transformers.js');
      transformers.encoder = await measureEncoder(transformersContext, pages.url, log);
    }
    await transformersContext.close();
    if (parts.has('memory')) {
      log('(k) memory before load, after load, after unload (Node, then a browser of its own)');
      transformers.memory = await measureMemory(pages.url, log);
    }
    if (parts.has('search')) {
      log('(l) search index: 10,000 documents added, 100,000 imported (a browser of its own)');
      retrieval.search = await measureSearch(pages.url, log);
    }
    if (parts.has('recommend')) {
      log('(m) recommender on MovieLens 100K: track, fit in the worker, recommend');
      const recommendContext = await browser.newContext();
      retrieval.recommend = await measureRecommend(recommendContext, pages.url, log);
      await recommendContext.close();
    }
  } finally {
    await browser.close();
    await pages.close();
  }
}
let piiRun;
if (parts.has('pii')) {
  log('(n) redactPII() on ~1 kB texts, names on and off (Node)');
  piiRun = await measurePii(log);
}
let proxyRun;
// The 1-minute load average as the proxy part starts: its figures depend on a quiet machine.
const proxyLoadAverage = os.loadavg()[0] ?? Number.NaN;
if (parts.has('proxy')) {
  log(
    `(o) LLM proxy vs a fake upstream, child processes (load average ${proxyLoadAverage.toFixed(2)})`,
  );
  proxyRun = await measureProxy(log);
}
let aiSdkRun;
if (parts.has('ai-sdk')) {
  log('(p) @ondevice/ai-sdk: provider vs core generator, redaction middleware per request (Node)');
  aiSdkRun = await measureAiSdk(log);
}
const machine = machineInfo(chromiumVersion);
const date = new Date();
const seconds = (performance.now() - started) / 1000;
const command = `npm run bench -- ${parts.size === partNames.length ? '' : `--only ${[...parts].join(',')} `}--write`;
const transformersReport = transformersParts.length
  ? buildTransformersReport(transformers, machine, command, date)
  : undefined;

let tfjsReport;
if (measured) {
  log('(e) bundle size (vite build of bench/size-app)');
  const size = await measureBundleSize();
  tfjsReport = buildReport(
    {
      machine,
      rounds,
      seconds: (performance.now() - started) / 1000,
      throughput: measured.throughput,
      backendChoice: measured.backendChoice,
      firstEmbedding: measured.firstEmbedding,
      size,
      typing: measured.typing,
      retrain: measured.retrain,
      reliability: measured.reliability,
    },
    date,
  );
}

const searchReport = retrieval.search
  ? buildSearchReport(retrieval.search, machine, command, date)
  : undefined;
const recommendReport = retrieval.recommend
  ? buildRecommendReport(retrieval.recommend, machine, command, date)
  : undefined;
const piiReport = piiRun ? buildPiiReport(piiRun, machine, command, date) : undefined;
const proxyReport = proxyRun
  ? buildProxyReport(proxyRun, machine, command, date, proxyLoadAverage)
  : undefined;
const aiSdkReport = aiSdkRun ? buildAiSdkReport(aiSdkRun, machine, command, date) : undefined;

const tables = [
  ...(tfjsReport ? [formatTable(tfjsReport)] : []),
  ...(transformersReport ? [formatTransformersLines(transformersReport)] : []),
  ...(searchReport ? [formatSearchLines(searchReport)] : []),
  ...(recommendReport ? [formatRecommendLines(recommendReport)] : []),
  ...(piiReport ? [formatPiiLines(piiReport)] : []),
  ...(proxyReport ? [formatProxyLines(proxyReport)] : []),
  ...(aiSdkReport ? [formatAiSdkLines(aiSdkReport)] : []),
];
const json = {
  ...(tfjsReport ?? { seconds: Math.round(seconds * 10) / 10 }),
  transformers: transformersReport,
  search: searchReport,
  recommend: recommendReport,
  pii: piiReport,
  proxy: proxyReport,
  aiSdk: aiSdkReport,
};
process.stdout.write(`${tables.join('\n\n')}\n\n${JSON.stringify(json, null, 2)}\n`);
if (values.write) {
  const file = `${repositoryRoot}docs/benchmarks.md`;
  const previous = await readFile(file, 'utf8');
  // (l)–(p) are blocks of their own: a run writes the ones it measured and keeps the others.
  const searchBlock = searchReport
    ? renderSearchMarkdown(searchReport)
    : extractBlock(previous, searchBlockMarkers);
  const recommendBlock = recommendReport
    ? renderRecommendMarkdown(recommendReport)
    : extractBlock(previous, recommendBlockMarkers);
  const piiBlock = piiReport
    ? renderPiiMarkdown(piiReport)
    : extractBlock(previous, piiBlockMarkers);
  const proxyBlock = proxyReport
    ? renderProxyMarkdown(proxyReport)
    : extractBlock(previous, proxyBlockMarkers);
  const aiSdkBlock = aiSdkReport
    ? renderAiSdkMarkdown(aiSdkReport)
    : extractBlock(previous, aiSdkBlockMarkers);
  let document: string;
  if (tfjsReport) {
    const block = transformersReport
      ? renderTransformersMarkdown(transformersReport, transformersBlockMarkers)
      : '';
    document = [
      renderMarkdown(tfjsReport),
      block,
      searchBlock,
      recommendBlock,
      piiBlock,
      proxyBlock,
      aiSdkBlock,
    ]
      .filter((part) => part)
      .map((part) => (part as string).trimEnd())
      .join('\n\n');
    document = `${document}\n`;
  } else {
    document = transformersReport
      ? spliceTransformersBlock(
          previous,
          renderTransformersMarkdown(transformersReport, transformersBlockMarkers),
        )
      : previous;
    if (searchReport && searchBlock)
      document = spliceBlock(document, searchBlock, searchBlockMarkers);
    if (recommendReport && recommendBlock) {
      document = spliceBlock(document, recommendBlock, recommendBlockMarkers);
    }
    if (piiReport && piiBlock) document = spliceBlock(document, piiBlock, piiBlockMarkers);
    if (proxyReport && proxyBlock) document = spliceBlock(document, proxyBlock, proxyBlockMarkers);
    if (aiSdkReport && aiSdkBlock) document = spliceBlock(document, aiSdkBlock, aiSdkBlockMarkers);
  }
  await writeFile(file, document);
  log(`wrote ${file}`);
} else {
  log('docs/benchmarks.md left as it is (npm run bench -- --write records this run there)');
}
