import { type ContentVectors, contentScores } from './content-model.js';
import { type EaseModel, easeScores, fitEase } from './ease-model.js';
import { type RankingFigures, leaveLatestOut, rankHeldOut } from './leave-one-out.js';
import { itemPopularity } from './popularity-model.js';
import { type TransitionModel, fitTransitions, transitionScores } from './transition-model.js';

/**
 * The recommender: EASE (what people with these items also have), item transitions (what tends
 * to come next after the latest items) and, when items have text, content (how close an item's
 * text is to the latest items'), each scaled to its largest score for the person:
 * `ease + blend × transitions + contentWeight × content`. Popularity answers for people with no
 * history.
 */
export interface HybridModel {
  ease: EaseModel;
  transitions: TransitionModel;
  popularity: Float32Array;
  /** Weight of the transition scores; 0 is EASE alone. */
  blend: number;
  /** Item text vectors, or null when no item has text. */
  content: ContentVectors | null;
  /** Weight of the content scores. */
  contentWeight: number;
}

/** Transition weights tried at `fit`; the validation split picks one. */
export const candidateBlends = [0, 0.25, 0.5, 1, 2, 4] as const;
/** Content weights tried at `fit` when items have text. */
export const candidateContentWeights = [0, 0.1, 0.25, 0.5, 1] as const;

/**
 * What the validation split measured: each algorithm's best setting (popularity; EASE alone;
 * EASE with transitions; with content too, when items have text), every trial, and the
 * weights chosen (best NDCG@10 over all trials).
 */
export interface BlendValidation {
  chosen: { blend: number; contentWeight: number };
  byAlgorithm: { name: string; figures: RankingFigures }[];
  trials: { blend: number; contentWeight: number; figures: RankingFigures }[];
}

/** A user's scores, and the parts they blend (each scaled to its largest value). */
export interface ScoreParts {
  scores: Float32Array;
  /** EASE scores ÷ their largest; empty with no history. */
  ease: Float32Array;
  /** Transition scores ÷ their largest (all zero when `blend` is 0); empty with no history. */
  next: Float32Array;
  /** Content scores ÷ their largest (all zero without content); empty with no history. */
  similar: Float32Array;
}

/**
 * The three parts of a user's scores for their items (oldest first), each scaled.
 *
 * @example
 * const { ease, next, similar } = scoreParts(model, history)
 */
function scoreParts(model: Omit<HybridModel, 'blend' | 'contentWeight'>, items: Int32Array) {
  const n = universeSize(model);
  const fitted = model.ease.itemCount;
  // Items past the fitted ones (added since the fit) have only content.
  const known = items.filter((item) => item < fitted);
  return {
    ease: padded(scaled(easeScores(model.ease, known)), n),
    next: padded(scaled(transitionScores(model.transitions, known)), n),
    similar: model.content ? scaled(contentScores(model.content, items, n)) : new Float32Array(n),
  };
}

/**
 * Items the model can score: the fitted ones, and past them items whose text arrived since the
 * fit (content vectors cover them).
 *
 * @example
 * universeSize(model) // 1700
 */
export function universeSize(model: Pick<HybridModel, 'ease' | 'content'>): number {
  const fitted = model.ease.itemCount;
  return model.content
    ? Math.max(fitted, model.content.vectors.length / model.content.dimensions)
    : fitted;
}

function padded(values: Float32Array, length: number): Float32Array {
  if (values.length >= length) return values;
  const out = new Float32Array(length);
  out.set(values);
  return out;
}

/**
 * Scores every item for a user's items (oldest first), with the parts of each score.
 *
 * @example
 * const { scores, ease, next, similar } = hybridScoreParts(model, log.sequences[user])
 */
export function hybridScoreParts(model: HybridModel, items: Int32Array): ScoreParts {
  if (items.length === 0) {
    const empty = new Float32Array(0);
    const scores = padded(Float32Array.from(model.popularity), universeSize(model));
    return { scores, ease: empty, next: empty, similar: empty };
  }
  const parts = scoreParts(model, items);
  return { scores: combine(parts, model.blend, model.contentWeight), ...parts };
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
 * Fits the recommender: on a validation split (each user's second-latest item held out) it
 * measures popularity and every candidate weighting of transitions and content, keeps the best
 * (NDCG@10), then fits on everything.
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
    content?: ContentVectors | null;
    contentWeights?: readonly number[];
    isCancelled?: () => boolean;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<{ model: HybridModel; validation: BlendValidation }> {
  const blends = options.blends ?? candidateBlends;
  const content = options.content ?? null;
  const contentWeights = content ? (options.contentWeights ?? candidateContentWeights) : [0];
  const progress = (offset: number) => (done: number, total: number) =>
    options.onProgress?.(offset * total + done, 2 * total);
  const { train, heldOut } = leaveLatestOut(sequences, 1);
  /** The models on some users' items; the second fit reports the second half of progress. */
  const fitParts = async (on: readonly Int32Array[], half: number) => ({
    ease: await fitEase(on, itemCount, {
      ...(options.lambda === undefined ? {} : { lambda: options.lambda }),
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      onProgress: progress(half),
    }),
    transitions: fitTransitions(on, itemCount),
    popularity: itemPopularity(on, itemCount),
    content,
  });
  const trial = await fitParts(train, 0);
  // Each validation user's parts once; every weighting only adds them up.
  const parts = new Map<number, ReturnType<typeof scoreParts>>();
  heldOut.forEach((target, user) => {
    if (target !== undefined) parts.set(user, scoreParts(trial, train[user] as Int32Array));
  });
  const measure = (score: (user: number) => ArrayLike<number>) =>
    rankHeldOut({ sequences, heldOut, itemCount, seed: options.seed, score });
  const trials = blends.flatMap((blend) =>
    contentWeights.map((contentWeight) => ({
      blend,
      contentWeight,
      figures: measure((user) => combine(parts.get(user) as ScoreParts, blend, contentWeight)),
    })),
  );
  const best = (list: typeof trials) =>
    list.reduce((top, entry) => (entry.figures.ndcg > top.figures.ndcg ? entry : top));
  const chosen = best(trials);
  // Each algorithm the trials cover, at its best weighting.
  const easeOnly = trials.filter((t) => t.blend === 0 && t.contentWeight === 0);
  const collaborative = trials.filter((t) => t.contentWeight === 0);
  const byAlgorithm = [
    { name: 'popularity', figures: measure(() => trial.popularity) },
    ...(easeOnly.length > 0 ? [{ name: 'ease', figures: best(easeOnly).figures }] : []),
    ...(blends.some((blend) => blend > 0) && collaborative.length > 0
      ? [{ name: 'ease+transitions', figures: best(collaborative).figures }]
      : []),
    ...(content && contentWeights.some((weight) => weight > 0)
      ? [{ name: 'ease+transitions+content', figures: chosen.figures }]
      : []),
  ];
  const model: HybridModel = {
    ...(await fitParts(sequences, 1)),
    blend: chosen.blend,
    contentWeight: chosen.contentWeight,
  };
  return {
    model,
    validation: {
      chosen: { blend: chosen.blend, contentWeight: chosen.contentWeight },
      byAlgorithm,
      trials,
    },
  };
}

function combine(
  parts: Pick<ScoreParts, 'ease' | 'next' | 'similar'>,
  blend: number,
  contentWeight: number,
): Float32Array {
  const scores = new Float32Array(parts.ease.length);
  for (let item = 0; item < scores.length; item += 1) {
    scores[item] =
      (parts.ease[item] as number) +
      blend * (parts.next[item] as number) +
      contentWeight * (parts.similar[item] as number);
  }
  return scores;
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
