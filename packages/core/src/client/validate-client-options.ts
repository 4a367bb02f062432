import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from '../util/describe-value.js';
import type { ClientOptions } from './create-client.js';

/**
 * Checks the options of `createClient()` before anything starts.
 *
 * @throws {InvalidInputError} naming the option.
 * @example
 * validateClientOptions({ autoBackendBudgetMs: 0 }) // throws: must be a positive number
 */
export function validateClientOptions(options: unknown): ClientOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError({
      parameter: 'options',
      message: `createClient() takes an options object; got ${describeValue(options)}.`,
    });
  }
  const { autoBackendBudgetMs, models } = options as ClientOptions;
  if (autoBackendBudgetMs !== undefined && !(autoBackendBudgetMs > 0)) {
    throw new InvalidInputError({
      parameter: 'autoBackendBudgetMs',
      message: `autoBackendBudgetMs must be a positive number of milliseconds; got ${String(autoBackendBudgetMs)}.`,
    });
  }
  if (models !== undefined && !Array.isArray(models)) {
    throw new InvalidInputError({
      parameter: 'models',
      message: `models must be an array of model manifests; got ${describeValue(models)}.`,
    });
  }
  return options as ClientOptions;
}
