import { AbortError } from './abort-error.js';
import { BackendUnavailableError } from './backend-unavailable-error.js';
import { InvalidClassifierDataError } from './invalid-classifier-data-error.js';
import { InvalidInputError } from './invalid-input-error.js';
import { ModelIntegrityError } from './model-integrity-error.js';
import { ModelLoadError } from './model-load-error.js';
import { OnDeviceError, type SerializedError } from './ondevice-error.js';
import { RuntimeError } from './runtime-error.js';
import { UnknownBackendError } from './unknown-backend-error.js';
import { UnknownModelError } from './unknown-model-error.js';
import { WorkerCrashedError } from './worker-crashed-error.js';

/** Turns anything thrown into plain data that survives `postMessage`. */
export function serializeError(error: unknown): SerializedError {
  if (OnDeviceError.isInstance(error)) return error.toSerialized();
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: 'RuntimeError',
    code: 'runtime',
    message,
    data: {},
    cause: { name: error instanceof Error ? error.name : 'Error', message },
  };
}

/** Rebuilds an error posted by {@link serializeError} as its own class. */
export function deserializeError(serialized: SerializedError): OnDeviceError {
  const { message, data } = serialized;
  const cause = serialized.cause === undefined ? undefined : rebuildCause(serialized.cause);
  const field = <T>(name: string) => data[name] as T;
  switch (serialized.code) {
    case 'model-load':
      return new ModelLoadError({ message, cause, url: field('url'), status: field('status') });
    case 'model-integrity':
      return new ModelIntegrityError({
        message,
        cause,
        url: field('url'),
        expectedSha256: field('expectedSha256'),
        actualSha256: field('actualSha256'),
      });
    case 'unknown-model':
      return new UnknownModelError({
        message,
        cause,
        modelId: field('modelId'),
        validModelIds: field('validModelIds'),
      });
    case 'unknown-backend':
      return new UnknownBackendError({
        message,
        cause,
        backend: field('backend'),
        validBackends: field('validBackends'),
      });
    case 'backend-unavailable':
      return new BackendUnavailableError({
        message,
        cause,
        backend: field('backend'),
        reason: field('reason'),
      });
    case 'invalid-input':
      return new InvalidInputError({ message, cause, parameter: field('parameter') });
    case 'invalid-classifier-data':
      return new InvalidClassifierDataError({ message, cause, path: field('path') });
    case 'aborted':
      return new AbortError({ message, cause });
    case 'worker-crashed':
      return new WorkerCrashedError({ message, cause });
    case 'runtime':
      return new RuntimeError({ message, cause });
  }
}

function rebuildCause(cause: NonNullable<SerializedError['cause']>): unknown {
  if ('code' in cause) return deserializeError(cause);
  const error = new Error(cause.message);
  error.name = cause.name;
  return error;
}
