/**
 * What a user tends to interact with next: for each item, the items that followed it in users'
 * histories (the next `window` items, each further step counting `decay` times less), each row
 * normalised to sum to one. Sparse: a row holds only the items that ever followed.
 */
export interface TransitionModel {
  itemCount: number;
  /** Per item, the items that followed it and their share of its row. */
  next: Map<number, number>[];
}

/** Options of {@link fitTransitions} and {@link transitionScores}. */
export interface TransitionOptions {
  /** How many following items a step reaches. @default 3 */
  window?: number;
  /** Weight of each further step after an item. @default 0.5 */
  decay?: number;
}

/**
 * Counts the transitions in each user's items, oldest first.
 *
 * @example
 * const model = fitTransitions(log.sequences, log.itemIds.length)
 */
export function fitTransitions(
  sequences: readonly Int32Array[],
  itemCount: number,
  options: TransitionOptions = {},
): TransitionModel {
  const window = options.window ?? 3;
  const decay = options.decay ?? 0.5;
  const next = Array.from({ length: itemCount }, () => new Map<number, number>());
  for (const items of sequences) {
    for (let from = 0; from < items.length; from += 1) {
      const row = next[items[from] as number] as Map<number, number>;
      for (let step = 1; step <= window && from + step < items.length; step += 1) {
        const to = items[from + step] as number;
        row.set(to, (row.get(to) ?? 0) + decay ** (step - 1));
      }
    }
  }
  for (const row of next) {
    let total = 0;
    for (const value of row.values()) total += value;
    if (total > 0) for (const [item, value] of row) row.set(item, value / total);
  }
  return { itemCount, next };
}

/**
 * Scores every item as what comes next after a user's latest items (`recent`, oldest first):
 * the rows of the last `lookBack` items, the latest weighing most (`recency` per step back).
 *
 * @example
 * const scores = transitionScores(model, [12, 40, 7], { lookBack: 5, recency: 0.6 })
 */
export function transitionScores(
  model: TransitionModel,
  recent: ArrayLike<number>,
  options: { lookBack?: number; recency?: number } = {},
): Float32Array {
  const lookBack = options.lookBack ?? 5;
  const recency = options.recency ?? 0.6;
  const scores = new Float32Array(model.itemCount);
  for (let back = 0; back < lookBack && back < recent.length; back += 1) {
    const item = recent[recent.length - 1 - back] as number;
    const weight = recency ** back;
    for (const [to, share] of model.next[item] ?? []) {
      scores[to] = (scores[to] as number) + weight * share;
    }
  }
  return scores;
}
