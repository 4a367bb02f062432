import { InvalidImportError, InvalidInputError } from '@ondevice/errors';
import { base64ToBytesInSlices, dataChecks } from '../util/data-checks.js';
import { describeValue } from '../util/describe-value.js';
import { yieldToEventLoop } from '../util/yield-to-event-loop.js';
import type { SearchDocument } from './search-types.js';

/** The format of `export()`: vectors as base64 and plain numbers, for JSON. */
export const exportFormat = 'ondevice.search-index';
/** The format kept in IndexedDB: vectors as typed arrays, and the keyword index itself. */
export const storedFormat = 'ondevice.search-index.stored';

/**
 * What the data is checked against: the index's model and settings, and its document check.
 * `lenient` (stored data): other settings or another model are no error, the data is only
 * `compatible: false` (its documents are indexed again).
 */
export interface IndexExpectations {
  modelId: string;
  /** The index's vector length, when it holds vectors. */
  dimensions: number | null;
  idField: string;
  fields: Record<string, number>;
  facets: string[];
  check(document: unknown, path: string): string;
  lenient?: boolean;
}

/**
 * Index data that passed every check: documents, their passages and the passages' codes.
 *
 * @example
 * if (checked.compatible) load(checked)
 */
export interface CheckedIndexData {
  compatible: boolean;
  dimensions: number;
  documents: SearchDocument[];
  passages: { document: number; field: string; start: number; end: number }[];
  codes: Int8Array;
  scales: Float32Array;
  keyword?: unknown;
}

const check = dataChecks('search-index');
/** Entries checked between two turns of the event loop. */
const slice = 2000;

const sameRecord = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([key, value]) => Object.hasOwn(b, key) && b[key] === value);

/**
 * Checks exported or stored search-index data, all of it, before anything is applied.
 *
 * @throws {InvalidImportError} naming the first bad field (`documents[3].id`, `vectors.codes`).
 * @example
 * const checked = validateIndexData(JSON.parse(json), exportFormat, expectations)
 */
