import { type EaseModel, easeScores, fitEase } from './ease-model.js';
import { type RankingFigures, leaveLatestOut, rankHeldOut } from './leave-one-out.js';
import { itemPopularity } from './popularity-model.js';
import { type TransitionModel, fitTransitions, transitionScores } from './transition-model.js';

/**
 * The collaborative recommender: EASE (what users with these items also have) blended with item
 * transitions (what tends to come next after the latest items), each scaled to its largest score
 * for the user, `ease + blend × transitions`. Popularity answers for users with no history.
 */
export interface HybridModel {
  ease: EaseModel;
  transitions: TransitionModel;
  popularity: Float32Array;
  /** Weight of the transition scores; 0 is EASE alone. */
  blend: number;
}

/** Blends tried at `fit`; the validation split picks one. */
export const candidateBlends = [0, 0.25, 0.5, 1, 2, 4] as const;

/** What the validation split measured for each blend, and the one chosen (best NDCG@10). */
export interface BlendValidation {
  chosen: number;
  byBlend: { blend: number; figures: RankingFigures }[];
}

/**
 * Scores every item for a user's items (oldest first).
 *
 * @example
 * const scores = hybridScores(model, log.sequences[user])
 */
export function hybridScores(model: HybridModel, items: Int32Array): Float32Array {
  if (items.length === 0) return Float32Array.from(model.popularity);
  const scores = easeScores(model.ease, items);
  if (model.blend === 0) return scores;
  const next = transitionScores(model.transitions, items);
  const easeTop = maxOf(scores) || 1;
  const nextTop = maxOf(next) || 1;
  for (let item = 0; item < scores.length; item += 1) {
    scores[item] =
      (scores[item] as number) / easeTop + (model.blend * (next[item] as number)) / nextTop;
  }
  return scores;
}

/**
 * Fits the hybrid: on a validation split (each user's second-latest item held out) it measures
 * every candidate blend and keeps the best, then fits on everything.
 *
 * @example
 * const { model, validation } = await fitHybrid(log.sequences, log.itemIds.length, { seed: 1 })
 */
export async function fitHybrid(
  sequences: readonly Int32Array[],
  itemCount: number,
  options: {
    seed: number;
    lambda?: number;
    blends?: readonly number[];
    isCancelled?: () => boolean;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<{ model: HybridModel; validation: BlendValidation }> {
  const blends = options.blends ?? candidateBlends;
  const progress = (offset: number) => (done: number, total: number) =>
    options.onProgress?.(offset * total + done, 2 * total);
  const { train, heldOut } = leaveLatestOut(sequences, 1);
  const trial = {
    ease: await fitEase(train, itemCount, {
      ...(options.lambda === undefined ? {} : { lambda: options.lambda }),
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      onProgress: progress(0),
    }),
    transitions: fitTransitions(train, itemCount),
    popularity: itemPopularity(train, itemCount),
  };
  const byBlend = blends.map((blend) => ({
    blend,
    figures: rankHeldOut({
      sequences,
      heldOut,
      itemCount,
      seed: options.seed,
      score: (user) => hybridScores({ ...trial, blend }, train[user] as Int32Array),
    }),
  }));
  const best = byBlend.reduce((top, entry) =>
    entry.figures.ndcg > top.figures.ndcg ? entry : top,
  );
  const model: HybridModel = {
    ease: await fitEase(sequences, itemCount, {
      ...(options.lambda === undefined ? {} : { lambda: options.lambda }),
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      onProgress: progress(1),
    }),
    transitions: fitTransitions(sequences, itemCount),
    popularity: itemPopularity(sequences, itemCount),
    blend: best.blend,
  };
  return { model, validation: { chosen: best.blend, byBlend } };
}

function maxOf(values: Float32Array): number {
  let top = 0;
  for (const value of values) if (value > top) top = value;
  return top;
}
