import { InvalidClassifierDataError } from '@ondevice/errors';
import { describeValue } from '../../util/describe-value.js';
import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';
import { type TeachableLimits, checkTeachableLimit } from './teachable-limits.js';
import type { TaughtExample, TeachableExport } from './teachable-types.js';

/** The export format version this version of ondevice writes and reads. */
export const exportVersion = 1;

/**
 * What an import is checked against: the classifier's model, its embedding size, and the
 * client's limits on labels and examples.
 */
export interface ExportExpectations {
  modelId: string;
  dimensions: number;
  limits?: TeachableLimits | undefined;
}

function fail(path: string, message: string): never {
  throw new InvalidClassifierDataError({
    path,
    message: `Invalid classifier data at ${path}: ${message}`,
  });
}

/** Every field of the data is known: an unknown one would be dropped silently on export. */
function onlyKnown(value: Record<string, unknown>, path: string, known: readonly string[]) {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const at = path === '$' ? key : `${path}.${key}`;
      fail(at, `unknown field (the known fields are ${known.join(', ')}).`);
    }
  }
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, `expected an object; got ${describeValue(value)}.`);
  }
  return value as Record<string, unknown>;
}

function string(value: unknown, path: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
    fail(path, `expected a non-empty string; got ${describeValue(value)}.`);
  }
  return value;
}

/** The entries of an array, holes included (`map` and `forEach` skip holes). */
function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `expected an array; got ${describeValue(value)}.`);
  const entries: unknown[] = [];
  for (let index = 0; index < value.length; index += 1) {
    if (!(index in value)) fail(`${path}[${index}]`, 'missing (a hole in the array).');
    entries.push(value[index]);
  }
  return entries;
}

/**
 * Numbers that stay finite as float32 (`1e308` is finite in JavaScript but Infinity in a
 * Float32Array, which would turn every prediction into NaN). Typed arrays (stored heads) are
 * accepted too.
 */
function numbers(value: unknown, path: string, length: number): number[] {
  const list =
    ArrayBuffer.isView(value) && !(value instanceof DataView)
      ? Array.from(value as Float32Array)
      : array(value, path);
  if (list.length !== length) {
    fail(path, `expected ${length} numbers; got ${list.length}.`);
  }
  for (let index = 0; index < list.length; index += 1) {
    const entry = list[index];
    if (typeof entry !== 'number' || !Number.isFinite(Math.fround(entry))) {
      fail(
        `${path}[${index}]`,
        `expected a number that is finite as a 32-bit float (|x| < 3.4e38); got ${describeValue(entry)}.`,
      );
    }
  }
  return list as number[];
}

/**
 * Whether `data` is classifier data of a format version newer than this version of ondevice
 * reads (`supported`).
 *
 * @example
 * if (isNewerVersion(stored, 2)) showUpdateNotice()
 */
export function isNewerVersion(data: unknown, supported: number): boolean {
  const version = (data as { version?: unknown } | null)?.version;
  return typeof version === 'number' && Number.isFinite(version) && version > supported;
}

/**
 * Checks data given to `import()` (or read back from storage) and returns a clean copy.
 * Rejects, naming the field: another format or version (a newer one says so), another embedding
 * model, unknown fields, holes in arrays, labels that are not unique, examples whose label is
 * not declared, a head whose labels or shapes do not match or whose numbers are not finite as
 * 32-bit floats; over the limits on labels or examples, a `LimitExceededError`.
 *
 * @throws {InvalidClassifierDataError} with `path` set to the offending field.
 * @throws {LimitExceededError} over `maxLabels` or `maxExamples`.
 * @example
 * const data = validateTeachableExport(JSON.parse(json), { modelId: 'use-lite', dimensions: 512 })
 */
