import { AbortError } from './abort-error.js';
import { BackendUnavailableError } from './backend-unavailable-error.js';
import { ClassifierStorageError } from './classifier-storage-error.js';
import { InvalidClassifierDataError } from './invalid-classifier-data-error.js';
import { InvalidImportError } from './invalid-import-error.js';
import { InvalidInputError } from './invalid-input-error.js';
import { ModelIntegrityError } from './model-integrity-error.js';
import { LimitExceededError } from './limit-exceeded-error.js';
import { ModelLoadError } from './model-load-error.js';
import { OnDeviceError, type OnDeviceErrorCode, type SerializedError } from './ondevice-error.js';
import { OutOfMemoryError } from './out-of-memory-error.js';
import { PiiBlockedError } from './pii-blocked-error.js';
import { RuntimeError } from './runtime-error.js';
import { UnknownBackendError } from './unknown-backend-error.js';
import { UnknownModelError } from './unknown-model-error.js';
import { WorkerCrashedError } from './worker-crashed-error.js';

/**
 * What a rebuilder gets: the message, the rebuilt cause, and the serialised fields.
 *
 * @example
 * const rebuild = ({ message, cause, data }: RebuildOptions) =>
 *   new InvalidInputError({ message, cause, parameter: String(data.parameter) })
 */
export interface RebuildOptions {
  message: string;
  cause: unknown;
  data: Record<string, unknown>;
}

/**
 * Rebuilds one code's error class from its serialised form; see {@link registerErrorClass}.
 *
 * @example
 * const rebuild: ErrorRebuilder = ({ message, cause }) => new AbortError({ message, cause })
 */
export type ErrorRebuilder = (options: RebuildOptions) => OnDeviceError;

const field = <T>(data: Record<string, unknown>, name: string) => data[name] as T;

const rebuilders = new Map<OnDeviceErrorCode, ErrorRebuilder>([
  [
    'model-load',
    ({ message, cause, data }) =>
      new ModelLoadError({
        message,
        cause,
        url: field(data, 'url'),
        status: field(data, 'status'),
        reason: field(data, 'reason'),
      }),
  ],
  [
    'model-integrity',
    ({ message, cause, data }) =>
      new ModelIntegrityError({
        message,
        cause,
        url: field(data, 'url'),
        expectedSha256: field(data, 'expectedSha256'),
        actualSha256: field(data, 'actualSha256'),
      }),
  ],
  [
    'unknown-model',
    ({ message, cause, data }) =>
      new UnknownModelError({
        message,
        cause,
        modelId: field(data, 'modelId'),
        validModelIds: field(data, 'validModelIds'),
      }),
  ],
  [
    'unknown-backend',
    ({ message, cause, data }) =>
      new UnknownBackendError({
        message,
        cause,
        backend: field(data, 'backend'),
        validBackends: field(data, 'validBackends'),
      }),
  ],
  [
    'backend-unavailable',
    ({ message, cause, data }) =>
      new BackendUnavailableError({
        message,
        cause,
        backend: field(data, 'backend'),
        reason: field(data, 'reason'),
      }),
  ],
  [
    'invalid-input',
    ({ message, cause, data }) =>
      new InvalidInputError({ message, cause, parameter: field(data, 'parameter') }),
  ],
  [
    'invalid-classifier-data',
    ({ message, cause, data }) =>
      new InvalidClassifierDataError({ message, cause, path: field(data, 'path') }),
  ],
  [
    'invalid-import',
    ({ message, cause, data }) =>
      new InvalidImportError({
        message,
        cause,
        path: field(data, 'path'),
        what: field(data, 'what'),
      }),
  ],
  [
    'classifier-storage',
    ({ message, cause, data }) =>
      new ClassifierStorageError({
        message,
        cause,
        classifierId: field(data, 'classifierId'),
        reason: field(data, 'reason'),
      }),
  ],
  [
    'limit-exceeded',
    ({ message, cause, data }) =>
      new LimitExceededError({
        message,
        cause,
        limit: field(data, 'limit'),
        maximum: field(data, 'maximum'),
        actual: field(data, 'actual'),
      }),
  ],
  [
    'pii-blocked',
    ({ message, cause, data }) =>
      new PiiBlockedError({
        message,
        cause,
        types: field(data, 'types'),
        counts: field(data, 'counts'),
      }),
  ],
  ['aborted', ({ message, cause }) => new AbortError({ message, cause })],
  ['worker-crashed', ({ message, cause }) => new WorkerCrashedError({ message, cause })],
  ['out-of-memory', ({ message, cause }) => new OutOfMemoryError({ message, cause })],
  ['runtime', ({ message, cause }) => new RuntimeError({ message, cause })],
]);

/**
 * Teaches {@link deserializeError} to rebuild errors of `code` as their own class (for codes
 * of packages built on ondevice). Without it such errors come back as a plain
 * {@link OnDeviceError} that keeps the code, name and fields.
 *
 * @example
 * registerErrorClass('budget-exceeded', ({ message, cause, data }) =>
 *   new BudgetExceededError({ message, cause, tenant: data.tenant as string }))
 */
export function registerErrorClass(code: OnDeviceErrorCode, rebuild: ErrorRebuilder): void {
  rebuilders.set(code, rebuild);
}

/**
 * Turns anything thrown into plain data that survives `postMessage` and JSON: an ondevice error
 * as itself, anything else as a `runtime` error keeping the original name and message as cause.
 *
 * @example
 * worker.postMessage({ type: 'failed', error: serializeError(error) })
 */
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

/**
 * Rebuilds an error posted by {@link serializeError} as its own class.
 *
 * @example
 * const error = deserializeError(message.error)
 * if (ModelLoadError.isInstance(error)) console.warn(error.url)
 */
export function deserializeError(serialized: SerializedError): OnDeviceError {
  const { message, code } = serialized;
  const data = serialized.data ?? {};
  const cause = serialized.cause === undefined ? undefined : rebuildCause(serialized.cause);
  const rebuild = rebuilders.get(code);
  if (rebuild) return rebuild({ message, cause, data });
  return new OnDeviceError({ code, message, cause, name: serialized.name, data });
}

function rebuildCause(cause: NonNullable<SerializedError['cause']>): unknown {
  if ('code' in cause) return deserializeError(cause);
  const error = new Error(cause.message);
  error.name = cause.name;
  return error;
}
