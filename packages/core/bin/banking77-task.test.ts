import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { banking77Split } from './banking77-task.js';
import type { LabelledText } from './labelled-text.js';

// Three intents of 12, 30 and 40 rows, interleaved as a file lists them.
const rows: LabelledText[] = [];
for (let index = 0; index < 40; index += 1) {
  for (const [label, size] of [
    ['card_arrival', 12],
    ['age_limit', 30],
    ['top_up_limits', 40],
  ] as const) {
    if (index < size) rows.push({ text: `${label} ${index}`, label, line: rows.length + 1 });
  }
}
const texts = (list: readonly LabelledText[]) => list.map((row) => row.text);
const perLabel = (list: readonly LabelledText[]) =>
  Object.fromEntries(
    ['card_arrival', 'age_limit', 'top_up_limits'].map((label) => [
      label,
      list.filter((row) => row.label === label).length,
    ]),
  );

describe('banking77Split (the documented protocol)', () => {
  it('teaches K rows per intent and holds out up to n more, disjoint, rows kept whole', () => {
    const { taught, heldOut } = banking77Split(rows, {
      shots: 10,
      holdoutPerClass: 20,
      seed: 2024,
    });
    expect(perLabel(taught)).toEqual({ card_arrival: 10, age_limit: 10, top_up_limits: 10 });
    // card_arrival has 12 rows: 10 taught leave 2 to hold out.
    expect(perLabel(heldOut)).toEqual({ card_arrival: 2, age_limit: 20, top_up_limits: 20 });
    const taughtTexts = new Set(texts(taught));
    expect(heldOut.some((row) => taughtTexts.has(row.text))).toBe(false);
    expect(heldOut[0]).toHaveProperty('line');
  });

  it('is the same for the same seed and differs for another', () => {
    const once = banking77Split(rows, { shots: 5, holdoutPerClass: 5, seed: 2024 });
    const again = banking77Split(rows, { shots: 5, holdoutPerClass: 5, seed: 2024 });
    expect(texts(again.taught)).toEqual(texts(once.taught));
    expect(texts(again.heldOut)).toEqual(texts(once.heldOut));
    const other = banking77Split(rows, { shots: 5, holdoutPerClass: 5, seed: 7 });
    expect(texts(other.taught)).not.toEqual(texts(once.taught));
  });

  it('takes shots only when the evaluation rows come from --file', () => {
    const { taught, heldOut } = banking77Split(rows, { shots: 3, holdoutPerClass: 0, seed: 1 });
    expect(taught).toHaveLength(9);
    expect(heldOut).toEqual([]);
  });

  it('names the option when an intent has fewer rows than --shots', () => {
    expect(() => banking77Split(rows, { shots: 13, holdoutPerClass: 0, seed: 1 })).toThrow(
      /--shots 13 is more than --train has of some intent: Label "card_arrival" has 12 rows/,
    );
    expect(() => banking77Split(rows, { shots: 13, holdoutPerClass: 0, seed: 1 })).toThrow(
      InvalidInputError,
    );
  });
});
