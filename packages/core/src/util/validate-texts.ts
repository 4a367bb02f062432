import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from './describe-value.js';
import { type Limits, checkLimit } from './limits.js';

/**
 * Checks the `text | texts` argument of a classifier method and returns the list, with a typed
 * error naming the bad index when something is not a string.
 *
 * @throws {InvalidInputError} when the value is not a string or an array of strings.
 * @throws {LimitExceededError} when there are more texts than `limits.maxTextsPerCall`.
 * @example validateTexts('hello', 'analyze') // ['hello']
 */
export function validateTexts(texts: unknown, method: string, limits?: Limits): string[] {
  const list = typeof texts === 'string' ? [texts] : texts;
  if (!Array.isArray(list)) {
    throw new InvalidInputError({
      parameter: 'texts',
      message: `${method}() takes a string or an array of strings; got ${describeValue(texts)}.`,
    });
  }
  if (limits) checkLimit(limits, 'maxTextsPerCall', list.length, `${method}()`);
  // An index loop, not forEach: forEach skips the holes of a sparse array (`[, 'a']`).
  for (let index = 0; index < list.length; index += 1) {
    if (!(index in list)) {
      throw new InvalidInputError({
        parameter: `texts[${index}]`,
        message: `${method}() takes strings only; texts[${index}] is a hole (a sparse array).`,
      });
    }
    const text: unknown = list[index];
    if (typeof text !== 'string') {
      throw new InvalidInputError({
        parameter: `texts[${index}]`,
        message: `${method}() takes strings only; texts[${index}] is ${describeValue(text)}.`,
      });
    }
  }
  return [...(list as string[])];
}

/**
 * Checks a single-text argument (`explain(text)`).
 *
 * @throws {InvalidInputError} when the value is not a string.
 * @example validateText('hello', 'explain') // 'hello'
 */
export function validateText(text: unknown, method: string): string {
  if (typeof text !== 'string') {
    throw new InvalidInputError({
      parameter: 'text',
      message: `${method}() takes one string; got ${describeValue(text)}.`,
    });
  }
  return text;
}
