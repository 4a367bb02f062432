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

/** A user's scores, and the two parts they blend (each scaled to its largest value). */
export interface ScoreParts {
  scores: Float32Array;
  /** EASE scores ÷ their largest; empty with no history. */
  ease: Float32Array;
  /** Transition scores ÷ their largest (all zero when `blend` is 0); empty with no history. */
  next: Float32Array;
}

/**
 * Scores every item for a user's items (oldest first), with the parts of each score.
 *
 * @example
 * const { scores, ease, next } = hybridScoreParts(model, log.sequences[user])
 */
export function hybridScoreParts(model: HybridModel, items: Int32Array): ScoreParts {
  if (items.length === 0) {
    return {
      scores: Float32Array.from(model.popularity),
      ease: new Float32Array(0),
      next: new Float32Array(0),
    };
  }
  const ease = scaled(easeScores(model.ease, items));
  const next =
    model.blend === 0
      ? new Float32Array(ease.length)
      : scaled(transitionScores(model.transitions, items));
  const scores = new Float32Array(ease.length);
  for (let item = 0; item < scores.length; item += 1) {
    scores[item] = (ease[item] as number) + model.blend * (next[item] as number);
  }
  return { scores, ease, next };
}

/**
 * Scores every item for a user's items (oldest first).
 *
 * @example
 * const scores = hybridScores(model, log.sequences[user])
 */
export function hybridScores(model: HybridModel, items: Int32Array): Float32Array {
  return hybridScoreParts(model, items).scores;
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
  /** The three models on some users' items; the second fit reports the second half of progress. */
  const fitParts = async (on: readonly Int32Array[], half: number) => ({
    ease: await fitEase(on, itemCount, {
      ...(options.lambda === undefined ? {} : { lambda: options.lambda }),
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      onProgress: progress(half),
    }),
    transitions: fitTransitions(on, itemCount),
    popularity: itemPopularity(on, itemCount),
  });
  const trial = await fitParts(train, 0);
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
  const model: HybridModel = { ...(await fitParts(sequences, 1)), blend: best.blend };
  return { model, validation: { chosen: best.blend, byBlend } };
}

/** The values divided by the largest (unchanged when none is positive). */
function scaled(values: Float32Array): Float32Array {
  let top = 0;
  for (const value of values) if (value > top) top = value;
  if (top > 0)
    for (let index = 0; index < values.length; index += 1)
      values[index] = (values[index] as number) / top;
  return values;
}
