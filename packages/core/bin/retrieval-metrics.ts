/**
 * MRR@k and precision@k of one ranking: `relevant` says, best hit first, whether each returned
 * hit is relevant (hits past k are ignored).
 *
 * - reciprocal rank: 1 / the rank of the first relevant hit within the top k, 0 when none is;
 * - precision: relevant hits within the top k divided by k (a list shorter than k counts its
 *   missing hits as not relevant, the usual trec_eval convention).
 *
 * @example
 * rankingMetrics([false, true, true], 10) // { reciprocalRank: 0.5, precision: 0.2 }
 */
export function rankingMetrics(
  relevant: readonly boolean[],
  k: number,
): { reciprocalRank: number; precision: number } {
  const top = relevant.slice(0, k);
  const first = top.indexOf(true);
  return {
    reciprocalRank: first === -1 ? 0 : 1 / (first + 1),
    precision: top.filter(Boolean).length / k,
  };
}

/**
 * Mean reciprocal rank and mean precision at k over several queries (0 for none).
 *
 * @example
 * meanRankingMetrics([[true], [false, true]], 10) // { mrr: 0.75, precision: 0.1 }
 */
export function meanRankingMetrics(
  rankings: readonly (readonly boolean[])[],
  k: number,
): { mrr: number; precision: number } {
  let mrr = 0;
  let precision = 0;
  for (const relevant of rankings) {
    const metrics = rankingMetrics(relevant, k);
    mrr += metrics.reciprocalRank;
    precision += metrics.precision;
  }
  const count = Math.max(1, rankings.length);
  return { mrr: mrr / count, precision: precision / count };
}
