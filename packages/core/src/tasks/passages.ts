/**
 * How long texts are read by sentiment and zero-shot: split into passages the model reads
 * whole (USE-lite reads 128 tokens, about 90 words), at most {@link maximumPassages} of them.
 */
export const passageOptions = { maximumWords: 80, maximumPassages: 16 } as const;

/** Characters looked at, at most: a longer text is cut before it is split (1 MB costs no more). */
const maximumCharacters = passageOptions.maximumWords * passageOptions.maximumPassages * 24;

/**
 * Splits a long text into passages of at most `maximumWords` words, at sentence ends where it
 * can (a sentence longer than that is cut between words); a text of at most `maximumWords`
 * words is one passage, itself. Only the first `maximumPassages` passages are returned.
 *
 * @example
 * splitIntoPassages('One. Two.') // ['One. Two.']
 */
export function splitIntoPassages(
  text: string,
  { maximumWords, maximumPassages } = passageOptions,
): string[] {
  const head = text.length > maximumCharacters ? text.slice(0, maximumCharacters) : text;
  const words = head.split(/\s+/).filter((word) => word !== '');
  if (words.length <= maximumWords) return [text];
  const passages: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) passages.push(current.join(' '));
    current = [];
  };
  for (const sentence of head.split(/(?<=[.!?…])\s+/)) {
    const sentenceWords = sentence.split(/\s+/).filter((word) => word !== '');
    if (current.length + sentenceWords.length > maximumWords) flush();
    for (let start = 0; start < sentenceWords.length; start += maximumWords) {
      const piece = sentenceWords.slice(start, start + maximumWords);
      if (current.length + piece.length > maximumWords) flush();
      current.push(...piece);
    }
    if (passages.length >= maximumPassages) break;
  }
  flush();
  return passages.slice(0, maximumPassages);
}

/**
 * How the passages of a long text make one answer:
 * - `first`: the text as one input, which the model reads up to its token limit;
 * - `mean-probability`: each passage scored, the scores averaged;
 * - `mean-embedding`: the passages' embeddings averaged, then scored once.
 *
 * @example
 * const pooling: PassagePooling = 'mean-embedding'
 */
export type PassagePooling = 'first' | 'mean-probability' | 'mean-embedding';

/**
 * The element-wise mean of vectors of one length.
 *
 * @example
 * meanVector([Float32Array.of(0, 2), Float32Array.of(2, 2)]) // Float32Array [1, 2]
 */
export function meanVector(vectors: readonly Float32Array[]): Float32Array {
  const mean = new Float32Array((vectors[0] as Float32Array).length);
  for (const vector of vectors) {
    for (let index = 0; index < mean.length; index += 1) {
      mean[index] = (mean[index] as number) + (vector[index] as number) / vectors.length;
    }
  }
  return mean;
}

/**
 * The element-wise mean of score lists of one length.
 *
 * @example
 * meanScores([[0, 1], [1, 1]]) // [0.5, 1]
 */
export function meanScores(lists: readonly (readonly number[])[]): number[] {
  return (lists[0] as readonly number[]).map(
    (_, index) => lists.reduce((sum, list) => sum + (list[index] as number), 0) / lists.length,
  );
}
