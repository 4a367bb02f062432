import { InvalidInputError } from '@ondevice/errors';
import { checkOptions, optionRules } from '../util/check-options.js';
import { describeValue } from '../util/describe-value.js';

/** Every option of `createClient()` and the check of its type (values are checked below). */
const clientOptionRules = {
  backend: optionRules.any, // parseBackendPreference: UnknownBackendError listing the valid ones
  worker: optionRules.boolean,
  assetBaseUrl: optionRules.any, // resolveAssetBaseUrl
  autoBackendBudgetMs: optionRules.any,
  allowSoftwareRenderer: optionRules.boolean,
  rememberBackend: optionRules.boolean,
  modelCache: optionRules.oneOf('persistent', 'memory'),
  createWorker: optionRules.function,
  models: optionRules.any,
  defaultModel: optionRules.string,
  modelHost: optionRules.any,
  limits: optionRules.any, // resolveLimits
  network: optionRules.any, // the loader's own checks
};
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
  checkOptions(options, clientOptionRules, 'createClient()');
  const { autoBackendBudgetMs, models } = options as ClientOptions;
  if (
    autoBackendBudgetMs !== undefined &&
    !(typeof autoBackendBudgetMs === 'number' && autoBackendBudgetMs > 0)
  ) {
    throw new InvalidInputError({
      parameter: 'autoBackendBudgetMs',
      message: `autoBackendBudgetMs must be a positive number of milliseconds; got ${describeValue(autoBackendBudgetMs)}.`,
    });
  }
  const { modelHost } = options as ClientOptions;
  if (
    modelHost !== undefined &&
    !(typeof modelHost === 'string' && /^https?:\/\/./.test(modelHost))
  ) {
    throw new InvalidInputError({
      parameter: 'modelHost',
      message: `modelHost must be an http(s) URL such as 'https://huggingface.co/'; got ${describeValue(modelHost)}.`,
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
