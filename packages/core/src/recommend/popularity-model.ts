/**
 * How many users interacted with each item: the fallback for a user with no history, and the
 * baseline every other model is measured against.
 *
 * @example
 * const counts = itemPopularity(log.sequences, log.itemIds.length)
 */
export function itemPopularity(sequences: readonly Int32Array[], itemCount: number): Float32Array {
  const counts = new Float32Array(itemCount);
  for (const items of sequences)
    for (const item of items) counts[item] = (counts[item] as number) + 1;
  return counts;
}
