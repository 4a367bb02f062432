import type { LongTaskSummary } from '../pages/bench-results.js';
import type { PageMemory } from '../pages/page-memory.js';
import type { SearchRun } from '../pages/search-run.js';
import { median, round } from './bench-report.js';
import type { MachineInfo } from './machine-info.js';
import { alignedRows } from './markdown-blocks.js';
import { percentile } from './typing-latency.js';

/**
 * Nearest-rank p50 and p95 of a list of milliseconds, to 0.1 ms.
 *
 * @example
 * const latency: Latency = { p50: 12.3, p95: 20.1 }
 */
export interface Latency {
  p50: number;
  p95: number;
}

/**
 * {@link Latency} of a non-empty list of milliseconds.
 *
 * @example
 * latencyOf([10, 20, 30]) // { p50: 20, p95: 30 }
 */
export function latencyOf(values: readonly number[]): Latency {
  return { p50: round(percentile(values, 50), 1), p95: round(percentile(values, 95), 1) };
}

/** Ours ÷ anchor at p50 and at p95. */
const ratioOf = (ours: Latency, anchor: Latency): Latency => ({
  p50: round(ours.p50 / anchor.p50),
  p95: round(ours.p95 / anchor.p95),
});

/**
 * The headline figures of one index size.
 *
 * @example
 * const { cached, anchors, ratios } = searchSizeFigures(run) // cached.keyword.p95, ratios.keyword.p95
 */
export interface SearchSizeFigures {
  documents: number;
  build: 'add' | 'import';
  buildMs: number;
  documentsPerSecond: number;
  buildLongTasks: LongTaskSummary;
  /** The same texts embedded alone (add), or the real texts of the import. */
  embeddingAlone: { texts: number; textsPerSecond: number };
  /** add: documents/s of `add()` ÷ texts/s of embedding them alone. */
  indexingRatio: number | null;
  prepareMs: number | null;
  agreement: { lowest: number; mean: number } | null;
  stats: SearchRun['stats'];
  memory: {
    /** JS heap after gc with the index alone held, minus before the documents existed. */
    heapBytes: number | null;
    /** The same from `measureUserAgentSpecificMemory()`, the page without its workers. */
    pageBytes: number | null;
  };
  /** Query embeddings cached: the search on the page, and the anchors. */
  cached: { hybrid: Latency; semantic: Latency; keyword: Latency };
  anchors: { miniSearch: Latency; exactScan: Latency; keywordAndExact: Latency };
  miniSearchBuildMs: number;
  /** Ours ÷ anchor: keyword ÷ MiniSearch, semantic ÷ exact scan, hybrid ÷ both anchors. */
  ratios: { keyword: Latency; semantic: Latency; hybrid: Latency };
  /** The query embedded in the worker on every search (cache cleared). */
  endToEnd: { hybrid: Latency; semantic: Latency; exact: Latency; queryEmbedding: Latency };
  /** semantic end to end ÷ exact end to end. */
  endToEndRatio: Latency;
  /** The worst mode's end-to-end p95 (keyword needs no embedding: its one figure). */
  worstP95: number;
  recall: { mean: number; lowest: number; queries: number; k: number };
  /**
   * Long tasks > 50 ms while querying (both phases), in all and by the mode of the search they
   * started in; and during the anchors (reference).
   */
  longTasks: {
    querying: LongTaskSummary;
    byMode: { hybrid: LongTaskSummary; semantic: LongTaskSummary; keyword: LongTaskSummary };
    /** Started in no search (between them: the page's own tasks, such as garbage collection). */
    betweenSearches: LongTaskSummary;
    anchors: LongTaskSummary;
  };
  keywordMatchesMedian: number;
  /** Queries whose keyword top k equals the MiniSearch anchor's (same ids, same order). */
  sameKeywordTop: number;
  /** Where the index's keyword side ran (`stats().keywordIndex`). */
  keywordIndex: 'worker' | 'thread';
}

/**
 * One acceptance line of (l).
 *
 * @example
 * const check: SearchTargetCheck = { id: 'l-recall', label: '(l) recall@10', target: '≥ 0.98', measured: '0.9975', met: true }
 */
export interface SearchTargetCheck {
  id: 'l-latency-10k' | 'l-latency-100k' | 'l-long-tasks' | 'l-memory' | 'l-recall' | 'l-indexing';
  label: string;
  target: string;
  measured: string;
  /** Null for a figure reported with no target. */
  met: boolean | null;
}

/**
 * The (l) report: printed as JSON and rendered into docs/benchmarks.md.
 *
 * @example
 * const report: SearchReport = buildSearchReport(runs, machine, command, new Date())
 */
export interface SearchReport {
  command: string;
  date: string;
  machine: MachineInfo;
  sizes: SearchSizeFigures[];
  targets: SearchTargetCheck[];
  runs: SearchRun[];
}

