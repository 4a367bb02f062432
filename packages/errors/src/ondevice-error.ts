const marker = 'ondevice.error';
const symbol = Symbol.for(marker);

/**
 * The codes of the errors ondevice itself throws.
 *
 * @example
 * const offline: KnownErrorCode = 'model-load'
 */
export type KnownErrorCode =
  | 'model-load'
  | 'model-integrity'
  | 'unknown-model'
  | 'unknown-backend'
  | 'backend-unavailable'
  | 'invalid-input'
  | 'invalid-classifier-data'
  | 'invalid-import'
  | 'classifier-storage'
  | 'limit-exceeded'
  | 'aborted'
  | 'worker-crashed'
  | 'out-of-memory'
  | 'runtime'
  | 'pii-blocked';

/**
 * The code of an {@link OnDeviceError}: one of {@link KnownErrorCode}, or a code of a package
 * built on ondevice (a server, a plugin). Editors still complete the known codes.
 *
 * @example
 * function isRetryable(code: OnDeviceErrorCode) {
 *   return code === 'model-load' || code === 'worker-crashed'
 * }
 */
export type OnDeviceErrorCode = KnownErrorCode | (string & {});

/**
 * Plain-data form of an error, safe to post across a worker boundary or send as JSON.
 *
 * @example
 * const wire: SerializedError = serializeError(error)
 * response.json({ error: wire })
 */
export interface SerializedError {
  name: string;
  code: OnDeviceErrorCode;
  message: string;
  /** The subclass's own fields (`url`, `validModelIds`…). */
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
 *   else if (OnDeviceError.isInstance(error)) console.warn(error.code, error.message)
 * }
 */
export class OnDeviceError extends Error {
  private readonly [symbol] = true;
  readonly code: OnDeviceErrorCode;
  /** Fields of an error rebuilt from a code no class is registered for. */
  private readonly extraData: Record<string, unknown>;

  constructor(options: {
    code: OnDeviceErrorCode;
    message: string;
    cause?: unknown;
    name?: string;
    /** Fields to keep through serialisation, for errors without a class of their own. */
    data?: Record<string, unknown>;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.name = options.name ?? 'OnDeviceError';
    this.extraData = options.data ?? {};
  }

  /** True for any ondevice error, whichever copy of the package created it. */
  static isInstance(error: unknown): error is OnDeviceError {
    return OnDeviceError.hasMarker(error, marker);
  }

  /** Whether `error` carries the `Symbol.for(name)` marker a subclass sets. */
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
    return { ...this.extraData };
  }

  /** Plain-data form, for `postMessage` or JSON. */
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
