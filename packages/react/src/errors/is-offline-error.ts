import { ModelLoadError } from '@ondevice/core';

/**
 * Whether an error means the model could not be reached at all (a `ModelLoadError` without an
 * HTTP status: network failure or offline), as opposed to a server that answered badly.
 *
 * @example
 * if (isOfflineError(result.error)) showRetryWhenOnline()
 */
export function isOfflineError(error: unknown): boolean {
  return ModelLoadError.isInstance(error) && error.status === undefined;
}
