/** Small dense-vector helpers used by the classifier heads (plain typed-array code). */

/**
 * Dot product of two vectors of the same length (the shorter length is used).
 *
 * @example
 * dot(new Float32Array([1, 2]), new Float32Array([3, 4])) // 11
 */
export function dot(a: Float32Array, b: Float32Array, offsetB = 0): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) {
    sum += (a[index] as number) * (b[offsetB + index] as number);
  }
  return sum;
}

/**
 * A copy scaled to unit length (all zeros stays all zeros).
 *
 * @example
 * normalized(new Float32Array([3, 4])) // [0.6, 0.8]
 */
export function normalized(vector: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(vector, vector));
  const copy = new Float32Array(vector.length);
  if (norm === 0) return copy;
  for (let index = 0; index < vector.length; index += 1) {
    copy[index] = (vector[index] as number) / norm;
  }
  return copy;
}

/**
 * Softmax of logits (numerically stable); sums to 1.
 *
 * @example
 * softmax([0, 0]) // [0.5, 0.5]
 */
export function softmax(logits: readonly number[]): number[] {
  const top = Math.max(...logits);
  const exponentials = logits.map((logit) => Math.exp(logit - top));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return exponentials.map((value) => value / total);
}

/**
 * The logistic function.
 *
 * @example
 * sigmoid(0) // 0.5
 */
export function sigmoid(value: number): number {
  return value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value));
}
