import { type StoreApi, createStore } from 'zustand/vanilla';

/** A cell of the heatmap, by row and column index. */
export interface MatrixCell {
  row: number;
  column: number;
}

/** UI state of one `<SimilarityMatrix>`: the text being edited and the focused cell. */
export interface SimilarityMatrixStoreState {
  /** The textarea's text, one sentence per line (the source of sentences when uncontrolled). */
  text: string;
  /** The heatmap cell that holds the roving tab stop. */
  focusedCell: MatrixCell;
  setText(text: string): void;
  setFocusedCell(cell: MatrixCell): void;
}

/**
 * Creates the store of one `<SimilarityMatrix>` instance. Each widget creates its own (never a
 * module singleton), so two matrices on a page never share state.
 *
 * @example
 * const store = createSimilarityMatrixStore({ text: 'A cat.\nA kitten.' })
 * store.getState().setFocusedCell({ row: 1, column: 0 })
 */
export function createSimilarityMatrixStore(initial: {
  text: string;
}): StoreApi<SimilarityMatrixStoreState> {
  return createStore<SimilarityMatrixStoreState>()((set) => ({
    text: initial.text,
    focusedCell: { row: 0, column: 0 },
    setText: (text) => set({ text }),
    setFocusedCell: (focusedCell) => set({ focusedCell }),
  }));
}
