import { InvalidInputError } from '@ondevice/core';
import { fewShotSplit } from '@ondevice/core/evaluation';

/** A labelled row as the split takes and returns it. */
type Row = { text: string; label: string };

/**
 * The retrieval task's held-out split of a labelled file: core's `fewShotSplit` shuffles each
 * category's rows with the seed (mulberry32, Fisher–Yates, per category) and the first
 * `perCategory` become queries; every other row is indexed, in file order. The same rows and seed
 * give the same split, and no row is on both sides.
 *
 * @throws {InvalidInputError} (parameter `holdoutPerClass`) when a category has no more rows
 *   than `perCategory`, since nothing of it would be left to find.
 * @example
 * const { queries, indexed } = retrievalHoldout(rows, { perCategory: 5, seed: 2024 })
 */
export function retrievalHoldout<T extends Row>(
  rows: readonly T[],
  options: { perCategory: number; seed: number },
): { queries: T[]; indexed: T[] } {
  const { perCategory, seed } = options;
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(row.label, (sizes.get(row.label) ?? 0) + 1);
  for (const [label, size] of sizes) {
    if (size <= perCategory) {
      throw new InvalidInputError({
        parameter: 'holdoutPerClass',
        message: `--holdout-per-class ${perCategory} leaves nothing to index of category "${label}" (${size} rows); hold out fewer than every category has.`,
      });
    }
  }
  // fewShotSplit hands back the rows it was given: its "shots" are the held-out queries here.
  const queries = fewShotSplit(rows, { shots: perCategory, testPerLabel: 0, seed }).shots as T[];
  const heldOut = new Set<Row>(queries);
  return { queries, indexed: rows.filter((row) => !heldOut.has(row)) };
}
