import { ClassifierStorageError, InvalidClassifierDataError } from '@ondevice/errors';
import { describeValue } from '../../util/describe-value.js';
import { type StoredRecord, storedVersion } from './classifier-store.js';
import { type TeachableModel, fromExport } from './teachable-model.js';
import {
  type ExportExpectations,
  exportVersion,
  isNewerVersion,
  validateTeachableExport,
} from './validate-export.js';

/**
 * A stored classifier, checked: its model, the example vectors that were stored (by text), the
 * revision it was read at, and whether it is still in the version-1 layout (the next write
 * rewrites it whole).
 *
 * @example
 * const { model, vectors, revision } = readStoredClassifier(stored, 'intents', expected)
 */
export interface StoredClassifier {
  model: TeachableModel;
  vectors: Map<string, Float32Array>;
  revision: number;
  legacy: boolean;
}

const metaFields = [
  'format',
  'version',
  'id',
  'modelId',
  'labels',
  'head',
  'unsureBelow',
  'revision',
];
const exampleFields = ['text', 'label', 'taughtAt', 'vector'];

/**
 * Checks a stored classifier (either layout) against the classifier's model. A vector that does
 * not fit (wrong length, not finite) is dropped, not fatal: it is recomputed from the text.
 *
 * @throws {ClassifierStorageError} `newer-version` when a newer version of ondevice wrote it,
 *   `invalid` (with the `InvalidClassifierDataError` naming the field as cause) otherwise.
 * @example
 * const stored = readStoredClassifier(await store.read('intents'), 'intents', { modelId: 'use-lite', dimensions: 512 })
 */
export function readStoredClassifier(
  stored: StoredRecord,
  classifierId: string,
  expected: ExportExpectations,
): StoredClassifier {
  const supported = stored.layout === 1 ? exportVersion : storedVersion;
  if (isNewerVersion(stored.meta, supported)) {
    const version = (stored.meta as { version: number }).version;
    throw new ClassifierStorageError({
      classifierId,
      reason: 'newer-version',
      message: `The stored classifier "${classifierId}" was written by a newer version of ondevice (stored version ${Number.isFinite(version) ? version : 'newer'}; this version reads up to ${supported}). It is kept as it was, never overwritten: update ondevice to use it, save it with storedRecord(), or discard it with reset().`,
    });
  }
  try {
    return stored.layout === 1 ? readLegacy(stored, expected) : readCurrent(stored, expected);
  } catch (error) {
    if (!InvalidClassifierDataError.isInstance(error)) throw error;
    throw new ClassifierStorageError({
      classifierId,
      reason: 'invalid',
      cause: error,
      message: `The stored classifier "${classifierId}" cannot be read (${error.message}). It is kept as it was, never overwritten: save it with storedRecord() to repair it, or discard it with reset().`,
    });
  }
}

function readLegacy(stored: StoredRecord, expected: ExportExpectations): StoredClassifier {
  const model = fromExport(validateTeachableExport(stored.meta, expected));
  return { model, vectors: new Map(), revision: 0, legacy: true };
}

function readCurrent(stored: StoredRecord, expected: ExportExpectations): StoredClassifier {
  const meta = stored.meta as Record<string, unknown> | null;
  const fail = (path: string, message: string): never => {
    throw new InvalidClassifierDataError({
      path,
      message: `Invalid classifier data at ${path}: ${message}`,
    });
  };
  if (typeof meta !== 'object' || meta === null)
    fail('$', `expected an object; got ${describeValue(meta)}.`);
  const record = meta as Record<string, unknown>;
  if (record.format !== 'ondevice.teachable.stored') {
    fail('format', `expected "ondevice.teachable.stored"; got ${describeValue(record.format)}.`);
  }
  if (record.version !== storedVersion) {
    fail('version', `expected ${storedVersion}; got ${describeValue(record.version)}.`);
  }
  for (const key of Object.keys(record)) {
    if (!metaFields.includes(key)) fail(key, 'unknown field.');
  }
  if (!Number.isSafeInteger(record.revision) || (record.revision as number) < 1) {
    fail('revision', `expected a positive integer; got ${describeValue(record.revision)}.`);
  }
  const vectors = new Map<string, Float32Array>();
  const examples = stored.examples.map((entry, index) => {
    if (typeof entry !== 'object' || entry === null) {
      fail(`examples[${index}]`, `expected an object; got ${describeValue(entry)}.`);
    }
    const example = entry as Record<string, unknown>;
    for (const key of Object.keys(example)) {
      if (!exampleFields.includes(key)) fail(`examples[${index}].${key}`, 'unknown field.');
    }
    const { vector } = example;
    if (
      vector instanceof Float32Array &&
      vector.length === expected.dimensions &&
      vector.every(Number.isFinite) &&
      typeof example.text === 'string'
    ) {
      vectors.set(example.text, vector);
    }
    return { text: example.text, label: example.label, taughtAt: example.taughtAt };
  });
  // Examples are stored by text, so they come back in text order: the order they were taught in
  // is their `taughtAt` (ISO 8601 strings sort as dates), then their text.
  examples.sort((left, right) =>
    String(left.taughtAt) < String(right.taughtAt)
      ? -1
      : String(left.taughtAt) > String(right.taughtAt)
        ? 1
        : 0,
  );
  const data = validateTeachableExport(
    {
      format: 'ondevice.teachable',
      version: exportVersion,
      id: record.id,
      modelId: record.modelId,
      labels: record.labels,
      examples,
      head: record.head,
      unsureBelow: record.unsureBelow,
    },
    expected,
  );
  return { model: fromExport(data), vectors, revision: record.revision as number, legacy: false };
}
