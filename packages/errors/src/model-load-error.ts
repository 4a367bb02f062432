import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.model-load';
const symbol = Symbol.for(marker);

/**
 * Why a model file could not be loaded:
 * - `http`: the server answered with an error status (`status` says which);
 * - `network`: the request failed (offline, connection refused or reset);
 * - `not-a-model-file`: the server answered with an HTML page (a SPA fallback);
 * - `stalled`: no bytes arrived for the stall timeout;
 * - `timeout`: the whole load took longer than the load timeout;
 * - `unreadable`: the file could not be read from disk (Node);
 * - `missing-file`: a file the model needs is not where its folder or hub repository should
 *   have it (HTTP 404, or absent from disk);
 * - `unsupported-dtype`: the model has no weights at the requested precision (`dtype`).
 *
 * @example
 * if (ModelLoadError.isInstance(error) && error.reason === 'stalled') showSlowNetworkNotice()
 */
export type ModelLoadFailure =
  | 'http'
  | 'network'
  | 'not-a-model-file'
  | 'stalled'
  | 'timeout'
  | 'unreadable'
  | 'missing-file'
  | 'unsupported-dtype';

/**
 * A model file could not be fetched or read (404, network failure, offline, stalled). `url`
 * names the file, `reason` says what went wrong.
 *
 * @example
 * if (ModelLoadError.isInstance(error) && error.reason === 'network') showOfflineNotice()
 */
export class ModelLoadError extends OnDeviceError {
  private readonly [symbol] = true;
  readonly url: string;
  readonly status: number | undefined;
  readonly reason: ModelLoadFailure;

  constructor(options: {
    message: string;
    cause?: unknown;
    url: string;
    status: number | undefined;
    /** @default 'http' when there is a status, else 'network' */
    reason?: ModelLoadFailure;
  }) {
    super({
      code: 'model-load',
      name: 'ModelLoadError',
      message: options.message,
      cause: options.cause,
    });
    this.url = options.url;
    this.status = options.status;
    this.reason = options.reason ?? (options.status === undefined ? 'network' : 'http');
  }

  static override isInstance(error: unknown): error is ModelLoadError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { url: this.url, status: this.status, reason: this.reason };
  }
}
