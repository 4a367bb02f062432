import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { classificationReport } from './classification-report.js';
import { formatConfusion, formatPerClass } from './format-classification-report.js';

// Gold:      a a a a b b c c c c
// Predicted: a a b c b b c c a x   (x is not a class)
const example = classificationReport({
  classes: ['a', 'b', 'c'],
  gold: ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c', 'c'],
  predicted: ['a', 'a', 'b', 'c', 'b', 'b', 'c', 'c', 'a', 'x'],
});

describe('classificationReport', () => {
  it('computes accuracy and per-class precision, recall, F1 and support by hand', () => {
    expect(example).toMatchObject({ n: 10, correct: 6, accuracy: 0.6 });
    const [a, b, c] = example.perClass;
    // a: 2 right of 4 gold, 3 predicted. b: 2 of 2, 3 predicted. c: 2 of 4, 3 predicted.
    expect(a).toMatchObject({ label: 'a', support: 4, predicted: 3 });
    expect(a?.precision).toBeCloseTo(2 / 3, 12);
    expect(a?.recall).toBeCloseTo(0.5, 12);
    expect(a?.f1).toBeCloseTo(4 / 7, 12);
    expect(b).toMatchObject({ precision: 2 / 3, recall: 1, support: 2 });
    expect(b?.f1).toBeCloseTo(0.8, 12);
    expect(c).toMatchObject({ precision: 2 / 3, recall: 0.5, support: 4 });
    expect(example.macro.recall).toBeCloseTo((0.5 + 1 + 0.5) / 3, 12);
    expect(example.macro.f1).toBeCloseTo((4 / 7 + 0.8 + 4 / 7) / 3, 12);
  });

  it('builds the confusion matrix with a column for predictions outside the classes', () => {
    expect(example.confusion).toEqual({
      columns: ['a', 'b', 'c', 'x'],
      counts: [
        [2, 1, 1, 0],
        [0, 2, 0, 0],
        [1, 0, 2, 1],
      ],
    });
    expect(example.confusedPairs).toEqual([
      { gold: 'a', predicted: 'b', count: 1 },
      { gold: 'a', predicted: 'c', count: 1 },
      { gold: 'c', predicted: 'a', count: 1 },
      { gold: 'c', predicted: 'x', count: 1 },
    ]);
  });

  it('gives 0 (not NaN) to a class that is never predicted or has no support', () => {
    const report = classificationReport({
      classes: ['a', 'b'],
      gold: ['a', 'a'],
      predicted: ['a', 'a'],
    });
    expect(report.perClass[1]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it('rejects mismatched lengths, empty lists and gold labels outside the classes', () => {
    expect(() => classificationReport({ classes: ['a'], gold: ['a'], predicted: [] })).toThrow(
      InvalidInputError,
    );
    expect(() => classificationReport({ classes: ['a'], gold: [], predicted: [] })).toThrow(
      /at least one/,
    );
    expect(() =>
      classificationReport({ classes: ['a', 'b'], gold: ['a', 'z'], predicted: ['a', 'a'] }),
    ).toThrow(/gold\[1\] is "z", which is not one of the classes: a, b/);
    expect(() =>
      classificationReport({ classes: ['a', 'a'], gold: ['a'], predicted: ['a'] }),
    ).toThrow(/distinct classes/);
  });
});

describe('formatting', () => {
  it('prints per-class rows and the macro average', () => {
    const text = formatPerClass(example);
    expect(text.split('\n')[0]).toMatch(/^class +precision +recall +F1 +support$/);
    expect(text).toMatch(/^b +0\.667 +1\.000 +0\.800 +2$/m);
    expect(text).toMatch(/^macro average +0\.667 +0\.667 +0\.648 +10$/m);
  });

  it('prints the whole matrix for up to four classes', () => {
    const text = formatConfusion(example);
    expect(text).toMatch(/^gold \\ predicted +a +b +c +x$/m);
    expect(text).toMatch(/^c +1 +0 +2 +1$/m);
  });

  it('prints the most frequent confusions for more classes', () => {
    const text = formatConfusion(example, { matrixUpTo: 2, topPairs: 2 });
    expect(text).toMatch(/4 distinct pairs in all/);
    expect(text).toMatch(/^ {2}a +→ +b +1 +25 %$/m);
    expect(text.trimEnd().split('\n')).toHaveLength(3);
  });
});
