import {
  type FitReport,
  InvalidInputError,
  type RecommenderAlgorithm,
  recommenderAlgorithms,
} from '@ondevice/core';
import { seededRandom, shuffled } from '@ondevice/core/evaluation';
import { alignColumns } from './align-columns.js';
import type { EvalInputs, EvalTask } from './eval-task.js';
import { type MovieLensItem, type MovieLensRating, readMovieLens } from './read-movielens.js';

/** The protocol's constants: negatives per user, the cutoff, and the default seed. */
export const movieLensProtocol = { negatives: 99, cutoff: 10, seed: 1 } as const;

/**
 * The leave-latest-out split of the NCF protocol: each user's latest rating is held out
 * (timestamp ties broken by a seeded shuffle of the rows), and ranked against `negatives` films
 * the user never rated (drawn with the same seeded generator).
 *
 * @example
 * const { train, tests } = leaveLatestOutSplit(ratings, itemIds, 1)
 */
export function leaveLatestOutSplit(
  ratings: readonly MovieLensRating[],
  itemIds: readonly string[],
  seed: number,
  negatives: number = movieLensProtocol.negatives,
): {
  train: MovieLensRating[];
  tests: { userId: string; heldOut: string; candidates: string[] }[];
} {
  const random = seededRandom(seed);
  // Shuffled, then stably sorted by time: ties end in a seeded order.
  const ordered = shuffled(ratings, random).sort((a, b) => a.timestamp - b.timestamp);
  const latest = new Map<string, MovieLensRating>();
  for (const rating of ordered) latest.set(rating.userId, rating);
  const rated = new Map<string, Set<string>>();
  for (const rating of ratings) {
    let items = rated.get(rating.userId);
    if (!items) rated.set(rating.userId, (items = new Set()));
    items.add(rating.itemId);
  }
  const heldOut = new Set(latest.values());
  const train = ordered.filter((rating) => !heldOut.has(rating));
  const tests = [...latest.values()]
    .sort((a, b) => Number(a.userId) - Number(b.userId) || a.userId.localeCompare(b.userId))
    .map((rating) => {
      const own = rated.get(rating.userId) as Set<string>;
      const pool = itemIds.filter((id) => !own.has(id));
      const drawn = shuffled(pool, random).slice(0, negatives);
      return {
        userId: rating.userId,
        heldOut: rating.itemId,
        candidates: [rating.itemId, ...drawn],
      };
    });
  return { train, tests };
}

/**
 * HR@k and NDCG@k of one ranking of a held-out item: the ranking is the top `k` ids, best first.
 *
 * @example
 * hitAndGain(['a', 'b'], 'b') // { hit: 1, gain: 0.63 }
 */
export function hitAndGain(
  ranking: readonly string[],
  heldOut: string,
): { hit: number; gain: number } {
  const at = ranking.indexOf(heldOut);
  return at < 0 ? { hit: 0, gain: 0 } : { hit: 1, gain: 1 / Math.log2(at + 2) };
}

interface AlgorithmRun {
  algorithm: RecommenderAlgorithm;
  hitRate: number;
  ndcg: number;
  fitMs: number;
  report: FitReport;
}

const percent = (value: number) => value.toFixed(3);

/**
 * `movielens --dir <ml-100k folder> [--seed N]`: every algorithm of `client.recommender()`, fitted
 * through the public API on all but each user's latest rating, then each user's latest film
 * ranked against 99 films they never rated (`recommend(user, { k: 10, exclude: every other film })`).
 * `value` is HR@10 of the shipped default (`auto`). Films carry their title and genres as text.
 */
