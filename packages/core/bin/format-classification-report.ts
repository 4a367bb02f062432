import { alignColumns } from './align-columns.js';
import type { ClassificationReport } from './classification-report.js';

const fixed = (value: number) => value.toFixed(3);
const percent = (part: number, whole: number) =>
  whole === 0 ? '0 %' : `${Math.round((100 * part) / whole)} %`;

/**
 * Per-class precision, recall, F1 and support, with the macro average, as an aligned table.
 *
 * @example
 * io.stdout(formatPerClass(classificationReport({ classes, gold, predicted })))
 */
export function formatPerClass(report: ClassificationReport): string {
  const rows = [
    ['class', 'precision', 'recall', 'F1', 'support'],
    ...report.perClass.map((metrics) => [
      metrics.label,
      fixed(metrics.precision),
      fixed(metrics.recall),
      fixed(metrics.f1),
      String(metrics.support),
    ]),
    [
      'macro average',
      fixed(report.macro.precision),
      fixed(report.macro.recall),
      fixed(report.macro.f1),
      String(report.n),
    ],
  ];
  return alignColumns(rows, { rightAligned: [1, 2, 3, 4] });
}

/**
 * The confusion summary: the whole matrix (rows gold, columns predicted) when there are at
 * most `matrixUpTo` classes, otherwise the `topPairs` most frequent confusions, each with its
 * share of the gold class.
 *
 * @example
 * io.stdout(formatConfusion(report, { matrixUpTo: 4, topPairs: 10 }))
 */
export function formatConfusion(
  report: ClassificationReport,
  options: { matrixUpTo?: number; topPairs?: number } = {},
): string {
  const { columns, counts } = report.confusion;
  if (report.classes.length <= (options.matrixUpTo ?? 4)) {
    const rows = [
      ['gold \\ predicted', ...columns],
      ...report.classes.map((label, row) => [label, ...(counts[row] ?? []).map(String)]),
    ];
    return `confusion matrix (rows: gold class, columns: prediction)\n${alignColumns(rows, {
      rightAligned: columns.map((_, index) => index + 1),
    })}`;
  }
  const support = new Map(report.perClass.map((metrics) => [metrics.label, metrics.support]));
  const pairs = report.confusedPairs.slice(0, options.topPairs ?? 10);
  if (pairs.length === 0) return 'no confusions: every prediction is right\n';
  const rows = pairs.map((pair) => [
    pair.gold,
    '→',
    pair.predicted,
    String(pair.count),
    percent(pair.count, support.get(pair.gold) ?? 0),
  ]);
  return `most frequent confusions (gold → predicted, count, share of the gold class); ${report.confusedPairs.length} distinct pairs in all\n${alignColumns(
    rows,
    { rightAligned: [3, 4], indent: '  ' },
  )}`;
}
