import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.limit-exceeded';
const symbol = Symbol.for(marker);

/**
 * A call went over one of the library's limits (texts per call, labels, examples per
 * classifier, import size, tokens per text with `truncation: 'error'`…). `limit` names it,
 * `maximum` is its value and `actual` what the call asked for; the message says how to raise it.
 *
 * @example
 * try { await embedder.embed(hugeList) } catch (error) {
 *   if (LimitExceededError.isInstance(error)) console.warn(error.limit, error.maximum, error.actual)
 * }
 */
export class LimitExceededError extends OnDeviceError {
  private readonly [symbol] = true;
  /** The limit's name, as in `createClient({ limits })` (e.g. `maxTextsPerCall`). */
  readonly limit: string;
  readonly maximum: number;
  readonly actual: number;

  constructor(options: {
    message: string;
    cause?: unknown;
    limit: string;
    maximum: number;
    actual: number;
  }) {
    super({
      code: 'limit-exceeded',
      name: 'LimitExceededError',
      message: options.message,
      cause: options.cause,
    });
    this.limit = options.limit;
    this.maximum = options.maximum;
    this.actual = options.actual;
  }

  static override isInstance(error: unknown): error is LimitExceededError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { limit: this.limit, maximum: this.maximum, actual: this.actual };
  }
}
