import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from '../../util/describe-value.js';
import type { ZeroShotLabel } from './zero-shot-types.js';

/**
 * Checks labels given at run time and returns plain copies: an array of `{ id, descriptions }`
 * with non-empty unique ids and string descriptions (an empty list means "described by the id").
 *
 * @throws {InvalidInputError} naming the bad label (`labels[2].id`).
 * @example validateLabels([{ id: 'billing', descriptions: ['invoice or payment'] }], 'labels', 1)
 */
export function validateLabels(
  value: unknown,
  parameter: string,
  minimum: number,
): ZeroShotLabel[] {
  if (!Array.isArray(value)) {
    throw new InvalidInputError({
      parameter,
      message: `${parameter} must be an array of { id, descriptions }; got ${describeValue(value)}.`,
    });
  }
  if (value.length < minimum) {
    throw new InvalidInputError({
      parameter,
      message: `${parameter} needs at least ${minimum} label(s); got ${value.length}.`,
    });
  }
  const seen = new Set<string>();
  // Array.from visits the holes of a sparse array (as undefined), which map() would skip.
  return Array.from(value as unknown[], (label: unknown, index) => {
    const where = `${parameter}[${index}]`;
    const candidate = label as Partial<ZeroShotLabel> | null;
    if (typeof candidate !== 'object' || candidate === null) {
      throw new InvalidInputError({
        parameter: where,
        message: `${where} must be { id, descriptions }; got ${describeValue(label)}.`,
      });
    }
    const { id, descriptions = [] } = candidate;
    if (typeof id !== 'string' || id.trim() === '') {
      throw new InvalidInputError({
        parameter: `${where}.id`,
        message: `${where}.id must be a non-empty string; got ${describeValue(id)}.`,
      });
    }
    if (seen.has(id)) {
      throw new InvalidInputError({
        parameter: `${where}.id`,
        message: `Label ids must be unique; "${id}" appears twice.`,
      });
    }
    seen.add(id);
    if (
      !Array.isArray(descriptions) ||
      Array.from(descriptions as unknown[]).some((text) => typeof text !== 'string')
    ) {
      throw new InvalidInputError({
        parameter: `${where}.descriptions`,
        message: `${where}.descriptions must be an array of strings.`,
      });
    }
    return { id, descriptions: [...(descriptions as string[])] };
  });
}
