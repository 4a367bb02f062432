import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import type { LabelledText } from './labelled-text.js';
import { readBanking77 } from './read-banking77.js';
import { retrievalHoldout } from './retrieval-holdout.js';
import { repositoryRoot } from './spawn-eval.js';

// Three categories of 6, 10 and 15 rows, interleaved as a file lists them.
const rows: LabelledText[] = [];
for (let index = 0; index < 15; index += 1) {
  for (const [label, size] of [
    ['card_arrival', 6],
    ['age_limit', 10],
    ['top_up_limits', 15],
  ] as const) {
    if (index < size) rows.push({ text: `${label} ${index}`, label, line: rows.length + 2 });
  }
}
const texts = (list: readonly LabelledText[]) => list.map((row) => row.text);
const perLabel = (list: readonly LabelledText[]) => {
  const counts: Record<string, number> = {};
  for (const row of list) counts[row.label] = (counts[row.label] ?? 0) + 1;
  return counts;
};

describe('retrievalHoldout (the held-out split of the retrieval task)', () => {
  it('holds out n rows per category as queries and indexes all the others, in file order', () => {
    const { queries, indexed } = retrievalHoldout(rows, { perCategory: 5, seed: 2024 });
    expect(perLabel(queries)).toEqual({ card_arrival: 5, age_limit: 5, top_up_limits: 5 });
    expect(perLabel(indexed)).toEqual({ card_arrival: 1, age_limit: 5, top_up_limits: 10 });
    const asked = new Set(queries);
    expect(indexed.some((row) => asked.has(row))).toBe(false);
    expect(indexed.map((row) => row.line)).toEqual(
      [...indexed].map((row) => row.line).sort((a, b) => a - b),
    );
  });

  it('is the same for the same seed and differs for another', () => {
    const once = retrievalHoldout(rows, { perCategory: 3, seed: 2024 });
    const again = retrievalHoldout(rows, { perCategory: 3, seed: 2024 });
    expect(texts(again.queries)).toEqual(texts(once.queries));
    expect(texts(again.indexed)).toEqual(texts(once.indexed));
    const other = retrievalHoldout(rows, { perCategory: 3, seed: 7 });
    expect(texts(other.queries)).not.toEqual(texts(once.queries));
  });

  it('refuses to hold out every row of a category, naming it', () => {
    expect(() => retrievalHoldout(rows, { perCategory: 6, seed: 1 })).toThrow(
      /--holdout-per-class 6 leaves nothing to index of category "card_arrival" \(6 rows\)/,
    );
    expect(() => retrievalHoldout(rows, { perCategory: 6, seed: 1 })).toThrow(InvalidInputError);
  });
});

const trainFile = join(repositoryRoot, '../shared/data/banking77/train.csv');
const trainPresent = existsSync(trainFile);
if (!trainPresent) {
  console.warn(
    `Skipping the retrieval split test on BANKING77 train: ${trainFile} is absent (the shared evaluation data is not checked out here).`,
  );
}

describe.skipIf(!trainPresent)('retrievalHoldout on BANKING77 train (../shared/data)', () => {
  it('--holdout-per-class 5 --seed 2024: 385 queries (5 of each of the 77 categories), 9,618 indexed', async () => {
    const examples = await readBanking77(trainFile);
    const { queries, indexed } = retrievalHoldout(examples, { perCategory: 5, seed: 2024 });
    expect(queries).toHaveLength(385);
    expect(new Set(queries.map((row) => row.label)).size).toBe(77);
    expect(indexed).toHaveLength(10_003 - 385);
    expect(queries[0]?.line).toBeGreaterThan(1);
  });
});
