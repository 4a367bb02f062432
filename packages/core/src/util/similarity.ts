import { describeValue } from './describe-value.js';
import { InvalidInputError } from '@ondevice/errors';

/**
 * A vector as returned by the embedder, or any numeric array.
 *
 * @example
 * const centroid: Vector = [0.1, 0.3, 0.2]
 */
export type Vector = Float32Array | readonly number[];

/**
 * Cosine similarity of two vectors of the same length, in [-1, 1]; 0 when either is all zeros.
 *
 * @example
 * const { embeddings: [a, b] } = await embedder.embed(['cat', 'kitten'])
 * cosineSimilarity(a, b) // ≈ 0.8
 */
export function cosineSimilarity(a: Vector, b: Vector): number {
  if (a.length !== b.length) {
    throw new InvalidInputError({
      parameter: 'b',
      message: `cosineSimilarity needs vectors of the same length; got ${a.length} and ${b.length}.`,
    });
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index] as number;
    const y = b[index] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  return dot / Math.sqrt(normA * normB);
}

/**
 * One result of {@link topK}.
 *
 * @example
 * const [{ index, score }] = topK(query, documents, 1)
 */
export interface ScoredIndex {
  /** Position of the candidate in the array passed in. */
  index: number;
  /** Cosine similarity with the query. */
  score: number;
}

/**
 * The `k` candidates most similar to `query` by cosine similarity, best first.
 *
 * @example
 * topK(queryVector, documentVectors, 3) // [{ index: 7, score: 0.81 }, …]
 */
export function topK(query: Vector, candidates: readonly Vector[], k: number): ScoredIndex[] {
  if (!Number.isInteger(k) || k < 0) {
    throw new InvalidInputError({
      parameter: 'k',
      message: `topK needs k to be a non-negative integer; got ${describeValue(k)}.`,
    });
  }
  return candidates
    .map((candidate, index) => ({ index, score: cosineSimilarity(query, candidate) }))
    .sort((left, right) => right.score - left.score || left.index - right.index)
    .slice(0, k);
}

/**
 * Pairwise cosine similarities: `matrix[i][j]` compares vector i with vector j.
 *
 * @example
 * similarityMatrix(result.embeddings)[0][1]
 */
export function similarityMatrix(vectors: readonly Vector[]): number[][] {
  return vectors.map((row, i) =>
    vectors.map((column, j) => (i === j ? 1 : cosineSimilarity(row, column))),
  );
}