export async function validateIndexData(
  data: unknown,
  format: typeof exportFormat | typeof storedFormat,
  expected: IndexExpectations,
): Promise<CheckedIndexData> {
  const root = check.record(data, '$');
  check.header(root, format, 1);
  const known = [
    'format',
    'version',
    'id',
    'modelId',
    'dimensions',
    'idField',
    'fields',
    'facets',
    'documents',
    'passages',
    'vectors',
  ];
  check.onlyKnown(
    root,
    '$',
    format === exportFormat ? [...known, 'exportedAt'] : [...known, 'keyword'],
  );
  check.string(root.id, 'id');
  let compatible = true;
  const mismatch = (path: string, message: string) => {
    if (!expected.lenient) check.fail(path, message);
    compatible = false;
  };
  const modelId = check.string(root.modelId, 'modelId');
  if (modelId !== expected.modelId) {
    mismatch(
      'modelId',
      `made with model "${modelId}"; this index embeds with "${expected.modelId}" (vectors of two models cannot be compared).`,
    );
  }
  const idField = check.string(root.idField, 'idField');
  if (idField !== expected.idField) {
    mismatch(
      'idField',
      `the data's id field is "${idField}"; this index's is "${expected.idField}".`,
    );
  }
  const fields = check.record(root.fields, 'fields');
  for (const [name, weight] of Object.entries(fields)) {
    if (typeof weight !== 'number' || !(weight > 0) || !Number.isFinite(weight)) {
      check.fail(`fields.${name}`, `expected a positive weight; got ${describeValue(weight)}.`);
    }
  }
  if (!sameRecord(fields, expected.fields)) {
    mismatch(
      'fields',
      `the data searches ${JSON.stringify(fields)}; this index searches ${JSON.stringify(expected.fields)}.`,
    );
  }
  const facets = check
    .array(root.facets, 'facets')
    .map((facet, index) => check.string(facet, `facets[${index}]`));
  if (facets.join('\u0000') !== expected.facets.join('\u0000')) {
    mismatch(
      'facets',
      `the data's facets are ${JSON.stringify(facets)}; this index's are ${JSON.stringify(expected.facets)}.`,
    );
  }

  const documents: SearchDocument[] = [];
  const ids = new Set<string>();
  const documentList = check.array(root.documents, 'documents');
  for (let index = 0; index < documentList.length; index += 1) {
    // 100,000 documents take a second to check: the page breathes between slices.
    if (index > 0 && index % slice === 0) await yieldToEventLoop();
    const document = documentList[index];
    const path = `documents[${index}]`;
    let key: string;
    try {
      key = expected.check(document, path);
    } catch (error) {
      if (!InvalidInputError.isInstance(error)) throw error;
      throw new InvalidImportError({
        path: error.parameter,
        what: 'search-index',
        message: `Invalid search-index data at ${error.parameter}: ${error.message}`,
        cause: error,
      });
    }
    if (ids.has(key))
      check.fail(`${path}.${expected.idField}`, `document id "${key}" appears twice.`);
    ids.add(key);
    documents.push(document as SearchDocument);
  }
  if (!compatible) {
    return {
      compatible,
      dimensions: 0,
      documents,
      passages: [],
      codes: new Int8Array(),
      scales: new Float32Array(),
    };
  }

  const passageList = check.array(root.passages, 'passages');
  const dimensions = check.integer(
    root.dimensions,
    'dimensions',
    passageList.length > 0 ? 1 : 0,
    65_536,
  );
  if (
    passageList.length > 0 &&
    expected.dimensions !== null &&
    dimensions !== expected.dimensions
  ) {
    check.fail(
      'dimensions',
      `the data's vectors have ${dimensions} dimensions; this index's have ${expected.dimensions}.`,
    );
  }
  const passages: CheckedIndexData['passages'] = [];
  for (let index = 0; index < passageList.length; index += 1) {
    if (index > 0 && index % slice === 0) await yieldToEventLoop();
    const entry = passageList[index];
    const path = `passages[${index}]`;
    const passage = check.record(entry, path);
    check.onlyKnown(passage, path, ['document', 'field', 'start', 'end']);
    const document = check.integer(passage.document, `${path}.document`, 0, documents.length - 1);
    const field = check.string(passage.field, `${path}.field`);
    if (!Object.hasOwn(expected.fields, field))
      check.fail(`${path}.field`, `"${field}" is not a text field of this index.`);
    const value = (documents[document] as SearchDocument)[field];
    const length = typeof value === 'string' ? value.length : 0;
    const start = check.integer(passage.start, `${path}.start`, 0, length);
    const end = check.integer(passage.end, `${path}.end`, start + 1, length);
    passages.push({ document, field, start, end });
  }

  const vectors = check.record(root.vectors, 'vectors');
  check.onlyKnown(vectors, 'vectors', ['codes', 'scales']);
  let codes: Int8Array;
  if (format === exportFormat) {
    if (typeof vectors.codes !== 'string')
      check.fail('vectors.codes', `expected base64 text; got ${describeValue(vectors.codes)}.`);
    const bytes = await base64ToBytesInSlices(vectors.codes as string);
    if (!bytes) check.fail('vectors.codes', 'not valid base64.');
    codes = new Int8Array((bytes as Uint8Array).buffer);
  } else {
    if (!(vectors.codes instanceof Int8Array))
      check.fail('vectors.codes', `expected an Int8Array; got ${describeValue(vectors.codes)}.`);
    codes = vectors.codes as Int8Array;
  }
  if (codes.length !== passages.length * dimensions) {
    check.fail(
      'vectors.codes',
      `expected ${passages.length} passages × ${dimensions} codes = ${passages.length * dimensions}; got ${codes.length}.`,
    );
  }
  const scaleList =
    vectors.scales instanceof Float32Array
      ? Array.from(vectors.scales)
      : check.array(vectors.scales, 'vectors.scales');
  if (scaleList.length !== passages.length) {
    check.fail(
      'vectors.scales',
      `expected one scale per passage (${passages.length}); got ${scaleList.length}.`,
    );
  }
  const scales = new Float32Array(scaleList.length);
  scaleList.forEach((scale, index) => {
    const value = check.finite(scale, `vectors.scales[${index}]`);
    if (value < 0)
      check.fail(`vectors.scales[${index}]`, `a scale cannot be negative; got ${value}.`);
    scales[index] = value;
  });
  return {
    compatible,
    dimensions,
    documents,
    passages,
    codes,
    scales,
    ...(format === storedFormat ? { keyword: root.keyword } : {}),
  };
}
