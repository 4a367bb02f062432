import { InvalidInputError } from '@ondevice/core';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SimilarityMatrixStoreState } from './similarity-matrix-store.js';

/**
 * The store of the enclosing `<SimilarityMatrix>`; `null` outside one.
 *
 * @example
 * <SimilarityMatrixContext.Provider value={store}>{parts}</SimilarityMatrixContext.Provider>
 */
export const SimilarityMatrixContext = createContext<StoreApi<SimilarityMatrixStoreState> | null>(
  null,
);
SimilarityMatrixContext.displayName = 'SimilarityMatrixContext';

/**
 * Selects from the enclosing `<SimilarityMatrix>`'s store; re-renders when the selection changes.
 *
 * @throws {InvalidInputError} outside a `<SimilarityMatrix>`.
 * @example
 * const focusedCell = useSimilarityMatrixStore((state) => state.focusedCell)
 */
export function useSimilarityMatrixStore<Selected>(
  selector: (state: SimilarityMatrixStoreState) => Selected,
): Selected {
  const store = useContext(SimilarityMatrixContext);
  if (!store) {
    throw new InvalidInputError({
      parameter: 'store',
      message: 'Parts of <SimilarityMatrix> must be rendered inside a <SimilarityMatrix>.',
    });
  }
  return useStore(store, selector);
}
