import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from '../util/describe-value.js';
import type { SearchSettings } from './search-settings.js';
import type { SearchDocument, SearchFilters } from './search-types.js';

/**
 * The values of a facet field: a list of tags, or one value (as text); none when left out.
 *
 * @example
 * facetValues(['billing', 'export']) // ['billing', 'export']
 */
export function facetValues(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * The predicate of a search's filters (any value of a list, every field given), over document
 * keys.
 *
 * @throws {InvalidInputError} naming a filter that is not a facet of the index or a bad value.
 * @example
 * const accept = filterOf(settings, { category: 'billing' }, (key) => documents.get(key))
 */
export function filterOf(
  settings: SearchSettings,
  filters: SearchFilters | undefined,
  documentOf: (key: string) => SearchDocument | undefined,
): (key: string) => boolean {
  if (filters === undefined) return () => true;
  if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) {
    throw new InvalidInputError({
      parameter: 'options.filters',
      message: `filters must be { facet: value | values }; got ${describeValue(filters)}.`,
    });
  }
  const wanted: [string, Set<string>][] = [];
  for (const [field, value] of Object.entries(filters)) {
    if (!settings.facets.includes(field)) {
      throw new InvalidInputError({
        parameter: `options.filters.${field}`,
        message: `"${field}" is not a facet of this index; its facets: ${settings.facets.join(', ') || '(none)'}.`,
      });
    }
    const values = Array.isArray(value) ? value : [value];
    values.forEach((entry: unknown, index) => {
      if (!['string', 'number', 'boolean'].includes(typeof entry)) {
        throw new InvalidInputError({
          parameter: `options.filters.${field}${Array.isArray(value) ? `[${index}]` : ''}`,
          message: `a filter value must be a string, number or boolean; got ${describeValue(entry)}.`,
        });
      }
    });
    wanted.push([field, new Set(values.map(String))]);
  }
  return (key) => {
    const document = documentOf(key);
    if (!document) return false;
    return wanted.every(([field, values]) =>
      facetValues(document[field]).some((value) => values.has(value)),
    );
  };
}
/**
 * The facet fields a search counts: those asked for (each a facet of the index), or all.
 *
 * @throws {InvalidInputError} naming a field that is not a facet.
 * @example
 * facetFieldsOf(settings, ['category']) // ['category']
 */
export function facetFieldsOf(
  settings: SearchSettings,
  facets: readonly string[] | undefined,
): string[] {
  if (facets === undefined) return [...settings.facets];
  if (!Array.isArray(facets)) {
    throw new InvalidInputError({
      parameter: 'options.facets',
      message: `facets must be a list of facet fields; got ${describeValue(facets)}.`,
    });
  }
  facets.forEach((field: unknown, index) => {
    if (typeof field !== 'string' || !settings.facets.includes(field)) {
      throw new InvalidInputError({
        parameter: `options.facets[${index}]`,
        message: `${describeValue(field)} is not a facet of this index; its facets: ${settings.facets.join(', ') || '(none)'}.`,
      });
    }
  });
  return [...facets];
}
/**
 * Documents by facet field and value, over `keys` (a document counts once per value).
 *
 * @example
 * countFacets(['a', 'b'], ['category'], (key) => documents.get(key)) // { category: { billing: 2 } }
 */
export function countFacets(
  keys: Iterable<string>,
  fields: readonly string[],
  documentOf: (key: string) => SearchDocument,
): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const field of fields) counts[field] = {};
  for (const key of keys) {
    const document = documentOf(key);
    for (const field of fields) {
      const bucket = counts[field] as Record<string, number>;
      for (const value of new Set(facetValues(document[field]))) {
        bucket[value] = (bucket[value] ?? 0) + 1;
      }
    }
  }
  return counts;
}
