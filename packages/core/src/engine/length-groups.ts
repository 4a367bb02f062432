/** Limits for {@link groupByLength}. */
export interface LengthGroupOptions {
  /** Longest over shortest length allowed in one group (once it has `minimumSize` members). */
  maximumRatio: number;
  /** Groups smaller than this accept any length, so short tails do not become tiny runs. */
  minimumSize: number;
  /** Most members of one group. */
  maximumSize: number;
}

/**
 * Splits items into groups of similar length, as lists of their original indices. A model
 * run costs about (items × longest item), so running similar lengths together avoids paying
 * for padding; the caller puts the results back in the original order.
 *
 * @example
 * groupByLength([3, 40, 4, 38], { maximumRatio: 2, minimumSize: 1, maximumSize: 64 }) // [[0, 2], [3, 1]]
 */
export function groupByLength(lengths: readonly number[], options: LengthGroupOptions): number[][] {
  const order = lengths
    .map((_, index) => index)
    .sort((a, b) => (lengths[a] as number) - (lengths[b] as number));
  const groups: number[][] = [];
  let group: number[] = [];
  let shortest = 0;
  for (const index of order) {
    const length = Math.max(1, lengths[index] as number);
    const fits = group.length < options.minimumSize || length <= shortest * options.maximumRatio;
    if (group.length > 0 && (!fits || group.length >= options.maximumSize)) {
      groups.push(group);
      group = [];
    }
    if (group.length === 0) shortest = length;
    group.push(index);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
