import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.invalid-classifier-data';
const symbol = Symbol.for(marker);

/**
 * Data given to a teachable classifier's `import()` (or read back from storage) is malformed or
 * belongs to something else: wrong format or version, another model, bad shapes, an example whose
 * label is not declared… `path` names the offending field (e.g. `examples[3].label`).
 *
 * @example
 * try { await classifier.import(json) } catch (error) {
 *   if (InvalidClassifierDataError.isInstance(error)) console.warn(error.path, error.message)
 * }
 */
export class InvalidClassifierDataError extends OnDeviceError {
  private readonly [symbol] = true;
  /** Where in the data the problem is, as a property path (`head.weights`, `examples[2].text`). */
  readonly path: string;

  constructor(options: { message: string; cause?: unknown; path: string }) {
    super({
      code: 'invalid-classifier-data',
      name: 'InvalidClassifierDataError',
      message: options.message,
      cause: options.cause,
    });
    this.path = options.path;
  }

  static override isInstance(error: unknown): error is InvalidClassifierDataError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { path: this.path };
  }
}
