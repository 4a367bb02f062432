import { AbortError } from '@ondevice/errors';

/** Throws an {@link AbortError} when the signal has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortErrorFor(signal, what);
}

/** The typed error for a fired signal, keeping its reason as the cause. */
export function abortErrorFor(signal: AbortSignal, what: string): AbortError {
  return new AbortError({ message: `${what} was aborted.`, cause: signal.reason });
}

/**
 * Settles with `promise`, or rejects with an {@link AbortError} as soon as `signal` fires.
 * The underlying work is not stopped; callers that can stop it listen to the signal themselves.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, what: string) {
  if (!signal) return promise;
  throwIfAborted(signal, what);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortErrorFor(signal, what));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
