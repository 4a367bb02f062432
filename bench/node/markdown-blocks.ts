/**
 * Comment markers around a generated block of docs/benchmarks.md, so a run of some parts
 * (`--only`) can replace that block alone.
 *
 * @example
 * const markers: BlockMarkers = { start: '<!-- bench (l) search: start -->', end: '<!-- bench (l) search: end -->' }
 */
export interface BlockMarkers {
  start: string;
  end: string;
}

/**
 * The block between `markers` (markers included), or undefined when the document has none.
 *
 * @example
 * extractBlock(await readFile(file, 'utf8'), searchBlockMarkers) // '<!-- bench (l) … -->'
 */
export function extractBlock(document: string, markers: BlockMarkers): string | undefined {
  const start = document.indexOf(markers.start);
  const end = document.indexOf(markers.end);
  if (start < 0 || end < start) return undefined;
  return document.slice(start, end + markers.end.length);
}

/**
 * Puts `block` into `document`: in place of the marked block, or appended when there is none.
 *
 * @example
 * await writeFile(file, spliceBlock(await readFile(file, 'utf8'), block, searchBlockMarkers))
 */
export function spliceBlock(document: string, block: string, markers: BlockMarkers): string {
  const existing = extractBlock(document, markers);
  if (existing === undefined) return `${document.trimEnd()}\n\n${block.trimEnd()}\n`;
  return document.replace(existing, () => block.trimEnd());
}

/**
 * A markdown table: the first row is the header.
 *
 * @example
 * markdownTable([['a', 'b'], ['1', '2']]) // '| a | b |\n| --- | --- |\n| 1 | 2 |'
 */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row, index) =>
      index === 1
        ? `| ${row.map(() => '---').join(' | ')} |\n| ${row.join(' | ')} |`
        : `| ${row.join(' | ')} |`,
    )
    .join('\n');
}

/**
 * Rows padded to aligned columns, for the console.
 *
 * @example
 * alignedRows([['check', 'result'], ['(l) recall', 'met']])
 */
export function alignedRows(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
