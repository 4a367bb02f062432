import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from '../util/describe-value.js';

/**
 * How model files and wasm binaries are downloaded: when a download counts as stalled, how
 * long a whole load may take, and how transient failures are retried. Set any of them with
 * `createClient({ network: { … } })`.
 *
 * @example
 * createClient({ network: { stallTimeoutMs: 30_000, retries: 5 } })
 */
export interface NetworkOptions {
  /**
   * A file that receives no bytes for this long (waiting for the answer, or between chunks)
   * fails with `ModelLoadError` reason `stalled`, and is retried.
   * @default 15000
   */
  stallTimeoutMs: number;
  /**
   * The most a model's load may take, retries and initialisation included; past it the load
   * fails with `ModelLoadError` reason `timeout`.
   * @default 300000 (5 minutes)
   */
  loadTimeoutMs: number;
  /**
   * How many times a file is fetched again after a transient failure (HTTP 5xx, 408 or 429, a
   * network error, a stall). A 404 or a file that fails its hash is never retried.
   * @default 3
   */
  retries: number;
  /**
   * Delay before the first retry; each later retry waits twice as long, ±25 % jitter.
   * @default 500
   */
  retryDelayMs: number;
}

/**
 * The network settings every client starts with.
 *
 * @example
 * defaultNetworkOptions.stallTimeoutMs // 15000
 */
export const defaultNetworkOptions: Readonly<NetworkOptions> = Object.freeze({
  stallTimeoutMs: 15_000,
  loadTimeoutMs: 5 * 60_000,
  retries: 3,
  retryDelayMs: 500,
});

/** The smallest value of each setting (a stall or load timeout of 0 would fail every load). */
const minimums: Readonly<NetworkOptions> = {
  stallTimeoutMs: 1,
  loadTimeoutMs: 1,
  retries: 0,
  retryDelayMs: 0,
};

/**
 * The client's network settings: the defaults, with the caller's integers over them.
 *
 * @throws {InvalidInputError} naming a setting that is unknown or not an integer in range.
 * @example
 * resolveNetworkOptions({ retries: 0 }).retries // 0
 */
export function resolveNetworkOptions(given: unknown): NetworkOptions {
  if (given === undefined) return { ...defaultNetworkOptions };
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new InvalidInputError({
      parameter: 'network',
      message: `network must be an object such as { stallTimeoutMs: 30000 }; got ${describeValue(given)}.`,
    });
  }
  const network = { ...defaultNetworkOptions };
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(defaultNetworkOptions, name)) {
      throw new InvalidInputError({
        parameter: `network.${name}`,
        message: `Unknown network option "${name}"; the options are ${Object.keys(defaultNetworkOptions).join(', ')}.`,
      });
    }
    if (value === undefined) continue;
    const minimum = minimums[name as keyof NetworkOptions];
    if (!Number.isSafeInteger(value) || (value as number) < minimum) {
      throw new InvalidInputError({
        parameter: `network.${name}`,
        message: `network.${name} must be an integer ≥ ${minimum}; got ${describeValue(value)}.`,
      });
    }
    network[name as keyof NetworkOptions] = value as number;
  }
  return network;
}
