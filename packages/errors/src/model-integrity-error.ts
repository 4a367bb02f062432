import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.model-integrity';
const symbol = Symbol.for(marker);

/**
 * A model file's bytes do not match the sha256 its manifest declares.
 *
 * @example
 * if (ModelIntegrityError.isInstance(error)) console.warn(`${error.url} is corrupt`, error.actualSha256)
 */
export class ModelIntegrityError extends OnDeviceError {
  private readonly [symbol] = true;
  readonly url: string;
  readonly expectedSha256: string;
  readonly actualSha256: string;

  constructor(options: {
    message: string;
    cause?: unknown;
    url: string;
    expectedSha256: string;
    actualSha256: string;
  }) {
    super({
      code: 'model-integrity',
      name: 'ModelIntegrityError',
      message: options.message,
      cause: options.cause,
    });
    this.url = options.url;
    this.expectedSha256 = options.expectedSha256;
    this.actualSha256 = options.actualSha256;
  }

  static override isInstance(error: unknown): error is ModelIntegrityError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { url: this.url, expectedSha256: this.expectedSha256, actualSha256: this.actualSha256 };
  }
}
