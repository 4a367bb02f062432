import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from '../util/describe-value.js';
import type { SearchSettings } from './search-settings.js';

/**
 * A document id as the index keys it: a non-empty string, or a finite number as text.
 *
 * @throws {InvalidInputError} naming `parameter` when the id is neither.
 * @example
 * documentKey(42, 'documents[0].id') // '42'
 */
export function documentKey(id: unknown, parameter: string): string {
  if ((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id))) {
    return String(id);
  }
  throw new InvalidInputError({
    parameter,
    message: `A document id must be a non-empty string or a finite number; got ${describeValue(id)}.`,
  });
}
/**
 * Checks one document against an index's settings: a plain object with a valid id, text fields
 * that are strings (or left out), facets that are a string, number, boolean or list of strings,
 * Returns its key. (Whether it can be stored is checked when it is copied.)
 *
 * @throws {InvalidInputError} naming the field (`documents[3].title`).
 * @example
 * checkDocument(settings, { id: 'a', title: 'Refunds' }, 'documents[0]') // 'a'
 */
export function checkDocument(settings: SearchSettings, document: unknown, path: string): string {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InvalidInputError({
      parameter: path,
      message: `A document must be a plain object; got ${describeValue(document)}.`,
    });
  }
  const record = document as Record<string, unknown>;
  const key = documentKey(record[settings.idField], `${path}.${settings.idField}`);
  for (const field of Object.keys(settings.fields)) {
    const value = record[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new InvalidInputError({
        parameter: `${path}.${field}`,
        message: `Text field "${field}" must be a string (or left out); got ${describeValue(value)}.`,
      });
    }
  }
  for (const field of settings.facets) {
    const value = record[field];
    const ok =
      value === undefined ||
      value === null ||
      ['string', 'number', 'boolean'].includes(typeof value) ||
      (Array.isArray(value) && value.every((entry) => typeof entry === 'string'));
    if (!ok) {
      throw new InvalidInputError({
        parameter: `${path}.${field}`,
        message: `Facet "${field}" must be a string, number, boolean or a list of strings; got ${describeValue(value)}.`,
      });
    }
  }
  return key;
}
