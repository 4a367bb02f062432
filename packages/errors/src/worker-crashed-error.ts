import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.worker-crashed';
const symbol = Symbol.for(marker);

/**
 * The inference worker died while the request was pending; the next call starts a new worker.
 *
 * @example
 * if (WorkerCrashedError.isInstance(error)) await retryOnce() // a new worker starts on the next call
 */
export class WorkerCrashedError extends OnDeviceError {
  private readonly [symbol] = true;

  constructor(options: { message: string; cause?: unknown }) {
    super({
      code: 'worker-crashed',
      name: 'WorkerCrashedError',
      message: options.message,
      cause: options.cause,
    });
  }

  static override isInstance(error: unknown): error is WorkerCrashedError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return {};
  }
}
