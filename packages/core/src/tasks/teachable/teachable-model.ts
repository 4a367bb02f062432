import { InvalidInputError } from '@ondevice/errors';
import type { LinearHead } from './linear-head.js';
import { describeValue } from '../../util/describe-value.js';
import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';
import type { TaughtExample, TeachableExample, TeachableExport } from './teachable-types.js';

/**
 * Everything a classifier is: what is exported, stored, and sent to the engine.
 *
 * @example
 * const model: TeachableModel = { labels, examples: [], head: null, unsureBelow: 0.5 }
 */
export interface TeachableModel {
  labels: ZeroShotLabel[];
  examples: TaughtExample[];
  head: LinearHead | null;
  unsureBelow: number;
}

/**
 * The versioned JSON form of a classifier's model (plain arrays, copies).
 *
 * @example const json = JSON.stringify(toExport('intents', 'use-lite', model))
 */
export function toExport(id: string, modelId: string, model: TeachableModel): TeachableExport {
  return {
    format: 'ondevice.teachable',
    version: 1,
    id,
    modelId,
    labels: model.labels.map((label) => ({ id: label.id, descriptions: [...label.descriptions] })),
    examples: model.examples.map((example) => ({ ...example })),
    head: model.head && {
      labels: [...model.head.labels],
      weights: Array.from(model.head.weights),
      bias: Array.from(model.head.bias),
      dimensions: model.head.dimensions,
    },
    unsureBelow: model.unsureBelow,
  };
}

/**
 * A model from validated export data (typed arrays for the head).
 *
 * @example const model = fromExport(validateTeachableExport(data, expected))
 */
export function fromExport(data: TeachableExport): TeachableModel {
  return {
    labels: data.labels,
    examples: data.examples,
    head: data.head && {
      labels: data.head.labels,
      weights: Float32Array.from(data.head.weights),
      bias: Float32Array.from(data.head.bias),
      dimensions: data.head.dimensions,
    },
    unsureBelow: data.unsureBelow,
  };
}

/**
 * Checks the examples given to `learn()`.
 *
 * @throws {InvalidInputError} naming the bad example (`examples[2].label`).
 * @example validateExamples({ text: 'refund please', label: 'billing' }) // [{ text, label }]
 */
export function validateExamples(value: unknown): TeachableExample[] {
  const examples = isExample(value) ? [value] : value;
  if (!Array.isArray(examples)) {
    throw new InvalidInputError({
      parameter: 'examples',
      message: `learn() takes { text, label } or an array of them; got ${describeValue(value)}.`,
    });
  }
  const checked: TeachableExample[] = [];
  // A plain loop: `map` skips the holes of a sparse array (`[, example]`).
  for (let index = 0; index < examples.length; index += 1) {
    const example: unknown = examples[index];
    if (typeof example !== 'object' || example === null || Array.isArray(example)) {
      throw new InvalidInputError({
        parameter: `examples[${index}]`,
        message: `learn() takes { text, label } objects; examples[${index}] is ${index in examples ? describeValue(example) : 'missing (a hole in the array)'}.`,
      });
    }
    const { text, label } = example as { text?: unknown; label?: unknown };
    if (typeof text !== 'string') {
      throw new InvalidInputError({
        parameter: `examples[${index}].text`,
        message: `learn() needs a string text; examples[${index}].text is ${describeValue(text)}.`,
      });
    }
    if (typeof label !== 'string' || label.trim() === '') {
      throw new InvalidInputError({
        parameter: `examples[${index}].label`,
        message: `learn() needs a non-empty string label; examples[${index}].label is ${describeValue(label)}.`,
      });
    }
    checked.push({ text, label });
  }
  return checked;
}

function isExample(value: unknown): value is TeachableExample {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'text' in value;
}
