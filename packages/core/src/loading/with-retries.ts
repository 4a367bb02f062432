import { ModelLoadError } from '@ondevice/errors';
import { abortErrorFor, throwIfAborted } from '../util/abort.js';

/**
 * Whether another try may succeed: a network error or reset, a stall, HTTP 5xx, 408 (request
 * timeout) or 429 (too many requests). A 404, an HTML answer, an unreadable file or a hash
 * mismatch will fail the same way again.
 *
 * @example
 * isTransientFailure(new ModelLoadError({ url, status: 503, message })) // true
 */
export function isTransientFailure(error: unknown): boolean {
  if (!ModelLoadError.isInstance(error)) return false;
  if (error.reason === 'network' || error.reason === 'stalled') return true;
  if (error.reason !== 'http' || error.status === undefined) return false;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

/**
 * Runs `attempt`, and again after a transient failure (see {@link isTransientFailure}), up to
 * `retries` more times with exponential backoff: `retryDelayMs`, then twice that, and so on,
 * each ±25 % so many clients do not retry in step. The last failure is thrown as it was.
 *
 * @throws whatever the last attempt threw; {@link AbortError} when `signal` fires.
 * @example
 * const bytes = await withRetries((attempt) => fetchBytes(url, options), { retries: 3, retryDelayMs: 500 })
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: { retries: number; retryDelayMs: number; signal?: AbortSignal; what: string },
): Promise<T> {
  const { retries, retryDelayMs, signal, what } = options;
  for (let attemptNumber = 0; ; attemptNumber += 1) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (attemptNumber >= retries || !isTransientFailure(error) || signal?.aborted) throw error;
    }
    const delay = retryDelayMs * 2 ** attemptNumber * (0.75 + Math.random() / 2);
    await sleep(delay, signal, what);
  }
}

function sleep(milliseconds: number, signal: AbortSignal | undefined, what: string) {
  throwIfAborted(signal, what);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFor(signal as AbortSignal, what));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
