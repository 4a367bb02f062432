import { InvalidInputError } from '@ondevice/errors';
import { checkOptions, optionRules } from '../util/check-options.js';
import { describeValue } from '../util/describe-value.js';
import { type RecommenderAlgorithm, recommenderAlgorithms } from './recommend-types.js';

/**
 * What the recommender embeds item texts with: the client's embedder (in the worker).
 *
 * @example
 * const embedder: ItemEmbedder = client.embedder()
 */
export interface ItemEmbedder {
  embed(
    texts: readonly string[],
    options?: { signal?: AbortSignal },
  ): Promise<{ embeddings: Float32Array[] }>;
}

/**
 * A recommender's options, checked.
 *
 * @example
 * const settings: RecommenderSettings = { id: 'catalog', persist: true }
 */
export interface RecommenderSettings {
  id: string;
  persist: boolean;
  algorithm: RecommenderAlgorithm;
}

/**
 * Checks `client.recommender()` options.
 *
 * @throws {InvalidInputError} naming the option that is missing or malformed.
 * @example
 * recommenderSettings({ id: 'catalog' })
 */
export function recommenderSettings(options: unknown): RecommenderSettings {
  checkOptions(
    options,
    {
      id: optionRules.any,
      model: optionRules.string,
      persist: optionRules.boolean,
      algorithm: optionRules.oneOf(...recommenderAlgorithms),
    },
    'recommender()',
  );
  const { id, persist, algorithm } = (options ?? {}) as {
    id?: unknown;
    persist?: boolean;
    algorithm?: RecommenderAlgorithm;
  };
  if (typeof id !== 'string' || id === '') {
    throw new InvalidInputError({
      parameter: 'id',
      message: `recommender() needs an id (a non-empty string: where it persists); got ${describeValue(id)}.`,
    });
  }
  return { id, persist: persist ?? true, algorithm: algorithm ?? 'auto' };
}
