/**
 * JSON with the keys of every object sorted (by UTF-16 code units, as RFC 8785 does) and no
 * whitespace, so that equal values always give equal text, whatever order their keys were
 * written in. Like `JSON.stringify`, it drops object properties whose value is `undefined`.
 * Used to hash audit records.
 *
 * @example
 * canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } }) // '{"a":{"c":"x","d":[true,null]},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) as string | undefined;
    // `undefined` and functions have no JSON form: inside arrays JSON.stringify writes null.
    return text ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}
