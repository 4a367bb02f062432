import { InvalidInputError } from '@ondevice/core';

/**
 * Ranks of `values`, 1-based; tied values share the average of the ranks they span
 * (so `[10, 20, 20, 30]` ranks as `[1, 2.5, 2.5, 4]`).
 *
 * @example
 * averageRanks([3, 1, 2]) // [3, 1, 2]
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, index) => index).sort((a, b) => value(values, a) - value(values, b));
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && value(values, order[end]) === value(values, order[start]))
      end += 1;
    // Positions start..end-1 are tied: each gets the mean of ranks start+1..end.
    const rank = (start + 1 + end) / 2;
    for (let position = start; position < end; position += 1)
      ranks[order[position] as number] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Spearman's rank correlation: the Pearson correlation of the average ranks, which stays
 * exact when there are ties. NaN when either side is constant (the correlation is undefined).
 *
 * @throws {InvalidInputError} when the lists differ in length, hold fewer than two values, or
 *   hold a value that is not a finite number.
 * @example
 * spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) // 0.8
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) {
    throw new InvalidInputError({
      parameter: 'y',
      message: `spearman needs two lists of the same length; got ${x.length} and ${y.length}.`,
    });
  }
  if (x.length < 2) {
    throw new InvalidInputError({
      parameter: 'x',
      message: `spearman needs at least two pairs; got ${x.length}.`,
    });
  }
  for (const [name, list] of [
    ['x', x],
    ['y', y],
  ] as const) {
    const bad = list.findIndex((item) => !Number.isFinite(item));
    if (bad >= 0) {
      throw new InvalidInputError({
        parameter: name,
        message: `spearman takes finite numbers only; ${name}[${bad}] is ${String(list[bad])}.`,
      });
    }
  }
  return pearson(averageRanks(x), averageRanks(y));
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const meanX = mean(x);
  const meanY = mean(y);
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let index = 0; index < x.length; index += 1) {
    const dx = value(x, index) - meanX;
    const dy = value(y, index) - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  if (varianceX === 0 || varianceY === 0) return Number.NaN;
  return covariance / Math.sqrt(varianceX * varianceY);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, item) => sum + item, 0) / values.length;
}

function value(values: readonly number[], index: number | undefined): number {
  return values[index as number] as number;
}
