import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.runtime';
const symbol = Symbol.for(marker);

/**
 * The ML runtime failed while running a model.
 *
 * @example
 * if (RuntimeError.isInstance(error)) report(error.cause)
 */
export class RuntimeError extends OnDeviceError {
  private readonly [symbol] = true;

  constructor(options: { message: string; cause?: unknown }) {
    super({
      code: 'runtime',
      name: 'RuntimeError',
      message: options.message,
      cause: options.cause,
    });
  }

  static override isInstance(error: unknown): error is RuntimeError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return {};
  }
}
