import { benchSentences } from './bench-sentences.js';
import { seededRandom } from './seeded-random.js';
import { actions, adjectives, feelings, outcomes, places, things, topics } from './word-lists.js';

/**
 * A document of the search bench: one short text (one passage, so one vector) and a facet.
 *
 * @example
 * const document: SearchBenchDocument = { id: 'doc-0', text: 'How do I renew the invoice?', category: 'billing' }
 */
export interface SearchBenchDocument {
  [field: string]: string;
  id: string;
  text: string;
  category: string;
}

/**
 * The facet values of {@link SearchBenchDocument.category}.
 *
 * @example
 * searchCategories.includes(document.category)
 */
export const searchCategories = [
  'billing',
  'account',
  'shipping',
  'product',
  'support',
  'news',
] as const;

/**
 * `count` documents with distinct short texts (the bench sentence generator, seeded) and a
 * seeded category each: the same list on every run.
 *
 * @example
 * searchDocuments(10_000)[0] // { id: 'doc-0', text: '…', category: '…' }
 */
export function searchDocuments(count: number, seed = 31): SearchBenchDocument[] {
  const random = seededRandom(seed);
  return benchSentences(count, seed).map((text, index) => ({
    id: `doc-${index}`,
    text,
    category: random.pick(searchCategories),
  }));
}

/** Query shapes: a few words, as typed into a search box. */
const queryTemplates: readonly ((random: ReturnType<typeof seededRandom>) => string)[] = [
  (r) => `${r.pick(actions)} ${r.pick(things)}`,
  (r) => `${r.pick(things)} ${r.pick(adjectives)}`,
  (r) => `${r.pick(topics)} ${r.pick(outcomes)}`,
  (r) => `why is ${r.pick(things)} ${r.pick(adjectives)}`,
  (r) => `${r.pick(feelings)} about ${r.pick(topics)}`,
  (r) => `${r.pick(things)} ${r.pick(places)}`,
  (r) => `how to ${r.pick(actions)} ${r.pick(things)} ${r.pick(places)}`,
];

/**
 * `count` distinct search queries of 2–8 words from a seeded generator (another seed gives
 * another list, e.g. for warm-up).
 *
 * @example
 * searchQueries(200).length // 200
 */
export function searchQueries(count: number, seed = 97): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  while (seen.size < count) seen.add(random.pick(queryTemplates)(random));
  return [...seen];
}

/**
 * What the search part measures; the page gets it from bench/node/measure-search.ts.
 *
 * @example
 * const job: SearchJob = { documents: 10_000, build: 'add', realTexts: 10_000, noise: 0, queries: 200, endToEndQueries: 200, k: 10 }
 */
export interface SearchJob {
  /** Documents in the index. */
  documents: number;
  /** How the index is built: `add` embeds every text; `import` loads prepared export data. */
  build: 'add' | 'import';
  /** `import`: texts embedded for real; every other vector is one of them, perturbed. */
  realTexts: number;
  /** `import`: standard deviation of the Gaussian noise added to each dimension (then unit length). */
  noise: number;
  /** Timed queries per mode (the same queries for every mode and anchor). */
  queries: number;
  /** The first of them also timed end to end (query embedded on every search). */
  endToEndQueries: number;
  /** Hits per search. */
  k: number;
}

/**
 * The two indexes of bench (l): 10,000 documents embedded through `add()`, and 100,000 loaded
 * through `import()` with perturbed real vectors.
 *
 * @example
 * for (const job of searchJobs) await callBenchPage(context, url, 'search', { name: 'run', options: job })
 */
export const searchJobs: readonly SearchJob[] = [
  {
    documents: 10_000,
    build: 'add',
    realTexts: 10_000,
    noise: 0,
    queries: 200,
    endToEndQueries: 200,
    k: 10,
  },
  {
    documents: 100_000,
    build: 'import',
    realTexts: 3_000,
    noise: 0.01,
    queries: 200,
    endToEndQueries: 100,
    k: 10,
  },
];
