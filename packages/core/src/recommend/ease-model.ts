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
  /** Rows done of the inversion's three passes (of `3 × itemCount`). */
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
 * Inverse of a symmetric positive definite matrix through its Cholesky factor: `A = L·Lᵀ`, then
 * `M = L⁻¹` by forward substitution, then `A⁻¹ = Mᵀ·M` (lower half, mirrored). About n³/2
 * multiply-adds, a quarter of Gauss–Jordan's, every inner loop along a row. `matrix` is
 * overwritten with `L`.
 *
 * @throws {RangeError} when the matrix is not positive definite.
 * @example
 * const inverse = await invertSymmetricPositiveDefinite(Float64Array.of(4, 2, 2, 3), 2, {})
 */
export async function invertSymmetricPositiveDefinite(
  matrix: Float64Array,
  n: number,
  options: FitEaseOptions,
): Promise<Float64Array> {
  const total = 3 * n;
  let yieldedAt = performance.now();
  const checkpoint = async (done: number) => {
    if (performance.now() - yieldedAt <= 20) return;
    await yieldToEventLoop();
    yieldedAt = performance.now();
    if (options.isCancelled?.()) {
      throw new AbortError({ message: 'The recommender fit was cancelled.' });
    }
    options.onProgress?.(done, total);
  };
  const lower = matrix;
  for (let row = 0; row < n; row += 1) {
    await checkpoint(row);
    const rowStart = row * n;
    for (let column = 0; column <= row; column += 1) {
      const columnStart = column * n;
      let sum = lower[rowStart + column] as number;
      for (let k = 0; k < column; k += 1) {
        sum -= (lower[rowStart + k] as number) * (lower[columnStart + k] as number);
      }
      if (column === row) {
        if (!(sum > 0)) throw new RangeError('The Gram matrix is not positive definite.');
        lower[rowStart + row] = Math.sqrt(sum);
      } else {
        lower[rowStart + column] = sum / (lower[columnStart + column] as number);
      }
    }
  }
  // M = L⁻¹, row by row: M[i] = (eᵢ − Σₖ<ᵢ L[i][k]·M[k]) / L[i][i]; M[k] is zero past column k.
  const inverseLower = new Float64Array(n * n);
  for (let row = 0; row < n; row += 1) {
    await checkpoint(n + row);
    const rowStart = row * n;
    for (let k = 0; k < row; k += 1) {
      const factor = lower[rowStart + k] as number;
      if (factor === 0) continue;
      const kStart = k * n;
      for (let j = 0; j <= k; j += 1) {
        inverseLower[rowStart + j] =
          (inverseLower[rowStart + j] as number) - factor * (inverseLower[kStart + j] as number);
      }
    }
    inverseLower[rowStart + row] = (inverseLower[rowStart + row] as number) + 1;
    const diagonal = lower[rowStart + row] as number;
    for (let j = 0; j <= row; j += 1) {
      inverseLower[rowStart + j] = (inverseLower[rowStart + j] as number) / diagonal;
    }
  }
  // A⁻¹ = Mᵀ·M: row k of M adds M[k][a]·M[k][b] to every (a, b) with b ≤ a ≤ k.
  const inverse = new Float64Array(n * n);
  for (let k = 0; k < n; k += 1) {
    await checkpoint(2 * n + k);
    const kStart = k * n;
    for (let a = 0; a <= k; a += 1) {
      const factor = inverseLower[kStart + a] as number;
      if (factor === 0) continue;
      const aStart = a * n;
      for (let b = 0; b <= a; b += 1) {
        inverse[aStart + b] =
          (inverse[aStart + b] as number) + factor * (inverseLower[kStart + b] as number);
      }
    }
  }
  for (let a = 0; a < n; a += 1) {
    for (let b = 0; b < a; b += 1) inverse[b * n + a] = inverse[a * n + b] as number;
  }
  options.onProgress?.(total, total);
  return inverse;
}
