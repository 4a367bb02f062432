import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.model-load';
const symbol = Symbol.for(marker);

/**
 * A model file could not be fetched or read (404, network failure, offline). `url` names the file.
 *
 * @example
 * if (ModelLoadError.isInstance(error) && error.status === undefined) showOfflineNotice()
 */
export class ModelLoadError extends OnDeviceError {
  private readonly [symbol] = true;
  readonly url: string;
  readonly status: number | undefined;

  constructor(options: {
    message: string;
    cause?: unknown;
    url: string;
    status: number | undefined;
  }) {
    super({
      code: 'model-load',
      name: 'ModelLoadError',
      message: options.message,
      cause: options.cause,
    });
    this.url = options.url;
    this.status = options.status;
  }

  static override isInstance(error: unknown): error is ModelLoadError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { url: this.url, status: this.status };
  }
}
