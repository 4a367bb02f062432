import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.backend-unavailable';
const symbol = Symbol.for(marker);

/**
 * The requested backend exists but cannot run here (no WebGPU adapter, WebGL context lost…).
 *
 * @example
 * try { await client.embedder().embed('hi') } catch (error) {
 *   if (BackendUnavailableError.isInstance(error)) console.warn(error.backend, error.reason)
 * }
 */
export class BackendUnavailableError extends OnDeviceError {
  private readonly [symbol] = true;
  readonly backend: string;
  readonly reason: string;

  constructor(options: { message: string; cause?: unknown; backend: string; reason: string }) {
    super({
      code: 'backend-unavailable',
      name: 'BackendUnavailableError',
      message: options.message,
      cause: options.cause,
    });
    this.backend = options.backend;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is BackendUnavailableError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { backend: this.backend, reason: this.reason };
  }
}
