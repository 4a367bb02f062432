import { InvalidImportError, InvalidInputError } from '@ondevice/errors';
import { describeValue } from './describe-value.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/**
 * Checks of imported or stored data that throw an `InvalidImportError` naming the field, for
 * one kind of data (`search-index`, `recommender`).
 *
 * @example
 * const check = dataChecks('search-index')
 * const root = check.record(data, '$')
 */
export function dataChecks(what: string) {
  const fail = (path: string, message: string): never => {
    throw new InvalidImportError({
      path,
      what,
      message: `Invalid ${what} data at ${path}: ${message}`,
    });
  };
  const record = (value: unknown, path: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fail(path, `expected an object; got ${describeValue(value)}.`);
    }
    return value as Record<string, unknown>;
  };
  return {
    fail,
    record,
    /** Every field is known: an unknown one would be dropped silently. */
    onlyKnown(value: Record<string, unknown>, path: string, known: readonly string[]) {
      for (const key of Object.keys(value)) {
        if (!known.includes(key)) {
          fail(
            path === '$' ? key : `${path}.${key}`,
            `unknown field (the known fields are ${known.join(', ')}).`,
          );
        }
      }
    },
    string(value: unknown, path: string): string {
      if (typeof value !== 'string' || value.trim() === '') {
        fail(path, `expected a non-empty string; got ${describeValue(value)}.`);
      }
      return value as string;
    },
    /** The entries of an array, holes included (`map` skips holes). */
    array(value: unknown, path: string): unknown[] {
      if (!Array.isArray(value)) fail(path, `expected an array; got ${describeValue(value)}.`);
      const list = value as unknown[];
      for (let index = 0; index < list.length; index += 1) {
        if (!(index in list)) fail(`${path}[${index}]`, 'missing (a hole in the array).');
      }
      return list;
    },
    integer(
      value: unknown,
      path: string,
      minimum: number,
      maximum = Number.MAX_SAFE_INTEGER,
    ): number {
      if (!Number.isInteger(value) || (value as number) < minimum || (value as number) > maximum) {
        fail(
          path,
          `expected an integer from ${minimum} to ${maximum}; got ${describeValue(value)}.`,
        );
      }
      return value as number;
    },
    /** A number finite as a 32-bit float. */
    finite(value: unknown, path: string): number {
      if (typeof value !== 'number' || !Number.isFinite(Math.fround(value))) {
        fail(path, `expected a finite number; got ${describeValue(value)}.`);
      }
      return value as number;
    },
    /** The header every export has: format, then version (a newer one says so). */
    header(root: Record<string, unknown>, format: string, version: number) {
      if (root.format !== format) {
        fail('format', `expected "${format}"; got ${describeValue(root.format)}.`);
      }
      const given = root.version;
      if (typeof given === 'number' && Number.isFinite(given) && given > version) {
        fail(
          'version',
          `written by a newer version of ondevice (format version ${given}); this version reads version ${version}. Update ondevice to read it.`,
        );
      }
      if (given !== version) {
        fail(
          'version',
          `this version of ondevice reads version ${version}; got ${describeValue(given)}.`,
        );
      }
    },
  };
}

/**
 * Bytes as base64 (chunked: `String.fromCharCode` takes a bounded number of arguments).
 *
 * @example
 * bytesToBase64(Uint8Array.of(1, 2, 3)) // 'AQID'
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/**
 * {@link base64ToBytes} in slices of about 1 MB of text, letting the event loop run between
 * them (a 100,000-vector export is 69 MB of base64); undefined when the text is not base64.
 *
 * @example
 * const bytes = await base64ToBytesInSlices(data.vectors.codes)
 */
export async function base64ToBytesInSlices(text: string): Promise<Uint8Array | undefined> {
  const sliceLength = 1 << 20; // a multiple of 4: every slice decodes on its own
  if (text.length <= sliceLength) return base64ToBytes(text);
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let start = 0; start < text.length; start += sliceLength) {
    if (start > 0) await yieldToEventLoop();
    const piece = base64ToBytes(text.slice(start, start + sliceLength));
    if (!piece) return undefined;
    bytes.set(piece, at);
    at += piece.length;
  }
  return at === bytes.length ? bytes : undefined;
}

/**
 * Base64 back to bytes; undefined when the text is not base64.
 *
 * @example
 * base64ToBytes('AQID') // Uint8Array [1, 2, 3]
 */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * The data given to an `import()`: an object as it is, or a JSON string parsed, within the
 * client's `maxImportBytes`.
 *
 * @throws {InvalidInputError} (parameter `data`) over the limit or when the string is not JSON.
 * @example
 * const parsed = parseImportData(json, limits.maxImportBytes)
 */
export function parseImportData(data: unknown, maxImportBytes: number): unknown {
  if (typeof data !== 'string') return data;
  if (data.length > maxImportBytes) {
    throw new InvalidInputError({
      parameter: 'data',
      message: `The data is ${data.length} characters, over the client's maxImportBytes (${maxImportBytes}); raise it with createClient({ limits: { maxImportBytes } }).`,
    });
  }
  try {
    return JSON.parse(data);
  } catch (error) {
    throw new InvalidInputError({
      parameter: 'data',
      message: `import() was given a string that is not JSON: ${(error as Error).message}`,
      cause: error,
    });
  }
}
