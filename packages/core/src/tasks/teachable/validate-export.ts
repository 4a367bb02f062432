import { InvalidClassifierDataError } from '@ondevice/errors';
import { describeValue } from '../../util/describe-value.js';
import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';
import type { TaughtExample, TeachableExport } from './teachable-types.js';

/** What an import is checked against: the classifier's model and its embedding size. */
export interface ExportExpectations {
  modelId: string;
  dimensions: number;
}

function fail(path: string, message: string): never {
  throw new InvalidClassifierDataError({
    path,
    message: `Invalid classifier data at ${path}: ${message}`,
  });
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

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `expected an array; got ${describeValue(value)}.`);
  return value;
}

function numbers(value: unknown, path: string, length: number): number[] {
  const list = array(value, path);
  if (list.length !== length) {
    fail(path, `expected ${length} numbers; got ${list.length}.`);
  }
  list.forEach((entry, index) => {
    if (typeof entry !== 'number' || !Number.isFinite(entry)) {
      fail(`${path}[${index}]`, `expected a finite number; got ${describeValue(entry)}.`);
    }
  });
  return list as number[];
}

/**
 * Checks data given to `import()` (or read back from storage) and returns a clean copy.
 * Rejects, naming the field: another format or version, another embedding model, labels that are
 * not unique, examples whose label is not declared, a head whose labels or shapes do not match.
 *
 * @throws {InvalidClassifierDataError} with `path` set to the offending field.
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
  if (root.version !== 1) {
    fail(
      'version',
      `this version of ondevice reads version 1; got ${describeValue(root.version)}.`,
    );
  }
  const id = string(root.id, 'id');
  const modelId = string(root.modelId, 'modelId');
  if (modelId !== expected.modelId) {
    fail(
      'modelId',
      `the classifier was trained on embeddings of "${modelId}", this one uses "${expected.modelId}".`,
    );
  }
  const labels: ZeroShotLabel[] = array(root.labels, 'labels').map((entry, index) => {
    const path = `labels[${index}]`;
    const label = record(entry, path);
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
  const examples: TaughtExample[] = array(root.examples, 'examples').map((entry, index) => {
    const path = `examples[${index}]`;
    const example = record(entry, path);
    const label = string(example.label, `${path}.label`);
    if (!ids.has(label)) {
      fail(`${path}.label`, `label "${label}" is not among the declared labels.`);
    }
    const taughtAt = string(example.taughtAt, `${path}.taughtAt`);
    if (Number.isNaN(Date.parse(taughtAt))) {
      fail(`${path}.taughtAt`, `expected an ISO 8601 date; got "${taughtAt}".`);
    }
    return { text: string(example.text, `${path}.text`, true), label, taughtAt };
  });
  const unsureBelow = root.unsureBelow;
  if (typeof unsureBelow !== 'number' || !(unsureBelow >= 0 && unsureBelow <= 1)) {
    fail('unsureBelow', `expected a number in [0, 1]; got ${describeValue(unsureBelow)}.`);
  }
  let head: TeachableExport['head'] = null;
  if (root.head !== null && root.head !== undefined) {
    const raw = record(root.head, 'head');
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
    version: 1,
    id,
    modelId,
    labels,
    examples,
    head,
    unsureBelow,
  };
}
