// `npm run bench [-- --rounds <n>] [--write]`: builds the bench pages, drives headless Chromium
// through them, builds the size app, prints a table and a JSON report, and with --write rewrites
// docs/benchmarks.md.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { launchChromium } from './node/bench-browser.js';
import { buildReport } from './node/bench-report.js';
import { formatTable, renderMarkdown } from './node/format-report.js';
import { machineInfo } from './node/machine-info.js';
import { measureBackendChoice } from './node/measure-backend-choice.js';
import { measureBundleSize } from './node/measure-bundle-size.js';
import { measureFirstEmbedding } from './node/measure-first-embedding.js';
import { measureReliabilityLines } from './node/measure-reliability.js';
import { measureRetrain } from './node/measure-retrain.js';
import { measureThroughput } from './node/measure-throughput.js';
import { measureTyping } from './node/measure-typing.js';
import { serveBenchPages } from './node/serve-bench-pages.js';
import { repositoryRoot } from './vite-config.js';

const usage = `Usage: npm run bench [-- --rounds <n>] [--write]

Measures ondevice side by side with the raw Universal Sentence Encoder in headless Chromium
(/usr/bin/chromium, or CHROMIUM_PATH) and in Node, then prints a table of the targets and a
JSON report on stdout (progress on stderr). Takes about 10 minutes.

  --rounds <n>   rounds of the throughput jobs (default 4)
  --write        also rewrite docs/benchmarks.md with this run's figures
  --help         print this and exit
`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      rounds: { type: 'string', default: '4' },
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

// Progress goes to stderr; stdout carries the table and the JSON report only.
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();

log('building the bench pages (vite build) and serving them (vite preview)…');
const pages = await serveBenchPages();
const browser = await launchChromium();
let measured;
try {
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
  measured = {
    throughput,
    backendChoice,
    firstEmbedding,
    typing,
    retrain,
    reliability,
    chromium: browser.version(),
  };
} finally {
  await browser.close();
  await pages.close();
}
log('(e) bundle size (vite build of bench/size-app)');
const size = await measureBundleSize();

const report = buildReport(
  {
    machine: machineInfo(measured.chromium),
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
  new Date(),
);
process.stdout.write(`${formatTable(report)}\n\n${JSON.stringify(report, null, 2)}\n`);
if (values.write) {
  const file = `${repositoryRoot}docs/benchmarks.md`;
  await writeFile(file, renderMarkdown(report));
  log(`wrote ${file}`);
} else {
  log('docs/benchmarks.md left as it is (npm run bench -- --write records this run there)');
}