const memoryDelta = (
  before: PageMemory,
  after: PageMemory,
  field: 'heapBytes' | 'bytes',
): number | null => {
  const start = before[field];
  const end = after[field];
  if (start === null || end === null) return null;
  if (field === 'heapBytes') return end - start;
  // The page's part: the whole measurement less its dedicated workers.
  return end - (after.workerBytes ?? 0) - (start - (before.workerBytes ?? 0));
};

const none: LongTaskSummary = { count: 0, longestMs: 0, totalMs: 0 };
const sum = (...summaries: (LongTaskSummary | undefined)[]): LongTaskSummary =>
  summaries.reduce<LongTaskSummary>(
    (total, summary = none) => ({
      count: total.count + summary.count,
      longestMs: Math.max(total.longestMs, summary.longestMs),
      totalMs: total.totalMs + summary.totalMs,
    }),
    none,
  );

/**
 * Derives the figures of one index size from its run.
 *
 * @example
 * const figures = searchSizeFigures(run)
 */
export function searchSizeFigures(run: SearchRun): SearchSizeFigures {
  const cached = {
    hybrid: latencyOf(run.cached.hybrid),
    semantic: latencyOf(run.cached.semantic),
    keyword: latencyOf(run.cached.keyword),
  };
  const anchors = {
    miniSearch: latencyOf(run.anchors.miniSearch),
    exactScan: latencyOf(run.anchors.exactScan),
    keywordAndExact: latencyOf(
      run.anchors.miniSearch.map((value, index) => value + (run.anchors.exactScan[index] ?? 0)),
    ),
  };
  const endToEnd = {
    hybrid: latencyOf(run.endToEnd.hybrid),
    semantic: latencyOf(run.endToEnd.semantic),
    exact: latencyOf(run.endToEnd.exact),
    queryEmbedding: latencyOf(run.endToEnd.queryEmbedding),
  };
  const recallMean = run.recall.reduce((total, value) => total + value, 0) / run.recall.length;
  return {
    documents: run.job.documents,
    build: run.job.build,
    buildMs: Math.round(run.build.milliseconds),
    documentsPerSecond: round(run.build.documentsPerSecond, 1),
    buildLongTasks: run.build.longTasks,
    embeddingAlone: {
      texts: run.build.embedding.texts,
      textsPerSecond: round(run.build.embedding.textsPerSecond, 1),
    },
    indexingRatio:
      run.job.build === 'add'
        ? round(run.build.documentsPerSecond / run.build.embedding.textsPerSecond)
        : null,
    prepareMs: run.build.prepareMs === null ? null : Math.round(run.build.prepareMs),
    agreement: run.build.agreement
      ? { lowest: round(run.build.agreement.lowest, 5), mean: round(run.build.agreement.mean, 5) }
      : null,
    stats: run.stats,
    memory: {
      heapBytes: memoryDelta(run.memory.before, run.memory.after, 'heapBytes'),
      pageBytes: memoryDelta(run.memory.before, run.memory.after, 'bytes'),
    },
    cached,
    anchors,
    miniSearchBuildMs: Math.round(run.anchors.miniSearchBuildMs),
    ratios: {
      keyword: ratioOf(cached.keyword, anchors.miniSearch),
      semantic: ratioOf(cached.semantic, anchors.exactScan),
      hybrid: ratioOf(cached.hybrid, anchors.keywordAndExact),
    },
    endToEnd,
    endToEndRatio: ratioOf(endToEnd.semantic, endToEnd.exact),
    worstP95: Math.max(endToEnd.hybrid.p95, endToEnd.semantic.p95, cached.keyword.p95),
    recall: {
      mean: round(recallMean, 4),
      lowest: Math.min(...run.recall),
      queries: run.recall.length,
      k: run.job.k,
    },
    longTasks: {
      querying: sum(
        ...Object.values(run.longTasks.cached),
        ...Object.values(run.longTasks.endToEnd),
      ),
      byMode: {
        hybrid: sum(run.longTasks.cached.hybrid, run.longTasks.endToEnd.hybrid),
        semantic: sum(run.longTasks.cached.semantic, run.longTasks.endToEnd.semantic),
        keyword: sum(run.longTasks.cached.keyword),
      },
      betweenSearches: sum(run.longTasks.cached.other, run.longTasks.endToEnd.other),
      anchors: sum(...Object.values(run.longTasks.anchors)),
    },
    keywordMatchesMedian: median(run.keywordMatches),
    sameKeywordTop: run.sameKeywordTop,
    keywordIndex: run.stats.keywordIndex,
  };
}

const count = (value: number) => value.toLocaleString('en-US');

/**
 * The latency targets of the issue, by index size.
 *
 * @example
 * searchLatencyTargets[100_000] // 200
 */
export const searchLatencyTargets: Readonly<Record<number, number>> = {
  10_000: 50,
  100_000: 200,
};

/**
 * Vector memory per document at 100,000 documents (bytes).
 *
 * @example
 * const met = stats.bytesPerDocument <= searchMemoryTarget
 */
export const searchMemoryTarget = 1_000;

