import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.pii-blocked';
const symbol = Symbol.for(marker);

/**
 * `redactPII()` found personal data of a type its policy blocks. `types` names the blocked
 * types found and `counts` how many of each; the values themselves are never in the error (not
 * in the message, not in a field), so it can be logged and sent as it is.
 *
 * @example
 * try { await redactPII(text, { CREDIT_CARD: 'block' }) } catch (error) {
 *   if (PiiBlockedError.isInstance(error)) console.warn(error.types, error.counts) // ['CREDIT_CARD'] { CREDIT_CARD: 1 }
 * }
 */
export class PiiBlockedError extends OnDeviceError {
  private readonly [symbol] = true;
  /** The blocked types found, e.g. `['CREDIT_CARD', 'US_SSN']`. */
  readonly types: readonly string[];
  /** How many entities of each blocked type were found. */
  readonly counts: Readonly<Record<string, number>>;

  constructor(options: {
    message: string;
    cause?: unknown;
    types: readonly string[];
    counts: Readonly<Record<string, number>>;
  }) {
    super({
      code: 'pii-blocked',
      name: 'PiiBlockedError',
      message: options.message,
      cause: options.cause,
    });
    this.types = options.types;
    this.counts = options.counts;
  }

  static override isInstance(error: unknown): error is PiiBlockedError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { types: [...this.types], counts: { ...this.counts } };
  }
}
