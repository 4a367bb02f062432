import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.invalid-input';
const symbol = Symbol.for(marker);

/**
 * An argument was of the wrong shape; the message says what was expected.
 *
 * @example
 * try { await embedder.embed(42 as never) } catch (error) {
 *   if (InvalidInputError.isInstance(error)) console.warn(error.parameter) // 'texts'
 * }
 */
export class InvalidInputError extends OnDeviceError {
  private readonly [symbol] = true;
  readonly parameter: string;

  constructor(options: { message: string; cause?: unknown; parameter: string }) {
    super({
      code: 'invalid-input',
      name: 'InvalidInputError',
      message: options.message,
      cause: options.cause,
    });
    this.parameter = options.parameter;
  }

  static override isInstance(error: unknown): error is InvalidInputError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { parameter: this.parameter };
  }
}