export function validateTeachableExport(
  data: unknown,
  expected: ExportExpectations,
): TeachableExport {
  const root = record(data, '$');
  if (root.format !== 'ondevice.teachable') {
    fail('format', `expected "ondevice.teachable"; got ${describeValue(root.format)}.`);
  }
  if (isNewerVersion(root, exportVersion)) {
    fail(
      'version',
      `written by a newer version of ondevice (format version ${String(root.version)}); this version reads version ${exportVersion}. Update ondevice to read it.`,
    );
  }
  if (root.version !== exportVersion) {
    fail(
      'version',
      `this version of ondevice reads version ${exportVersion}; got ${describeValue(root.version)}.`,
    );
  }
  onlyKnown(root, '$', [
    'format',
    'version',
    'id',
    'modelId',
    'labels',
    'examples',
    'head',
    'unsureBelow',
  ]);
  const id = string(root.id, 'id');
  const modelId = string(root.modelId, 'modelId');
  if (modelId !== expected.modelId) {
    fail(
      'modelId',
      `the classifier was trained on embeddings of "${modelId}", this one uses "${expected.modelId}".`,
    );
  }
  const rawLabels = array(root.labels, 'labels');
  checkTeachableLimit(expected.limits, 'maxLabels', rawLabels.length, 'The classifier data');
  const labels: ZeroShotLabel[] = rawLabels.map((entry, index) => {
    const path = `labels[${index}]`;
    const label = record(entry, path);
    onlyKnown(label, path, ['id', 'descriptions']);
    const descriptions = array(label.descriptions, `${path}.descriptions`).map((text, position) =>
      string(text, `${path}.descriptions[${position}]`, true),
    );
    return { id: string(label.id, `${path}.id`), descriptions };
  });
  const ids = new Set<string>();
  labels.forEach((label, index) => {
    if (ids.has(label.id)) fail(`labels[${index}].id`, `label "${label.id}" is declared twice.`);
    ids.add(label.id);
  });
  const rawExamples = array(root.examples, 'examples');
  checkTeachableLimit(expected.limits, 'maxExamples', rawExamples.length, 'The classifier data');
  const texts = new Set<string>();
  const examples: TaughtExample[] = rawExamples.map((entry, index) => {
    const path = `examples[${index}]`;
    const example = record(entry, path);
    onlyKnown(example, path, ['text', 'label', 'taughtAt']);
    const label = string(example.label, `${path}.label`);
    if (!ids.has(label)) {
      fail(`${path}.label`, `label "${label}" is not among the declared labels.`);
    }
    const taughtAt = string(example.taughtAt, `${path}.taughtAt`);
    if (Number.isNaN(Date.parse(taughtAt))) {
      fail(`${path}.taughtAt`, `expected an ISO 8601 date; got "${taughtAt}".`);
    }
    const text = string(example.text, `${path}.text`, true);
    if (texts.has(text)) fail(`${path}.text`, `the text "${text}" is taught twice.`);
    texts.add(text);
    return { text, label, taughtAt };
  });
  const unsureBelow = root.unsureBelow;
  if (typeof unsureBelow !== 'number' || !(unsureBelow >= 0 && unsureBelow <= 1)) {
    fail('unsureBelow', `expected a number in [0, 1]; got ${describeValue(unsureBelow)}.`);
  }
  let head: TeachableExport['head'] = null;
  if (root.head !== null && root.head !== undefined) {
    const raw = record(root.head, 'head');
    onlyKnown(raw, 'head', ['labels', 'weights', 'bias', 'dimensions']);
    if (raw.dimensions !== expected.dimensions) {
      fail(
        'head.dimensions',
        `"${expected.modelId}" embeddings have ${expected.dimensions} dimensions; got ${describeValue(raw.dimensions)}.`,
      );
    }
    const headLabels = array(raw.labels, 'head.labels').map((label, index) =>
      string(label, `head.labels[${index}]`),
    );
    const sameLabels =
      headLabels.length === ids.size &&
      headLabels.every((label) => ids.has(label)) &&
      new Set(headLabels).size === headLabels.length;
    if (!sameLabels) {
      fail(
        'head.labels',
        `the head's labels (${headLabels.join(', ')}) must be exactly the declared labels.`,
      );
    }
    head = {
      labels: headLabels,
      weights: numbers(raw.weights, 'head.weights', headLabels.length * expected.dimensions),
      bias: numbers(raw.bias, 'head.bias', headLabels.length),
      dimensions: expected.dimensions,
    };
  } else if (examples.length > 0) {
    fail('head', 'a classifier with examples must carry its trained head.');
  }
  return {
    format: 'ondevice.teachable',
    version: exportVersion,
    id,
    modelId,
    labels,
    examples,
    head,
    unsureBelow,
  };
}
