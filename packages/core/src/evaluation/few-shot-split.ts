import { InvalidInputError } from '@ondevice/errors';

/** A labelled text, as evaluation data comes. */
export interface LabelledText {
  text: string;
  label: string;
}

/** Options of {@link fewShotSplit}. */
export interface FewShotSplitOptions {
  /** Examples taught per label. @default 10 */
  shots?: number;
  /** Held-out test rows per label (fewer when a label has fewer rows left). @default 20 */
  testPerLabel?: number;
  /** Seed of the shuffle. @default 2024 */
  seed?: number;
  /**
   * Rows per label skipped (after the shuffle) before the shots are taken. The project's
   * reported BANKING77 figure uses 0; its hyperparameters were chosen with 30, so the two
   * never share a row.
   * @default 0
   */
  offset?: number;
}

/** What {@link fewShotSplit} returns: rows to teach and rows to test on. */
export interface FewShotSplit {
  shots: LabelledText[];
  test: LabelledText[];
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded K-shot split of a labelled data set, per label: rows are shuffled (mulberry32,
 * Fisher–Yates over each label's rows in file order, labels in order of first appearance), the
 * first `offset` skipped, the next `shots` taught and the next `testPerLabel` held out.
 * With the defaults on BANKING77 train (10,003 rows, 77 labels): 770 shots, 1,540 test rows.
 *
 * @throws {InvalidInputError} when a label has fewer rows than `offset + shots`.
 * @example
 * const { shots, test } = fewShotSplit(rows, { shots: 10, testPerLabel: 20, seed: 2024 })
 * await classifier.learn(shots)
 */
export function fewShotSplit(
  rows: readonly LabelledText[],
  options: FewShotSplitOptions = {},
): FewShotSplit {
  const { shots = 10, testPerLabel = 20, seed = 2024, offset = 0 } = options;
  const byLabel = new Map<string, LabelledText[]>();
  for (const row of rows) {
    const list = byLabel.get(row.label) ?? [];
    list.push(row);
    byLabel.set(row.label, list);
  }
  const random = seededRandom(seed);
  const split: FewShotSplit = { shots: [], test: [] };
  for (const [label, list] of byLabel) {
    if (list.length < offset + shots) {
      throw new InvalidInputError({
        parameter: 'rows',
        message: `Label "${label}" has ${list.length} rows; a ${shots}-shot split from offset ${offset} needs ${offset + shots}.`,
      });
    }
    const order = [...list];
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other] as LabelledText, order[index] as LabelledText];
    }
    split.shots.push(...order.slice(offset, offset + shots));
    split.test.push(...order.slice(offset + shots, offset + shots + testPerLabel));
  }
  return split;
}
