const marker = 'ondevice.error';
const symbol = Symbol.for(marker);

/** Every code an {@link OnDeviceError} can carry. */
export type OnDeviceErrorCode =
  | 'model-load'
  | 'model-integrity'
  | 'unknown-model'
  | 'unknown-backend'
  | 'backend-unavailable'
  | 'invalid-input'
  | 'invalid-classifier-data'
  | 'aborted'
  | 'worker-crashed'
  | 'runtime';

/** Plain-data form of an error, safe to post across a worker boundary. */
export interface SerializedError {
  name: string;
  code: OnDeviceErrorCode;
  message: string;
  data: Record<string, unknown>;
  cause?: SerializedError | { name: string; message: string };
}

/**
 * Base class of every error ondevice throws.
 *
 * Use {@link OnDeviceError.isInstance} rather than `instanceof`: it works across package
 * copies and after an error was rebuilt on the other side of a worker boundary.
 *
 * @example
 * try { await embedder.embed(texts) } catch (error) {
 *   if (ModelLoadError.isInstance(error)) console.warn('offline?', error.url)
 * }
 */
export class OnDeviceError extends Error {
  private readonly [symbol] = true;
  readonly code: OnDeviceErrorCode;

  constructor(options: {
    code: OnDeviceErrorCode;
    message: string;
    cause?: unknown;
    name?: string;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.name = options.name ?? 'OnDeviceError';
  }

  /** True for any ondevice error, whichever copy of the package created it. */
  static isInstance(error: unknown): error is OnDeviceError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected static hasMarker(error: unknown, name: string): boolean {
    return (
      typeof error === 'object' &&
      error !== null &&
      Symbol.for(name) in error &&
      (error as Record<symbol, unknown>)[Symbol.for(name)] === true
    );
  }

  /** Extra fields a subclass carries (URL, valid values…), used for serialisation. */
  protected serializableData(): Record<string, unknown> {
    return {};
  }

  /** Plain-data form, for `postMessage`. */
  toSerialized(): SerializedError {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      data: this.serializableData(),
      ...(this.cause === undefined ? {} : { cause: serializeCause(this.cause) }),
    };
  }
}

function serializeCause(cause: unknown): SerializedError | { name: string; message: string } {
  if (OnDeviceError.isInstance(cause)) return cause.toSerialized();
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  return { name: 'Error', message: String(cause) };
}
