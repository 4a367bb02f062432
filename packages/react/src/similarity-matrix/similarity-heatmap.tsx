import { type KeyboardEvent, useRef } from 'react';
import type { CellColors } from './similarity-colors.js';
import { useSimilarityMatrixStore } from './similarity-matrix-context.js';
import type { MatrixCell } from './similarity-matrix-store.js';
import { truncateLabel } from './truncate-label.js';

/** Props of {@link SimilarityHeatmap}. */
export interface SimilarityHeatmapProps {
  /** Row and column sentences, in matrix order. */
  sentences: readonly string[];
  /** `matrix[i][j]`: cosine similarity of sentence i and sentence j. */
  matrix: readonly (readonly number[])[];
  caption: string;
  maxLabelLength: number;
  cellColors: (similarity: number) => CellColors;
  /** The matrix belongs to earlier sentences while new ones are computed. */
  busy: boolean;
}

/**
 * The heatmap part of `<SimilarityMatrix>`: a `<table>` with a caption, row and column
 * headers (truncated labels, full sentence as accessible name and tooltip), and one focusable
 * cell per pair showing the value to 2 decimals on its colour. One cell holds the tab stop
 * (roving tabindex); arrow keys, Home/End and Ctrl+Home/End move between cells.
 *
 * @example
 * <SimilarityHeatmap sentences={['A', 'B']} matrix={[[1, 0.4], [0.4, 1]]} caption="Similarity"
 *   maxLabelLength={20} cellColors={similarityColors} busy={false} />
 */
export function SimilarityHeatmap({
  sentences,
  matrix,
  caption,
  maxLabelLength,
  cellColors,
  busy,
}: SimilarityHeatmapProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const storedCell = useSimilarityMatrixStore((state) => state.focusedCell);
  const setFocusedCell = useSimilarityMatrixStore((state) => state.setFocusedCell);
  const last = sentences.length - 1;
  // Sentences may have been removed since the cell was focused: keep the tab stop in range.
  const focused: MatrixCell = {
    row: Math.min(storedCell.row, last),
    column: Math.min(storedCell.column, last),
  };

  const moveTo = (cell: MatrixCell) => {
    setFocusedCell(cell);
    tableRef.current
      ?.querySelector<HTMLElement>(`[data-row="${cell.row}"][data-column="${cell.column}"]`)
      ?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableCellElement>, cell: MatrixCell) => {
    const next = nextCell(event, cell, last);
    if (!next) return;
    event.preventDefault();
    moveTo(next);
  };

  return (
    <table ref={tableRef} data-part="heatmap" aria-busy={busy || undefined}>
      <caption data-part="caption">{caption}</caption>
      <thead>
        <tr>
          <td data-part="corner" />
          {sentences.map((sentence, column) => (
            <th
              key={column}
              scope="col"
              data-part="column-header"
              title={sentence}
              aria-label={sentence}
            >
              {truncateLabel(sentence, maxLabelLength)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sentences.map((rowSentence, row) => (
          <tr key={row}>
            <th scope="row" data-part="row-header" title={rowSentence} aria-label={rowSentence}>
              {truncateLabel(rowSentence, maxLabelLength)}
            </th>
            {sentences.map((columnSentence, column) => {
              const value = matrix[row]?.[column] ?? Number.NaN;
              const colors = cellColors(value);
              // Values that round to zero print as 0.00, not -0.00.
              const formatted = (Math.abs(value) < 0.005 ? 0 : value).toFixed(2);
              const isTabStop = row === focused.row && column === focused.column;
              return (
                <td
                  key={column}
                  data-part="cell"
                  data-row={row}
                  data-column={column}
                  data-value={formatted}
                  tabIndex={isTabStop ? 0 : -1}
                  aria-label={`Similarity of "${rowSentence}" and "${columnSentence}": ${formatted}`}
                  // The one inline style: the heatmap colour is data, not decoration.
                  style={{ backgroundColor: colors.background, color: colors.text }}
                  onFocus={() => {
                    if (!isTabStop) setFocusedCell({ row, column });
                  }}
                  onKeyDown={(event) => onKeyDown(event, { row, column })}
                >
                  {formatted}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function nextCell(
  event: KeyboardEvent,
  { row, column }: MatrixCell,
  last: number,
): MatrixCell | undefined {
  switch (event.key) {
    case 'ArrowRight':
      return { row, column: Math.min(last, column + 1) };
    case 'ArrowLeft':
      return { row, column: Math.max(0, column - 1) };
    case 'ArrowDown':
      return { row: Math.min(last, row + 1), column };
    case 'ArrowUp':
      return { row: Math.max(0, row - 1), column };
    case 'Home':
      return event.ctrlKey ? { row: 0, column: 0 } : { row, column: 0 };
    case 'End':
      return event.ctrlKey ? { row: last, column: last } : { row, column: last };
    default:
      return undefined;
  }
}
