import type { PackedVectors } from './teachable-task.js';

/**
 * Packs the vectors of `texts` into one typed array.
 *
 * @example
 * const packed = packVectors(['refund please'], vectors)
 */
export function packVectors(
  texts: readonly string[],
  vectors: ReadonlyMap<string, Float32Array>,
): PackedVectors {
  const present = texts.filter((text) => vectors.has(text));
  const dimensions =
    present.length > 0 ? (vectors.get(present[0] as string) as Float32Array).length : 0;
  const data = new Float32Array(present.length * dimensions);
  present.forEach((text, index) => data.set(vectors.get(text) as Float32Array, index * dimensions));
  return { texts: present, data };
}

/**
 * The vectors of a {@link PackedVectors}, by text: copies, not views into its array, since
 * storing or posting a view clones the whole buffer under it.
 *
 * @example
 * const vectors = unpackVectors(state.vectors)
 */
export function unpackVectors(packed: PackedVectors): Map<string, Float32Array> {
  const vectors = new Map<string, Float32Array>();
  const dimensions = packed.texts.length > 0 ? packed.data.length / packed.texts.length : 0;
  packed.texts.forEach((text, index) => {
    vectors.set(text, packed.data.slice(index * dimensions, (index + 1) * dimensions));
  });
  return vectors;
}
