/**
 * The exact anchor of bench (l): unit float32 vectors in one array, scanned in full for every
 * query (brute-force cosine, no quantisation, no slicing), best `k` kept in order.
 *
 * @example
 * const scan = new ExactVectorScan(512, 10_000)
 * scan.set(0, vector)
 * scan.nearest(query, 10) // [{ row: 0, score: 0.83 }, …]
 */
export class ExactVectorScan {
  readonly vectors: Float32Array;

  constructor(
    readonly dimensions: number,
    readonly rows: number,
  ) {
    this.vectors = new Float32Array(dimensions * rows);
  }

  /** Stores a row, scaled to unit length (cosine = dot product). */
  set(row: number, vector: ArrayLike<number>): void {
    this.vectors.set(unitVector(vector), row * this.dimensions);
  }

  /** The stored (unit) vector of a row, as a view. */
  row(row: number): Float32Array {
    return this.vectors.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }

  /** The `k` rows of largest dot product with `query`, best first. */
  nearest(query: Float32Array, k: number): { row: number; score: number }[] {
    const { vectors, dimensions } = this;
    const best: { row: number; score: number }[] = [];
    let floor = Number.NEGATIVE_INFINITY;
    for (let row = 0; row < this.rows; row += 1) {
      const start = row * dimensions;
      let a = 0;
      let b = 0;
      let c = 0;
      let d = 0;
      let index = 0;
      // Four running sums, as core's int8 scan does: independent additions the engine overlaps.
      for (; index + 3 < dimensions; index += 4) {
        a += (query[index] as number) * (vectors[start + index] as number);
        b += (query[index + 1] as number) * (vectors[start + index + 1] as number);
        c += (query[index + 2] as number) * (vectors[start + index + 2] as number);
        d += (query[index + 3] as number) * (vectors[start + index + 3] as number);
      }
      for (; index < dimensions; index += 1) {
        a += (query[index] as number) * (vectors[start + index] as number);
      }
      const score = a + b + c + d;
      if (best.length === k && score <= floor) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1] as { score: number }).score < score) at -= 1;
      best.splice(at, 0, { row, score });
      if (best.length > k) best.pop();
      if (best.length === k) floor = (best[k - 1] as { score: number }).score;
    }
    return best;
  }
}

/**
 * A copy of `vector` scaled to unit length (a zero vector stays zero).
 *
 * @example
 * unitVector([3, 4]) // Float32Array [0.6, 0.8]
 */
export function unitVector(vector: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let index = 0; index < vector.length; index += 1) sum += (vector[index] as number) ** 2;
  const norm = Math.sqrt(sum) || 1;
  return Float32Array.from(vector, (value) => value / norm);
}
