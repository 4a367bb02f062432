import { itemSimilarity } from './content-model.js';
import { type HybridModel, type ScoreParts, hybridScoreParts } from './hybrid-model.js';

/** Why an item was recommended, in terms a product can show. */
export type RecommendationReason =
  /** Users who have `because` also have this item (EASE). */
  | { kind: 'similar-to'; because: number }
  /** This item often comes next after `because` (transitions). */
  | { kind: 'next-after'; because: number }
  /** Its text is close to that of `because` (content). */
  | { kind: 'similar-text'; because: number }
  /** Nothing personal to go on: many users have it. */
  | { kind: 'popular' };

/** One ranked item, its score (comparable within one call only) and its reason. */
export interface RankedItem {
  item: number;
  score: number;
  reason: RecommendationReason;
}

/**
 * The `k` best items for someone whose items are `history` (oldest first), leaving out their own
 * items and `exclude`; each with the item of theirs that contributed most to it. With no
 * history, the most popular items.
 *
 * @example
 * rankItems(model, log.sequences[user], { k: 10 }).map(({ item, reason }) => [log.itemIds[item], reason.kind])
 */
export function rankItems(
  model: HybridModel,
  history: Int32Array,
  options: { k: number; exclude?: ReadonlySet<number>; allow?: (item: number) => boolean },
): RankedItem[] {
  const parts = hybridScoreParts(model, history);
  const { scores } = parts;
  const own = new Set(history);
  const candidates: number[] = [];
  for (let item = 0; item < scores.length; item += 1) {
    if (own.has(item) || options.exclude?.has(item)) continue;
    if (options.allow && !options.allow(item)) continue;
    candidates.push(item);
  }
  const top = topByScore(candidates, scores, options.k);
  return top.map((item) => ({
    item,
    score: scores[item] as number,
    reason: history.length === 0 ? { kind: 'popular' } : reasonFor(model, parts, history, item),
  }));
}

/**
 * The `k` items most suggested by one item: its EASE row, with what follows it blended in as for
 * a user who has only that item.
 *
 * @example
 * similarItems(model, 42, 5)
 */
export function similarItems(model: HybridModel, item: number, k: number): RankedItem[] {
  return rankItems(model, Int32Array.of(item), { k });
}

/** The user's item whose contribution to `item` is largest, in the part of its score that dominates. */
function reasonFor(
  model: HybridModel,
  parts: ScoreParts,
  history: Int32Array,
  item: number,
): RecommendationReason {
  const { ease, transitions, content } = model;
  const contentPart = model.contentWeight * (parts.similar[item] as number);
  const collaborative = (parts.ease[item] as number) + model.blend * (parts.next[item] as number);
  if (content && contentPart > collaborative) {
    let bestSimilarity = -Infinity;
    let source = history[history.length - 1] as number;
    for (const candidate of history) {
      const similarity = itemSimilarity(content, candidate, item);
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        source = candidate;
      }
    }
    return { kind: 'similar-text', because: source };
  }
  let bestEase = -Infinity;
  let easeSource = history[history.length - 1] as number;
  for (const source of history) {
    if (source >= ease.itemCount || item >= ease.itemCount) continue;
    const weight = ease.weights[source * ease.itemCount + item] as number;
    if (weight > bestEase) {
      bestEase = weight;
      easeSource = source;
    }
  }
  if (model.blend > 0) {
    // Among the latest items (those transitions look at), the one most often followed by it.
    let bestNext = 0;
    let nextSource = -1;
    for (let back = 0; back < 5 && back < history.length; back += 1) {
      const source = history[history.length - 1 - back] as number;
      const share = transitions.next[source]?.get(item) ?? 0;
      if (share > bestNext) {
        bestNext = share;
        nextSource = source;
      }
    }
    const nextPart = model.blend * (parts.next[item] as number);
    if (nextSource >= 0 && nextPart > (parts.ease[item] as number)) {
      return { kind: 'next-after', because: nextSource };
    }
  }
  return { kind: 'similar-to', because: easeSource };
}

/** The `k` candidates of highest score, best first (ties by item index, for stable results). */
function topByScore(candidates: number[], scores: Float32Array, k: number): number[] {
  return candidates
    .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
    .slice(0, k);
}
