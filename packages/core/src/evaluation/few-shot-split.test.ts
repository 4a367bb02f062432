import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '@ondevice/errors';
import { fewShotSplit } from './few-shot-split.js';

const rows = ['a', 'b', 'c'].flatMap((label) =>
  Array.from({ length: 30 }, (_, index) => ({ text: `${label}${index}`, label })),
);

describe('fewShotSplit', () => {
  it('takes K shots and a held-out test set per label, the same for the same seed', () => {
    const split = fewShotSplit(rows, { shots: 10, testPerLabel: 5, seed: 1 });
    expect(split.shots).toHaveLength(30);
    expect(split.test).toHaveLength(15);
    for (const label of ['a', 'b', 'c']) {
      expect(split.shots.filter((row) => row.label === label)).toHaveLength(10);
    }
    const taught = new Set(split.shots.map((row) => row.text));
    expect(split.test.some((row) => taught.has(row.text))).toBe(false);
    expect(fewShotSplit(rows, { shots: 10, testPerLabel: 5, seed: 1 })).toEqual(split);
    expect(fewShotSplit(rows, { shots: 10, testPerLabel: 5, seed: 2 })).not.toEqual(split);
  });

  it('never shares a row between the reported split and the tuning split (offset)', () => {
    const reported = fewShotSplit(rows, { shots: 10, testPerLabel: 10 });
    const tuning = fewShotSplit(rows, { shots: 5, testPerLabel: 5, offset: 20 });
    const used = new Set([...reported.shots, ...reported.test].map((row) => row.text));
    expect([...tuning.shots, ...tuning.test].some((row) => used.has(row.text))).toBe(false);
  });

  it('names the label that is too small', () => {
    expect(() => fewShotSplit(rows, { shots: 31 })).toThrow(InvalidInputError);
    expect(() => fewShotSplit(rows, { shots: 31 })).toThrow(/Label "a" has 30 rows/);
  });
});
