import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.classifier-storage';
const symbol = Symbol.for(marker);

/**
 * Why a teachable classifier's storage failed:
 * - `newer-version`: the stored classifier was written by a newer version of ondevice;
 * - `invalid`: the stored classifier fails validation (the cause, an
 *   `InvalidClassifierDataError`, names the field);
 * - `read-failed`: the storage could not be read (the cause says why);
 * - `quota-exceeded`: the browser's storage quota is used up; nothing was written;
 * - `write-failed`: another write failure; nothing was written;
 * - `conflict`: other tabs kept changing the classifier while this one tried to save.
 *
 * @example
 * if (ClassifierStorageError.isInstance(error) && error.reason === 'newer-version') askToUpdate()
 */
export type ClassifierStorageFailure =
  'newer-version' | 'invalid' | 'read-failed' | 'quota-exceeded' | 'write-failed' | 'conflict';

/**
 * A teachable classifier's stored data could not be read or written. A stored classifier that
 * cannot be read is never overwritten: the classifier opens in `error` with this error, every
 * change (`learn`, `forget`, `import`) rejects with it, `storedRecord()` returns the record as
 * stored (to keep or send for recovery) and `reset()` discards it. A failed write leaves both
 * the stored and the in-memory classifier as they were.
 *
 * @example
 * const { error } = classifier.getSnapshot()
 * if (ClassifierStorageError.isInstance(error) && error.reason !== 'quota-exceeded') {
 *   download(await classifier.storedRecord())
 *   await classifier.reset()
 * }
 */
export class ClassifierStorageError extends OnDeviceError {
  private readonly [symbol] = true;
  /** The classifier's id, as given to `client.teachable({ id })`. */
  readonly classifierId: string;
  readonly reason: ClassifierStorageFailure;

  constructor(options: {
    message: string;
    cause?: unknown;
    classifierId: string;
    reason: ClassifierStorageFailure;
  }) {
    super({
      code: 'classifier-storage',
      name: 'ClassifierStorageError',
      message: options.message,
      cause: options.cause,
    });
    this.classifierId = options.classifierId;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is ClassifierStorageError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { classifierId: this.classifierId, reason: this.reason };
  }
}
