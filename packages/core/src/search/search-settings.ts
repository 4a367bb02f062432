import { InvalidInputError } from '@ondevice/errors';
import { checkOptions, optionRules } from '../util/check-options.js';
import { describeValue } from '../util/describe-value.js';
import type { SearchIndexOptions } from './search-types.js';

/**
 * A search index's options, checked, with defaults applied.
 *
 * @example
 * const settings: SearchSettings = { id: 'help', fields: { title: 2, body: 1 }, idField: 'id', facets: [], persist: true }
 */
export interface SearchSettings {
  id: string;
  fields: Record<string, number>;
  idField: string;
  facets: string[];
  persist: boolean;
}

const invalid = (parameter: string, message: string): never => {
  throw new InvalidInputError({ parameter, message: `searchIndex(): ${message}` });
};

const fieldName = (value: unknown, parameter: string): string => {
  if (typeof value !== 'string' || value === '') {
    invalid(parameter, `${parameter} must be a non-empty string; got ${describeValue(value)}.`);
  }
  return value as string;
};

/**
 * Checks `client.searchIndex()` options.
 *
 * @throws {InvalidInputError} naming the option that is missing or malformed.
 * @example
 * searchSettings({ id: 'help', fields: ['title', 'body'] })
 */
export function searchSettings(options: SearchIndexOptions): SearchSettings {
  if (typeof options !== 'object' || options === null) {
    invalid(
      'options',
      `expected an options object ({ id, fields }); got ${describeValue(options)}.`,
    );
  }
  checkOptions(
    options,
    {
      id: optionRules.any,
      fields: optionRules.any,
      idField: optionRules.string,
      facets: optionRules.any,
      persist: optionRules.boolean,
      model: optionRules.string,
    },
    'searchIndex()',
  );
  const id = fieldName(options.id, 'id');
  const fields: Record<string, number> = {};
  const given = options.fields as unknown;
  if (Array.isArray(given)) {
    given.forEach((field, index) => {
      const name = fieldName(field, `fields[${index}]`);
      if (Object.hasOwn(fields, name))
        invalid(`fields[${index}]`, `field "${name}" is listed twice.`);
      fields[name] = 1;
    });
  } else if (typeof given === 'object' && given !== null) {
    for (const [name, weight] of Object.entries(given)) {
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
        invalid(
          `fields.${name}`,
          `a field's weight must be a positive number; got ${describeValue(weight)}.`,
        );
      }
      fields[name] = weight as number;
    }
  } else {
    invalid(
      'fields',
      `fields must be a list of text fields or { field: weight }; got ${describeValue(given)}.`,
    );
  }
  if (Object.keys(fields).length === 0)
    invalid('fields', 'name at least one text field to search.');
  const idField = fieldName(options.idField ?? 'id', 'idField');
  if (Object.hasOwn(fields, idField)) {
    invalid('idField', `the id field "${idField}" cannot also be a text field.`);
  }
  const facets: string[] = [];
  const facetList = (options.facets ?? []) as unknown;
  if (!Array.isArray(facetList)) {
    invalid('facets', `facets must be a list of field names; got ${describeValue(facetList)}.`);
  }
  (facetList as unknown[]).forEach((facet, index) => {
    const name = fieldName(facet, `facets[${index}]`);
    if (facets.includes(name)) invalid(`facets[${index}]`, `facet "${name}" is listed twice.`);
    facets.push(name);
  });
  return { id, fields, idField, facets, persist: options.persist ?? true };
}
