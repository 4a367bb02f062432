import { InvalidInputError } from '@ondevice/core';

/** Precision, recall and F1 of one class (0 where undefined: no predictions or no support). */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold examples of the class. */
  support: number;
  /** Examples predicted as the class. */
  predicted: number;
}

/** One off-diagonal cell of the confusion matrix. */
export interface ConfusedPair {
  gold: string;
  predicted: string;
  count: number;
}

/** Accuracy, per-class figures and the confusion matrix of a classification run. */
export interface ClassificationReport {
  n: number;
  correct: number;
  accuracy: number;
  /** The gold classes, in the order given. */
  classes: string[];
  perClass: ClassMetrics[];
  /** Unweighted means over the classes. */
  macro: { precision: number; recall: number; f1: number };
  /**
   * Rows: gold classes (in `classes` order). Columns: the classes, then any predicted label
   * that is not a class (e.g. `neutral`, `(unsure)`), in order of first appearance.
   */
  confusion: { columns: string[]; counts: number[][] };
  /** Every non-zero off-diagonal cell, most frequent first (ties by gold, then predicted). */
  confusedPairs: ConfusedPair[];
}

/**
 * Scores predictions against gold labels: accuracy, per-class precision / recall / F1 with
 * support, macro averages and the confusion matrix. A predicted label outside `classes` counts
 * as an error and gets its own confusion column.
 *
 * @throws {InvalidInputError} when the lists differ in length, are empty, a class is listed
 *   twice, or a gold label is not one of `classes`.
 * @example
 * classificationReport({ classes: ['neg', 'pos'], gold: ['neg', 'pos'], predicted: ['neg', 'neg'] }).accuracy // 0.5
 */
export function classificationReport(input: {
  classes: readonly string[];
  gold: readonly string[];
  predicted: readonly string[];
}): ClassificationReport {
  const { gold, predicted } = input;
  const classes = [...input.classes];
  if (gold.length !== predicted.length || gold.length === 0) {
    throw new InvalidInputError({
      parameter: 'predicted',
      message: `classificationReport needs as many predictions as gold labels, at least one; got ${predicted.length} and ${gold.length}.`,
    });
  }
  if (new Set(classes).size !== classes.length) {
    throw new InvalidInputError({
      parameter: 'classes',
      message: `classificationReport needs distinct classes; got ${classes.join(', ')}.`,
    });
  }
  const columns = [...classes];
  const columnOf = new Map(columns.map((label, index) => [label, index]));
  const counts = classes.map(() => classes.map(() => 0));
  gold.forEach((goldLabel, index) => {
    const row = columnOf.get(goldLabel);
    if (row === undefined || row >= classes.length) {
      throw new InvalidInputError({
        parameter: 'gold',
        message: `gold[${index}] is "${goldLabel}", which is not one of the classes: ${classes.join(', ')}.`,
      });
    }
    const predictedLabel = predicted[index] as string;
    let column = columnOf.get(predictedLabel);
    if (column === undefined) {
      column = columns.length;
      columns.push(predictedLabel);
      columnOf.set(predictedLabel, column);
      for (const cells of counts) cells.push(0);
    }
    (counts[row] as number[])[column] = ((counts[row] as number[])[column] as number) + 1;
  });
  const cell = (row: number, column: number) => (counts[row] as number[])[column] as number;
  let correct = 0;
  const perClass = classes.map((label, index) => {
    const truePositives = cell(index, index);
    correct += truePositives;
    const support = (counts[index] as number[]).reduce((sum, count) => sum + count, 0);
    const predictedCount = counts.reduce((sum, cells) => sum + (cells[index] as number), 0);
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support, predicted: predictedCount };
  });
  const confusedPairs: ConfusedPair[] = [];
  classes.forEach((goldLabel, row) => {
    columns.forEach((predictedLabel, column) => {
      const count = cell(row, column);
      if (row !== column && count > 0)
        confusedPairs.push({ gold: goldLabel, predicted: predictedLabel, count });
    });
  });
  confusedPairs.sort(
    (a, b) =>
      b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted),
  );
  const mean = (pick: (metrics: ClassMetrics) => number) =>
    perClass.reduce((sum, metrics) => sum + pick(metrics), 0) / perClass.length;
  return {
    n: gold.length,
    correct,
    accuracy: correct / gold.length,
    classes,
    perClass,
    macro: {
      precision: mean((metrics) => metrics.precision),
      recall: mean((metrics) => metrics.recall),
      f1: mean((metrics) => metrics.f1),
    },
    confusion: { columns, counts },
    confusedPairs,
  };
}