export const movieLensTask: EvalTask = {
  metric: 'hr@10',
  description:
    'MovieLens-100K, leave latest out, 99 negatives: HR@10 and NDCG@10 of every recommender algorithm',
  example: 'movielens --dir ../shared/data/movielens/ml-100k [--seed 1]',
  inputs: { dir: 'required', seed: 'optional' },
  async prepare(inputs: EvalInputs) {
    const dir = inputs.dir;
    if (dir === undefined || dir === '') {
      throw new InvalidInputError({ parameter: 'dir', message: 'Missing --dir <ml-100k folder>.' });
    }
    const seed = inputs.seed ?? movieLensProtocol.seed;
    const { ratings, items } = await readMovieLens(dir);
    const itemIds = [
      ...new Set([...items.map((item) => item.id), ...ratings.map((rating) => rating.itemId)]),
    ];
    const { train, tests } = leaveLatestOutSplit(ratings, itemIds, seed);
    return {
      n: tests.length,
      facts: [
        ['ratings', ratings.length.toLocaleString('en-US')],
        ['users held out', tests.length.toLocaleString('en-US')],
        ['films', itemIds.length.toLocaleString('en-US')],
        ['seed', String(seed)],
      ],
      async run(context) {
        const runs: AlgorithmRun[] = [];
        const films = filmsOf(items);
        for (const algorithm of recommenderAlgorithms) {
          const recommender = context.client.recommender({
            id: `movielens-${algorithm}-${seed}`,
            persist: false,
            algorithm,
          });
          await recommender.addItems(films);
          await recommender.track(
            train.map((rating) => ({
              userId: rating.userId,
              itemId: rating.itemId,
              timestamp: rating.timestamp,
            })),
          );
          const started = performance.now();
          const report = await recommender.fit({ seed });
          const fitMs = performance.now() - started;
          let hits = 0;
          let gain = 0;
          for (const [done, test] of tests.entries()) {
            const candidates = new Set(test.candidates);
            const exclude = itemIds.filter((id) => !candidates.has(id));
            const picks = await recommender.recommend(test.userId, {
              k: movieLensProtocol.cutoff,
              exclude,
            });
            const scored = hitAndGain(
              picks.map((pick) => pick.itemId),
              test.heldOut,
            );
            hits += scored.hit;
            gain += scored.gain;
            if (done % 100 === 0)
              context.onProgress?.(done, tests.length, `ranking (${algorithm})`);
          }
          runs.push({
            algorithm,
            hitRate: hits / tests.length,
            ndcg: gain / tests.length,
            fitMs,
            report,
          });
        }
        const shipped = runs[0] as AlgorithmRun;
        const table = alignColumns([
          ['algorithm', 'HR@10', 'NDCG@10', 'fit (ms)', 'validation NDCG@10'],
          ...runs.map((run) => [
            run.algorithm,
            percent(run.hitRate),
            percent(run.ndcg),
            String(Math.round(run.fitMs)),
            percent(validationOf(run)),
          ]),
        ]);
        const chosen = shipped.report.validation.chosen;
        return {
          value: shipped.hitRate,
          facts: [
            ['NDCG@10 (auto)', percent(shipped.ndcg)],
            [
              'chosen on validation',
              `transitions ${chosen.transitionWeight}, content ${chosen.contentWeight}`,
            ],
            ['fit, auto (ms)', String(Math.round(shipped.fitMs))],
          ],
          details: `${table}\n\nValidation split of the auto fit (each user's second-latest film):\n${alignColumns(
            [
              ['algorithm', 'HR@10', 'NDCG@10'],
              ...shipped.report.validation.byAlgorithm.map((entry) => [
                entry.name,
                percent(entry.hitRate),
                percent(entry.ndcg),
              ]),
            ],
          )}`,
          jsonFields: {
            ndcg: shipped.ndcg,
            fitMs: Math.round(shipped.fitMs),
            chosen,
            byAlgorithm: Object.fromEntries(
              runs.map((run) => [
                run.algorithm,
                { 'hr@10': run.hitRate, 'ndcg@10': run.ndcg, fitMs: Math.round(run.fitMs) },
              ]),
            ),
            validation: shipped.report.validation.byAlgorithm,
          },
        };
      },
    };
  },
};

/** The validation NDCG@10 of a run's own algorithm (`auto`: the one it chose, listed last). */
function validationOf(run: AlgorithmRun): number {
  const entries = run.report.validation.byAlgorithm;
  return (entries.find((entry) => entry.name === run.algorithm) ?? entries.at(-1))?.ndcg ?? 0;
}

/** Films as recommendable items: the title, and the genres as text and tags. */
function filmsOf(items: readonly MovieLensItem[]) {
  return items.map((item) => ({
    id: item.id,
    title: item.title,
    text: item.genres.join(', '),
    tags: item.genres,
  }));
}
