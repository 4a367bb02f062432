import { OnDeviceError } from '@ondevice/errors';

const marker = 'ondevice.error.store-unavailable';
const symbol = Symbol.for(marker);

/**
 * The proxy's state store cannot answer right now (Redis unreachable or timing out, a SQLite
 * file locked or on a full disk): nothing was admitted, settled or appended. Map it to HTTP 503;
 * the store recovers by itself when the backend is back.
 *
 * @example
 * try { await store.admit(request) } catch (error) {
 *   if (StoreUnavailableError.isInstance(error)) return c.json({ error: error.toSerialized() }, 503)
 *   throw error
 * }
 */
export class StoreUnavailableError extends OnDeviceError {
  private readonly [symbol] = true;
  /** Which store failed. */
  readonly store: 'sqlite' | 'redis';
  /** The store method that failed (`admit`, `settle`, `usage`, `appendAudit`…). */
  readonly operation: string;

  constructor(options: {
    message: string;
    cause?: unknown;
    store: 'sqlite' | 'redis';
    operation: string;
  }) {
    super({
      code: 'store-unavailable',
      name: 'StoreUnavailableError',
      message: options.message,
      cause: options.cause,
    });
    this.store = options.store;
    this.operation = options.operation;
  }

  static override isInstance(error: unknown): error is StoreUnavailableError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { store: this.store, operation: this.operation };
  }
}
