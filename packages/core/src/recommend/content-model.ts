/**
 * Item texts as unit vectors, row-major (`itemCount × dimensions`; an item without text is a row
 * of zeros): the content signal, which recommends an item nobody has interacted with yet.
 *
 * @example
 * const content: ContentVectors = { dimensions: 512, vectors: new Float32Array(512 * items) }
 */
export interface ContentVectors {
  dimensions: number;
  vectors: Float32Array;
}

/** Items of a history the content profile reads, latest first, and the weight of each step back. */
const lookBack = 5;
const recency = 0.6;

/**
 * How close each item's text is to a person's latest items (oldest first): the dot product of
 * every item vector with a profile, the recency-weighted sum of their latest items' vectors.
 *
 * @example
 * const scores = contentScores(content, Int32Array.of(3, 8), itemCount)
 */
export function contentScores(
  content: ContentVectors,
  history: ArrayLike<number>,
  itemCount: number,
): Float32Array {
  const { dimensions, vectors } = content;
  const profile = new Float32Array(dimensions);
  let any = false;
  for (let back = 0; back < lookBack && back < history.length; back += 1) {
    const start = (history[history.length - 1 - back] as number) * dimensions;
    const weight = recency ** back;
    for (let index = 0; index < dimensions; index += 1) {
      const value = vectors[start + index] as number;
      if (value !== 0) any = true;
      profile[index] = (profile[index] as number) + weight * value;
    }
  }
  const scores = new Float32Array(itemCount);
  if (!any) return scores;
  for (let item = 0; item < itemCount; item += 1) {
    const start = item * dimensions;
    let sum = 0;
    for (let index = 0; index < dimensions; index += 1) {
      sum += (profile[index] as number) * (vectors[start + index] as number);
    }
    scores[item] = sum;
  }
  return scores;
}

/**
 * Cosine of two items' texts (0 when either has none).
 *
 * @example
 * itemSimilarity(content, 3, 8)
 */
export function itemSimilarity(content: ContentVectors, a: number, b: number): number {
  const { dimensions, vectors } = content;
  let sum = 0;
  for (let index = 0; index < dimensions; index += 1) {
    sum +=
      (vectors[a * dimensions + index] as number) * (vectors[b * dimensions + index] as number);
  }
  return sum;
}
