import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.aborted';
const symbol = Symbol.for(marker);

/**
 * The operation was cancelled through its AbortSignal.
 *
 * @example
 * controller.abort()
 * await embed.catch((error) => { if (!AbortError.isInstance(error)) throw error }) // an abort is no failure
 */
export class AbortError extends OnDeviceError {
  private readonly [symbol] = true;

  constructor(options: { message: string; cause?: unknown }) {
    super({ code: 'aborted', name: 'AbortError', message: options.message, cause: options.cause });
  }

  static override isInstance(error: unknown): error is AbortError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return {};
  }
}
