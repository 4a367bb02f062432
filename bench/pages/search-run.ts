import {
  type OnDeviceClient,
  type SearchIndex,
  type SearchMode,
  createClient,
} from '@ondevice/core';
import MiniSearch from 'minisearch';
import { warmUpSentences } from '../workload/bench-sentences.js';
import { keywordTerm } from '../workload/keyword-stop-words.js';
import {
  type SearchBenchDocument,
  type SearchJob,
  searchDocuments,
  searchQueries,
} from '../workload/search-workload.js';
import type { LongTaskSummary } from './bench-results.js';
import { ExactVectorScan, unitVector } from './exact-vector-scan.js';
import { recordLongTasks } from './long-task-recorder.js';
import { nextTask, recordLongTaskTimeline } from './long-task-timeline.js';
import { type PageMemory, pageMemory } from './page-memory.js';
import { indexExportData, perturbRows } from './perturbed-index-data.js';

// Bench (l) in the page: one index per tab (worker on, wasm), queried in turns with the anchors
// beside it in the same page. bench/node/measure-search.ts opens one tab per job.

/**
 * How the index was built, and what it cost.
 *
 * @example
 * const { milliseconds, documentsPerSecond, longTasks } = run.build
 */
export interface SearchBuild {
  milliseconds: number;
  documentsPerSecond: number;
  /** Main-thread tasks over 50 ms while `add()` or `import()` ran. */
  longTasks: LongTaskSummary;
  /** The same texts embedded alone: one `embed()` call (add), or the real texts (import). */
  embedding: { texts: number; milliseconds: number; textsPerSecond: number };
  /** import: making the perturbed vectors and the export data (not timed as the import). */
  prepareMs: number | null;
  /** Lowest and mean cosine of the index's 8-bit vectors with the float vectors (add). */
  agreement: { lowest: number; mean: number } | null;
}

/**
 * What one search job measured.
 *
 * @example
 * const { cached, anchors, recall } = await runSearchJob(searchJobs[0])
 */
export interface SearchRun {
  job: SearchJob;
  build: SearchBuild;
  stats: ReturnType<SearchIndex['stats']>;
  /** Page memory before the documents were generated, and with the index alone held. */
  memory: { before: PageMemory; after: PageMemory };
  /** Query embeddings cached (searched once before): search minus embedding, and the anchors. */
  cached: { hybrid: number[]; semantic: number[]; keyword: number[] };
  anchors: { miniSearch: number[]; exactScan: number[]; miniSearchBuildMs: number };
  /** Fresh query embeddings (the embedder's cache cleared before each search), first queries. */
  endToEnd: { hybrid: number[]; semantic: number[]; exact: number[]; queryEmbedding: number[] };
  /** Long tasks > 50 ms by the call they started in: mode (ours), or anchor. */
  longTasks: {
    cached: Record<string, LongTaskSummary>;
    endToEnd: Record<string, LongTaskSummary>;
    anchors: Record<string, LongTaskSummary>;
  };
  /** Overlap of the semantic top k with the exact float top k, per query. */
  recall: number[];
  /** `total` of each keyword search: the documents its words matched. */
  keywordMatches: number[];
  /** Queries whose keyword top k is the MiniSearch anchor's, in the same order. */
  sameKeywordTop: number;
  details: Record<string, unknown>;
}

const modes: readonly SearchMode[] = ['hybrid', 'semantic', 'keyword'];

