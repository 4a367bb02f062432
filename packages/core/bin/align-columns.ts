/**
 * Lays rows out as space-aligned text columns (two spaces apart, trailing space trimmed).
 * Columns listed in `rightAligned` are padded on the left, for numbers.
 *
 * @example
 * alignColumns([['class', 'F1'], ['World', '0.912']], { rightAligned: [1] })
 * // 'class     F1\nWorld  0.912\n'
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  options: { rightAligned?: readonly number[]; indent?: string } = {},
): string {
  const columnCount = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columnCount }, (_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  const right = new Set(options.rightAligned ?? []);
  return rows
    .map(
      (row) =>
        (options.indent ?? '') +
        row
          .map((cell, column) =>
            right.has(column)
              ? cell.padStart(widths[column] ?? 0)
              : cell.padEnd(widths[column] ?? 0),
          )
          .join('  ')
          .trimEnd() +
        '\n',
    )
    .join('');
}
