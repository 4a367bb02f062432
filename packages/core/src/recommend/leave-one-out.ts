import { seededRandom } from '../util/seeded-random.js';

/**
 * The leave-one-out split of the NCF protocol: each user's latest item is held out (and, for a
 * validation split, the one before it too), the rest is what a model learns from.
 *
 * @example
 * const { train, heldOut } = leaveLatestOut(log.sequences, 1) // validation: hold back one more
 */
export function leaveLatestOut(
  sequences: readonly Int32Array[],
  alsoHoldBack = 0,
): { train: Int32Array[]; heldOut: (number | undefined)[] } {
  const train: Int32Array[] = [];
  const heldOut: (number | undefined)[] = [];
  for (const items of sequences) {
    const end = items.length - 1 - alsoHoldBack;
    heldOut.push(end >= 1 ? items[end] : undefined);
    train.push(items.slice(0, Math.max(0, end)));
  }
  return { train, heldOut };
}

/** Hit rate and NDCG at 10, over the users that had an item held out. */
export interface RankingFigures {
  hitRate: number;
  ndcg: number;
  users: number;
}

/**
 * Ranks each user's held-out item against `negatives` items they never interacted with (drawn
 * with a seeded generator) by `score(user)` and reports HR@10 and NDCG@10. A tie counts against
 * the held-out item.
 *
 * @example
 * const { hitRate, ndcg } = rankHeldOut({ sequences: log.sequences, heldOut, itemCount, score, seed: 1 })
 */
export function rankHeldOut(options: {
  /** Every item of each user (held-out ones included): negatives are drawn outside them. */
  sequences: readonly Int32Array[];
  heldOut: readonly (number | undefined)[];
  itemCount: number;
  score: (user: number) => ArrayLike<number>;
  seed: number;
  negatives?: number;
  cutoff?: number;
}): RankingFigures {
  const random = seededRandom(options.seed);
  const negatives = options.negatives ?? 99;
  const cutoff = options.cutoff ?? 10;
  let hits = 0;
  let gain = 0;
  let users = 0;
  options.heldOut.forEach((target, user) => {
    if (target === undefined) return;
    const seen = new Set(options.sequences[user]);
    if (options.itemCount - seen.size < negatives) return;
    const scores = options.score(user);
    const targetScore = scores[target] as number;
    const drawn = new Set<number>();
    let rank = 0;
    while (drawn.size < negatives) {
      const item = Math.floor(random() * options.itemCount);
      if (seen.has(item) || drawn.has(item)) continue;
      drawn.add(item);
      if ((scores[item] as number) >= targetScore) rank += 1;
    }
    users += 1;
    if (rank < cutoff) {
      hits += 1;
      gain += 1 / Math.log2(rank + 2);
    }
  });
  return { hitRate: users ? hits / users : 0, ndcg: users ? gain / users : 0, users };
}