/** MiniSearch with the options of the index's keyword side (packages/core/src/search/search-index.ts). */
function miniSearchAnchor(documents: readonly SearchBenchDocument[]) {
  const anchor = new MiniSearch<SearchBenchDocument>({
    idField: 'id',
    fields: ['text'],
    storeFields: [],
    processTerm: keywordTerm,
    searchOptions: {
      boost: { text: 1 },
      prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 2,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  anchor.addAll(documents);
  return anchor;
}

function decodeBase64(text: string): Int8Array {
  const binary = atob(text);
  const bytes = new Int8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** How close the index's 8-bit vectors are to the float ones it was given. */
async function agreementOf(index: SearchIndex, scan: ExactVectorScan, ids: Map<string, number>) {
  const data = await index.export();
  const codes = decodeBase64(data.vectors.codes);
  let lowest = 1;
  let sum = 0;
  data.passages.forEach((passage, at) => {
    const row = ids.get(String(data.documents[passage.document]?.id)) as number;
    const stored = unitVector(codes.subarray(at * data.dimensions, (at + 1) * data.dimensions));
    const exact = scan.row(row);
    let dot = 0;
    for (let dimension = 0; dimension < data.dimensions; dimension += 1) {
      dot += (stored[dimension] as number) * (exact[dimension] as number);
    }
    lowest = Math.min(lowest, dot);
    sum += dot;
  });
  return { lowest, mean: sum / data.passages.length };
}

/**
 * Builds the index and times the queries. The documents, float vectors and MiniSearch live only
 * in here, so once it returns the page holds the index alone (the memory figure).
 */
async function buildAndQuery(
  job: SearchJob,
  client: OnDeviceClient,
  index: SearchIndex<SearchBenchDocument>,
): Promise<Omit<SearchRun, 'job' | 'memory' | 'details'>> {
  const embedder = client.embedder();
  const documents = searchDocuments(job.documents);
  const queries = searchQueries(job.queries);
  const warmUp = searchQueries(10, 5).filter((query) => !queries.includes(query));
  const scan = new ExactVectorScan(512, job.documents);
  const floatEmbedder = client.embedder({ cacheSize: 0 });
  const embedAlone = async (texts: string[]) => {
    const started = performance.now();
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += 10_000) {
      const { embeddings } = await floatEmbedder.embed(texts.slice(start, start + 10_000));
      vectors.push(...embeddings);
    }
    const milliseconds = performance.now() - started;
    return {
      vectors,
      figures: {
        texts: texts.length,
        milliseconds,
        textsPerSecond: (texts.length * 1000) / milliseconds,
      },
    };
  };

  let build: SearchBuild;
  if (job.build === 'add') {
    await nextTask();
    const stop = recordLongTasks();
    const started = performance.now();
    await index.add(documents);
    const milliseconds = performance.now() - started;
    const longTasks = await stop();
    // The anchor's float vectors: the same texts through the same model, no cache.
    const embedded = await embedAlone(documents.map((document) => document.text));
    embedded.vectors.forEach((vector, row) => scan.set(row, vector));
    build = {
      milliseconds,
      documentsPerSecond: (job.documents * 1000) / milliseconds,
      longTasks,
      embedding: embedded.figures,
      prepareMs: null,
      agreement: await agreementOf(
        index,
        scan,
        new Map(documents.map((document, row) => [document.id, row])),
      ),
    };
  } else {
    const embedded = await embedAlone(
      documents.slice(0, job.realTexts).map((document) => document.text),
    );
    let started = performance.now();
    embedded.vectors.forEach((vector, row) => scan.set(row, vector));
    perturbRows(scan, job.realTexts, job.noise, 11);
    const data = indexExportData({ id: index.id, modelId: index.modelId, documents, scan });
    const prepareMs = performance.now() - started;
    // A task of its own, so the preparation's long task is not counted as the import's.
    await nextTask();
    const stop = recordLongTasks();
    started = performance.now();
    await index.import(data);
    const milliseconds = performance.now() - started;
    build = {
      milliseconds,
      documentsPerSecond: (job.documents * 1000) / milliseconds,
      longTasks: await stop(),
      embedding: embedded.figures,
      prepareMs,
      agreement: null,
    };
  }
  const stats = index.stats();

  // Every query's embedding is computed once here and cached: the phases below time search
  // without embedding; the end-to-end phase clears the cache before each search.
  const queryVectors = (await embedder.embed(queries)).embeddings.map(unitVector);
  for (const query of warmUp) {
    for (const mode of modes) await index.search(query, { k: job.k, mode });
  }

  // Each timed call starts in a task of its own (as a user's query does), so a long task is
  // charged to the call that ran in it.
  const cached = { hybrid: [] as number[], semantic: [] as number[], keyword: [] as number[] };
  const semanticTop: string[][] = [];
  const keywordTop: string[][] = [];
  const keywordMatches: number[] = [];
  let timeline = recordLongTaskTimeline();
  for (const query of queries) {
    for (const mode of modes) {
      await nextTask();
      const started = performance.now();
      const result = await index.search(query, { k: job.k, mode });
      const ended = performance.now();
      cached[mode].push(ended - started);
      timeline.charge(mode, started, ended);
      if (mode === 'semantic') semanticTop.push(result.hits.map((hit) => hit.id));
      if (mode === 'keyword') {
        keywordMatches.push(result.total);
        keywordTop.push(result.hits.map((hit) => hit.id));
      }
    }
  }
  const cachedLongTasks = await timeline.stop();

  // The MiniSearch anchor is built only now, and dropped after its phase: while ours are timed,
  // the page holds what an app with this index would (a second 100,000-document MiniSearch index
  // on the page adds its garbage collection pauses to whatever runs).
  const anchorPhase = await (async () => {
    const anchorBuildStarted = performance.now();
    const anchor = miniSearchAnchor(documents);
    const miniSearchBuildMs = performance.now() - anchorBuildStarted;
    for (const query of warmUp) {
      anchor.search(query);
      scan.nearest((await embedder.embed(query)).embeddings[0] as Float32Array, job.k);
    }
    const anchors = { miniSearch: [] as number[], exactScan: [] as number[], miniSearchBuildMs };
    const recall: number[] = [];
    let sameKeywordTop = 0;
    const timeline = recordLongTaskTimeline();
    for (const [at, query] of queries.entries()) {
      await nextTask();
      let started = performance.now();
      const anchorTop = anchor.search(query).slice(0, job.k);
      let ended = performance.now();
      const ours = keywordTop[at] ?? [];
      const same = anchorTop.every((result, rank) => String(result.id) === ours[rank]);
      if (same && anchorTop.length === ours.length) sameKeywordTop += 1;
      anchors.miniSearch.push(ended - started);
      timeline.charge('miniSearch', started, ended);
      await nextTask();
      started = performance.now();
      const exact = scan.nearest(queryVectors[at] as Float32Array, job.k);
      ended = performance.now();
      anchors.exactScan.push(ended - started);
      timeline.charge('exactScan', started, ended);
      const found = new Set(semanticTop[at]);
      recall.push(exact.filter((entry) => found.has(`doc-${entry.row}`)).length / job.k);
    }
    return { anchors, recall, sameKeywordTop, anchorLongTasks: await timeline.stop() };
  })();
  const { anchors, recall, sameKeywordTop, anchorLongTasks } = anchorPhase;

  const endToEnd = {
    hybrid: [] as number[],
    semantic: [] as number[],
    exact: [] as number[],
    queryEmbedding: [] as number[],
  };
  const endToEndQueries = queries.slice(0, job.endToEndQueries);
  timeline = recordLongTaskTimeline();
  for (const query of endToEndQueries) {
    for (const mode of ['hybrid', 'semantic'] as const) {
      embedder.clearCache();
      await nextTask();
      const started = performance.now();
      await index.search(query, { k: job.k, mode });
      const ended = performance.now();
      endToEnd[mode].push(ended - started);
      timeline.charge(mode, started, ended);
    }
  }
  const endToEndLongTasks = await timeline.stop();
  for (const query of endToEndQueries) {
    embedder.clearCache();
    await nextTask();
    const started = performance.now();
    const { embeddings } = await embedder.embed(query);
    endToEnd.queryEmbedding.push(performance.now() - started);
    scan.nearest(unitVector(embeddings[0] as Float32Array), job.k);
    endToEnd.exact.push(performance.now() - started);
  }

  return {
    build,
    stats,
    cached,
    anchors,
    endToEnd,
    longTasks: { cached: cachedLongTasks, endToEnd: endToEndLongTasks, anchors: anchorLongTasks },
    recall,
    keywordMatches,
    sameKeywordTop,
  };
}

/**
 * Builds the job's index (add or import), then times every query in every mode and against the
 * anchors, and measures recall, memory and main-thread long tasks.
 *
 * @example
 * const run = await runSearchJob(searchJobs[0])
 */
export async function runSearchJob(job: SearchJob): Promise<SearchRun> {
  const client = createClient({ backend: 'wasm', rememberBackend: false });
  const embedder = client.embedder();
  await embedder.embed([...warmUpSentences]);
  embedder.clearCache();
  const before = await pageMemory();

  const index = client.searchIndex<SearchBenchDocument>({
    id: `bench-search-${job.documents}`,
    fields: ['text'],
    facets: ['category'],
    persist: false,
  });
  await index.ready();
  const measured = await buildAndQuery(job, client, index);
  // Only the index is left: its memory is what the page holds now over `before`.
  embedder.clearCache();
  const after = await pageMemory();
  const capabilities = client.diagnostics().capabilities;
  client.dispose();
  return {
    job,
    ...measured,
    memory: { before, after },
    details: {
      crossOriginIsolated: globalThis.crossOriginIsolated,
      wasmThreads: capabilities?.wasmThreads ?? null,
      hardwareConcurrency: navigator.hardwareConcurrency,
      index: index.size,
    },
  };
}
