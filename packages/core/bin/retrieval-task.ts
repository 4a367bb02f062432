import { InvalidInputError, type SearchOptions } from '@ondevice/core';
import { alignColumns } from './align-columns.js';
import { type EvalInputs, type EvalTask, pathInput } from './eval-task.js';
import type { LabelledText } from './labelled-text.js';
import { readBanking77 } from './read-banking77.js';
import { retrievalHoldout } from './retrieval-holdout.js';
import { meanRankingMetrics } from './retrieval-metrics.js';

/**
 * Hits scored per query (MRR@10, precision@10), and the seed of the held-out split.
 *
 * @example
 * retrievalHoldout(rows, { perCategory: 5, seed: retrievalDefaults.seed })
 */
export const retrievalDefaults = { k: 10, seed: 2024 } as const;

/**
 * The fusion settings every run also measures, so the two methods can be compared weight by
 * weight (the default fusion is one of them).
 *
 * @example
 * fusionSweep.semanticWeights.map((semanticWeight) => ({ method: 'rank', semanticWeight }))
 */
export const fusionSweep = {
  methods: ['rank', 'score'],
  semanticWeights: [0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
} as const;

/** A document of the evaluation index: one row of `--train`. */
interface RetrievalDocument extends Record<string, unknown> {
  id: string;
  text: string;
  category: string;
}

const count = (value: number) => value.toLocaleString('en-US');
const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** Where the queries come from: a file, or rows held out of `--train`. */
function checkInputs(inputs: EvalInputs): void {
  if (inputs.file !== undefined && inputs.holdoutPerClass !== undefined) {
    throw new InvalidInputError({
      parameter: 'holdoutPerClass',
      message:
        'Give --file <path> (queries) or --holdout-per-class <n> (queries held out of --train), not both.',
    });
  }
  if (inputs.file === undefined && inputs.holdoutPerClass === undefined) {
    throw new InvalidInputError({
      parameter: 'file',
      message:
        'retrieval needs --file <path> (queries) or --holdout-per-class <n> (n queries per category held out of --train, e.g. 5).',
    });
  }
  if (inputs.seed !== undefined && inputs.holdoutPerClass === undefined) {
    throw new InvalidInputError({
      parameter: 'seed',
      message: '--seed applies to retrieval with --holdout-per-class only (it seeds the split).',
    });
  }
}

/** One way of searching that the task scores. */
interface SearchRun {
  name: string;
  options: SearchOptions;
  /** Relevance of the top hits, one list per query. */
  rankings: boolean[][];
  milliseconds: number;
}

const modeRuns = (['keyword', 'semantic', 'hybrid'] as const).map((mode) => ({
  name: mode,
  options: { mode },
}));
const methodRuns = fusionSweep.methods.map((method) => ({
  name: `fusion ${method}`,
  options: { mode: 'hybrid', fusion: { method } } satisfies SearchOptions,
}));
const sweepRuns = fusionSweep.methods.flatMap((method) =>
  fusionSweep.semanticWeights.map((semanticWeight) => ({
    name: `${method} ${semanticWeight}`,
    options: { mode: 'hybrid', fusion: { method, semanticWeight } } satisfies SearchOptions,
  })),
);

/**
 * Retrieval on BANKING77: every row of `--train` (or what the held-out split leaves of it) is
 * indexed through `client.searchIndex()`, every query searched in keyword, semantic and hybrid
 * mode, and a hit is relevant when its category is the query's. Reports MRR@10 and precision@10
 * per mode, both fusion methods at the default weight, and a sweep of fusion weights; the
 * task's figure is hybrid MRR@10 with the default fusion.
 *
 * @example
 * await runEvalCli(['retrieval', '--train', 'train.csv', '--holdout-per-class', '5', '--json'], io)
 */
export const retrievalTask: EvalTask = {
  metric: 'mrr@10',
  description:
    'BANKING77 as retrieval: client.searchIndex() over --train, keyword/semantic/hybrid MRR@10 and P@10',
  example: '--train ../shared/data/banking77/train.csv --holdout-per-class 5 --seed 2024',
  inputs: { train: 'required', file: 'optional', holdoutPerClass: 'optional', seed: 'optional' },
  checkInputs,
  async prepare(inputs) {
    checkInputs(inputs);
    const trainRows = await readBanking77(pathInput(inputs, 'train'));
    let indexed: readonly LabelledText[] = trainRows;
    let queries: readonly LabelledText[];
    let queriesFrom: string;
    if (inputs.holdoutPerClass === undefined) {
      queries = await readBanking77(pathInput(inputs, 'file'));
      queriesFrom = 'every row of --file';
    } else {
      const seed = inputs.seed ?? retrievalDefaults.seed;
      ({ queries, indexed } = retrievalHoldout(trainRows, {
        perCategory: inputs.holdoutPerClass,
        seed,
      }));
      queriesFrom = `${inputs.holdoutPerClass} rows per category held out of --train (seed ${seed}), not indexed`;
    }
    const categories = new Set(indexed.map((row) => row.label));
    return {
      n: queries.length,
      facts: [
        [
          'indexed',
          `${count(indexed.length)} rows of --train (${categories.size} categories) as { id, text, category }`,
        ],
        ['queries', queriesFrom],
      ],
      async run({ client, onProgress }) {
        const { k } = retrievalDefaults;
        const index = client.searchIndex<RetrievalDocument>({
          id: 'ondevice-eval-retrieval',
          fields: ['text'],
          facets: ['category'],
          persist: false,
        });
        const indexStarted = performance.now();
        await index.add(
          indexed.map((row) => ({ id: String(row.line), text: row.text, category: row.label })),
          onProgress && {
            onProgress: ({ embedded, total }) => onProgress(embedded, total, 'indexing'),
          },
        );
        const indexSeconds = (performance.now() - indexStarted) / 1000;
        const runs: SearchRun[] = [...modeRuns, ...methodRuns, ...sweepRuns].map((run) => ({
          ...run,
          rankings: [],
          milliseconds: 0,
        }));
        for (const [done, query] of queries.entries()) {
          for (const run of runs) {
            const started = performance.now();
            const { hits } = await index.search(query.text, { ...run.options, k });
            run.milliseconds += performance.now() - started;
            run.rankings.push(hits.map((hit) => hit.document.category === query.label));
          }
          onProgress?.(done + 1, queries.length, 'searching');
        }
        const scores = new Map(
          runs.map((run) => {
            const { mrr, precision } = meanRankingMetrics(run.rankings, k);
            return [run.name, { mrr: round(mrr), precision: round(precision), run }];
          }),
        );
        const score = (name: string) =>
          scores.get(name) as NonNullable<ReturnType<typeof scores.get>>;
        const perQuery = (name: string) =>
          `${(score(name).run.milliseconds / Math.max(1, queries.length)).toFixed(1)}`;
        const modes = modeRuns.map((run) => run.name);
        const byMode = Object.fromEntries(
          modes.map((mode) => [mode, { 'mrr@10': score(mode).mrr, 'p@10': score(mode).precision }]),
        );
        const fusion = Object.fromEntries(
          fusionSweep.methods.map((method) => [method, score(`fusion ${method}`).mrr]),
        );
        const modeTable = alignColumns(
          [
            ['mode', 'MRR@10', 'P@10', 'ms/query'],
            ...modes.map((mode) => [
              mode,
              score(mode).mrr.toFixed(4),
              score(mode).precision.toFixed(4),
              perQuery(mode),
            ]),
          ],
          { rightAligned: [1, 2, 3] },
        );
        const sweepTable = alignColumns(
          [
            ['fusion', ...fusionSweep.semanticWeights.map((weight) => `w=${weight}`), 'default w'],
            ...fusionSweep.methods.map((method) => [
              method,
              ...fusionSweep.semanticWeights.map((weight) =>
                score(`${method} ${weight}`).mrr.toFixed(4),
              ),
              score(`fusion ${method}`).mrr.toFixed(4),
            ]),
          ],
          { rightAligned: [1, 2, 3, 4, 5, 6, 7] },
        );
        return {
          value: score('hybrid').mrr,
          facts: [
            ['P@10', score('hybrid').precision.toFixed(4)],
            [
              'indexing',
              `${indexSeconds.toFixed(1)} s for ${count(indexed.length)} documents (embedding them)`,
            ],
            [
              'search',
              modes.map((mode) => `${mode} ${perQuery(mode)} ms`).join(', ') + ' per query',
            ],
          ],
          details: [
            `by mode (a hit is relevant when its category is the query's; k = ${k}):`,
            modeTable,
            'hybrid MRR@10 by fusion method and semantic weight w (default w: the method with the default weight):',
            sweepTable,
          ].join('\n'),
          jsonFields: { byMode, fusion },
        };
      },
    };
  },
};
