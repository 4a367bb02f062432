import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.out-of-memory';
const symbol = Symbol.for(marker);

/**
 * The device ran out of memory while loading or running a model (wasm heap, GPU buffers). The
 * model is released; a smaller `dtype` or model, or unloading other models, may help.
 *
 * @example
 * if (OutOfMemoryError.isInstance(error)) suggest('Try the q4 version of this model')
 */
export class OutOfMemoryError extends OnDeviceError {
  private readonly [symbol] = true;

  constructor(options: { message: string; cause?: unknown }) {
    super({
      code: 'out-of-memory',
      name: 'OutOfMemoryError',
      message: options.message,
      cause: options.cause,
    });
  }

  static override isInstance(error: unknown): error is OutOfMemoryError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return {};
  }
}
