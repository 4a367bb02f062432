import { AbortError } from '@ondevice/errors';
import { yieldToEventLoop } from '../util/yield-to-event-loop.js';

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): an item-item
 * weight matrix `B = I − P / diag(P)` with `P = (XᵀX + λI)⁻¹` and a zero diagonal, where `X` is
 * the user-item matrix. A user's scores are the sum of the rows of the items they interacted with.
 * Closed form, one matrix inverse: O(items³) time and items² memory, fine for catalogues of a few
 * thousand items in a worker.
 */
export interface EaseModel {
  itemCount: number;
  /** Row-major `itemCount × itemCount` weights; row `a` says how much `a` suggests each item. */
  weights: Float32Array;
}

/** Options of {@link fitEase}. */
export interface FitEaseOptions {
  /** L2 regularisation λ added to the Gram matrix's diagonal. @default 300 */
  lambda?: number;
  /** Read between rows of the inversion; true stops the fit with `AbortError`. */
  isCancelled?: () => boolean;
  /** Rows of the inversion done, of `itemCount`. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Fits EASE to each user's distinct items (`sequences` of item indices). Gives the event loop a
 * turn about every 20 ms, so a worker reads a cancel while it runs.
 *
 * @throws {AbortError} when `isCancelled` turns true.
 * @example
 * const model = await fitEase(log.sequences, log.itemIds.length, { lambda: 300 })
 */
export async function fitEase(
  sequences: readonly Int32Array[],
  itemCount: number,
  options: FitEaseOptions = {},
): Promise<EaseModel> {
  const n = itemCount;
  const lambda = options.lambda ?? 300;
  const gram = new Float64Array(n * n);
  for (const items of sequences) {
    for (const a of items) {
      const row = a * n;
      for (const b of items) gram[row + b] = (gram[row + b] as number) + 1;
    }
  }
  for (let a = 0; a < n; a += 1) gram[a * n + a] = (gram[a * n + a] as number) + lambda;
  const inverse = await invertSymmetricPositiveDefinite(gram, n, options);
  const weights = new Float32Array(n * n);
  for (let a = 0; a < n; a += 1) {
    for (let b = 0; b < n; b += 1) {
      if (a !== b)
        weights[a * n + b] = -(inverse[a * n + b] as number) / (inverse[b * n + b] as number);
    }
  }
  return { itemCount: n, weights };
}

/**
 * Scores every item for a user who interacted with `items`: the sum of their rows.
 *
 * @example
 * const scores = easeScores(model, [3, 7])
 */
export function easeScores(model: EaseModel, items: Iterable<number>): Float32Array {
  const { itemCount: n, weights } = model;
  const scores = new Float32Array(n);
  for (const a of items) {
    const row = a * n;
    for (let b = 0; b < n; b += 1) scores[b] = (scores[b] as number) + (weights[row + b] as number);
  }
  return scores;
}

/**
 * Gauss–Jordan inversion in place of a symmetric positive definite matrix (no pivoting needed:
 * every pivot of such a matrix is positive). Returns the inverse; `matrix` is overwritten.
 */
async function invertSymmetricPositiveDefinite(
  matrix: Float64Array,
  n: number,
  options: FitEaseOptions,
): Promise<Float64Array> {
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) inverse[i * n + i] = 1;
  let yieldedAt = performance.now();
  for (let column = 0; column < n; column += 1) {
    if (performance.now() - yieldedAt > 20) {
      await yieldToEventLoop();
      yieldedAt = performance.now();
      if (options.isCancelled?.()) {
        throw new AbortError({ message: 'The recommender fit was cancelled.' });
      }
      options.onProgress?.(column, n);
    }
    const pivotRow = column * n;
    const scale = 1 / (matrix[pivotRow + column] as number);
    for (let j = 0; j < n; j += 1) {
      matrix[pivotRow + j] = (matrix[pivotRow + j] as number) * scale;
      inverse[pivotRow + j] = (inverse[pivotRow + j] as number) * scale;
    }
    for (let row = 0; row < n; row += 1) {
      if (row === column) continue;
      const factor = matrix[row * n + column] as number;
      if (factor === 0) continue;
      const target = row * n;
      for (let j = 0; j < n; j += 1) {
        matrix[target + j] =
          (matrix[target + j] as number) - factor * (matrix[pivotRow + j] as number);
        inverse[target + j] =
          (inverse[target + j] as number) - factor * (inverse[pivotRow + j] as number);
      }
    }
  }
  options.onProgress?.(n, n);
  return inverse;
}
