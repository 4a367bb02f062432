/**
 * How hybrid search fuses its keyword and semantic rankings: `rank` is weighted reciprocal rank
 * fusion (Cormack et al., 2009, with k = 60), `score` a weighted sum of the two scores scaled to
 * 0…1 over the candidates. `semanticWeight` is the share of the semantic side.
 *
 * @example
 * const fusion: Fusion = { method: 'rank', semanticWeight: 0.5 }
 */
export interface Fusion {
  method: 'rank' | 'score';
  semanticWeight: number;
}

/**
 * What hybrid search uses when a search does not say: reciprocal rank fusion leaning on the
 * semantic side (0.6), chosen on BANKING77 queries held out of train (docs/quality.md,
 * "Retrieval (BANKING77)"): better than 0.5 on four of five held-out splits, and rank fusion
 * is flatter around its best weight than score fusion.
 */
export const defaultFusion: Readonly<Fusion> = Object.freeze({
  method: 'rank',
  semanticWeight: 0.6,
});

/** The constant of reciprocal rank fusion: how much the first ranks count more than later ones. */
const rankConstant = 60;

/**
 * One ranking's candidates, best first.
 *
 * @example
 * const ranking: Ranked[] = [{ key: 'refunds', score: 12.4 }]
 */
export interface Ranked {
  key: string;
  score: number;
}

/**
 * Fuses a keyword and a semantic ranking into one, best first; a candidate missing from one
 * ranking gets nothing from it. Ties keep the keyword order, then the semantic order.
 *
 * @example
 * fuseRankings([{ key: 'a', score: 9 }], [{ key: 'b', score: 0.8 }], defaultFusion)
 */
export function fuseRankings(
  keyword: readonly Ranked[],
  semantic: readonly Ranked[],
  fusion: Fusion,
): Ranked[] {
  const scores = new Map<string, number>();
  const add = (key: string, value: number) => scores.set(key, (scores.get(key) ?? 0) + value);
  const keywordWeight = 1 - fusion.semanticWeight;
  if (fusion.method === 'rank') {
    keyword.forEach((entry, index) => add(entry.key, keywordWeight / (rankConstant + index + 1)));
    semantic.forEach((entry, index) =>
      add(entry.key, fusion.semanticWeight / (rankConstant + index + 1)),
    );
  } else {
    const scaled = (list: readonly Ranked[], weight: number) => {
      if (list.length === 0) return;
      const high = Math.max(...list.map((entry) => entry.score));
      const low = Math.min(...list.map((entry) => entry.score));
      for (const entry of list)
        add(entry.key, weight * (high === low ? 1 : (entry.score - low) / (high - low)));
    };
    scaled(keyword, keywordWeight);
    scaled(semantic, fusion.semanticWeight);
  }
  // Map order is keyword candidates first, then semantic-only ones; the sort is stable.
  return [...scores].map(([key, score]) => ({ key, score })).sort((a, b) => b.score - a.score);
}
