/**
 * A short description of a value for error messages (`null`, `an array`, `number 42`).
 *
 * @example
 * describeValue([1]) // 'an array'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
