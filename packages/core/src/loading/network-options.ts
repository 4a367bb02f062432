import { resolveIntegerOptions } from '../util/check-options.js';

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
  return resolveIntegerOptions(given, defaultNetworkOptions, minimums, 'network');
}
