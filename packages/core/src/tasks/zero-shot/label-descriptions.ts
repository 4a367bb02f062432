import type { TaskContext } from '../../engine/task-context.js';
import { dot, normalized } from '../../util/vector-math.js';
import type { ZeroShotLabel } from './zero-shot-types.js';

/** Every label's descriptions as unit vectors, in label order. */
export interface EmbeddedLabels {
  ids: string[];
  descriptions: Float32Array[][];
}

/**
 * What a label without descriptions is described by: its id in words
 * (`card_arrival` → `card arrival`, `SciTech` → `sci tech`).
 *
 * @example labelAsText('lost_or_stolen_card') // 'lost or stolen card'
 */
export function labelAsText(id: string): string {
  return id
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/[_\-/.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The descriptions a label is scored with: its own, or its id in words when it has none.
 *
 * @example descriptionsOf({ id: 'card_arrival', descriptions: [] }) // ['card arrival']
 */
export function descriptionsOf(label: ZeroShotLabel): string[] {
  const written = label.descriptions.map((text) => text.trim()).filter((text) => text !== '');
  return written.length > 0 ? written : [labelAsText(label.id)];
}

/**
 * Embeds every label's descriptions (the engine caches them, so this is paid once).
 *
 * @example
 * const labels = await embedLabels([{ id: 'billing', descriptions: ['invoice or payment'] }], context)
 */
export async function embedLabels(
  labels: readonly ZeroShotLabel[],
  context: TaskContext,
): Promise<EmbeddedLabels> {
  const descriptions = labels.map(descriptionsOf);
  const vectors = (await context.embed(descriptions.flat())).map(normalized);
  let offset = 0;
  return {
    ids: labels.map((label) => label.id),
    descriptions: descriptions.map((list) => {
      const own = vectors.slice(offset, offset + list.length);
      offset += list.length;
      return own;
    }),
  };
}

/**
 * Each label's similarity to a text: the cosine similarity of the text's embedding with the
 * label's closest description. (The closest description did better than their mean, or than
 * similarities taken after removing a generic direction, on the intent and sentiment data sets
 * the method was chosen on; see docs/generated/zero-shot-technical-doc.md.)
 *
 * @example
 * labelSimilarities(labels, embedding) // [0.41] (one per label)
 */
export function labelSimilarities(labels: EmbeddedLabels, embedding: Float32Array): number[] {
  const unit = normalized(embedding);
  return labels.descriptions.map((list) =>
    list.reduce((best, description) => Math.max(best, dot(unit, description)), -1),
  );
}
