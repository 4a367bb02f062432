import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.unknown-backend';
const symbol = Symbol.for(marker);

/**
 * The requested backend name is not one ondevice knows; `validBackends` lists the valid names.
 *
 * @example
 * try { createClient({ backend: 'tpu' as never }) } catch (error) {
 *   if (UnknownBackendError.isInstance(error)) console.warn(error.validBackends)
 * }
 */
export class UnknownBackendError extends OnDeviceError {
  private readonly [symbol] = true;
  readonly backend: string;
  readonly validBackends: readonly string[];

  constructor(options: {
    message: string;
    cause?: unknown;
    backend: string;
    validBackends: readonly string[];
  }) {
    super({
      code: 'unknown-backend',
      name: 'UnknownBackendError',
      message: options.message,
      cause: options.cause,
    });
    this.backend = options.backend;
    this.validBackends = options.validBackends;
  }

  static override isInstance(error: unknown): error is UnknownBackendError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { backend: this.backend, validBackends: this.validBackends };
  }
}