/**
 * Recall@10 of the 8-bit scan against the exact float32 scan.
 *
 * @example
 * const met = figures.recall.mean >= searchRecallTarget
 */
export const searchRecallTarget = 0.98;

/**
 * The (l) report: figures per size and the targets.
 *
 * @example
 * const report = buildSearchReport(runs, machine, 'npm run bench -- --only search --write', new Date())
 */
export function buildSearchReport(
  runs: readonly SearchRun[],
  machine: MachineInfo,
  command: string,
  date: Date,
): SearchReport {
  const sizes = runs.map(searchSizeFigures);
  const targets: SearchTargetCheck[] = [];
  for (const size of sizes) {
    const limit = searchLatencyTargets[size.documents];
    if (limit === undefined) continue;
    targets.push({
      id: size.documents === 10_000 ? 'l-latency-10k' : 'l-latency-100k',
      label: `(l) search p95 at ${count(size.documents)} documents, worst mode, query embedded in the worker`,
      target: `≤ ${limit} ms`,
      measured: `${size.worstP95} ms (hybrid ${size.endToEnd.hybrid.p95}, semantic ${size.endToEnd.semantic.p95}, keyword ${size.cached.keyword.p95})`,
      met: size.worstP95 <= limit,
    });
  }
  const querying = sizes.map((size) => size.longTasks.querying);
  targets.push({
    id: 'l-long-tasks',
    label: '(l) main-thread tasks > 50 ms while querying, worker on',
    target: '0',
    measured: sizes
      .map(
        (size) =>
          `${count(size.documents)}: ${size.longTasks.querying.count} (longest ${size.longTasks.querying.longestMs} ms; hybrid ${size.longTasks.byMode.hybrid.count}, semantic ${size.longTasks.byMode.semantic.count}, keyword ${size.longTasks.byMode.keyword.count}, between searches ${size.longTasks.betweenSearches.count})`,
      )
      .join('; '),
    met: querying.every((tasks) => tasks.count === 0),
  });
  const largest = sizes.find((size) => size.documents === 100_000);
  if (largest) {
    targets.push({
      id: 'l-memory',
      label: '(l) vector memory per document at 100,000 documents (`stats().bytesPerDocument`)',
      target: `≤ ${searchMemoryTarget.toLocaleString('en-US')} B`,
      measured: `${round(largest.stats.bytesPerDocument, 1)} B (${largest.stats.passages / largest.stats.documents} passage a document)`,
      met: largest.stats.bytesPerDocument <= searchMemoryTarget,
    });
  }
  targets.push({
    id: 'l-recall',
    label: '(l) recall@10 of the 8-bit scan against exact float32, 200 queries',
    target: `≥ ${searchRecallTarget}`,
    measured: sizes
      .map((size) => `${count(size.documents)}: ${size.recall.mean.toFixed(4)}`)
      .join(', '),
    met: sizes.every((size) => size.recall.mean >= searchRecallTarget),
  });
  const added = sizes.find((size) => size.build === 'add');
  if (added) {
    targets.push({
      id: 'l-indexing',
      label: `(l) indexing ${count(added.documents)} documents with add(), worker on`,
      target: 'reported',
      measured: `${added.documentsPerSecond} docs/s (embedding alone ${added.embeddingAlone.textsPerSecond} texts/s); ${added.buildLongTasks.count} main-thread tasks > 50 ms (longest ${added.buildLongTasks.longestMs} ms)`,
      met: null,
    });
  }
  return {
    command,
    date: date.toISOString(),
    machine,
    sizes,
    targets,
    runs: [...runs],
  };
}

const latency = (value: Latency) => `${value.p50}/${value.p95}`;

/**
 * The console summary of (l): the targets, then one line per size.
 *
 * @example
 * process.stdout.write(formatSearchLines(report))
 */
export function formatSearchLines(report: SearchReport): string {
  const rows = [
    ['check', 'measured', 'target', 'result'],
    ...report.targets.map((check) => [
      check.label,
      check.measured,
      check.target,
      check.met === null ? '-' : check.met ? 'met' : 'MISSED',
    ]),
  ];
  return [
    alignedRows(rows),
    '',
    ...report.sizes.map(
      (size) =>
        `${count(size.documents)} (${size.build}), p50/p95 ms: cached hybrid ${latency(size.cached.hybrid)}, semantic ${latency(size.cached.semantic)} (exact scan ${latency(size.anchors.exactScan)}: ${latency(size.ratios.semantic)}×), keyword ${latency(size.cached.keyword)} (MiniSearch ${latency(size.anchors.miniSearch)}: ${latency(size.ratios.keyword)}×); end to end hybrid ${latency(size.endToEnd.hybrid)}, semantic ${latency(size.endToEnd.semantic)} (exact ${latency(size.endToEnd.exact)}); recall@${size.recall.k} ${size.recall.mean}; ${round(size.stats.bytesPerDocument, 1)} B/doc`,
    ),
  ].join('\n');
}
