import { OnDeviceError } from '@ondevice/errors';

const marker = 'ondevice.error.upstream';
const symbol = Symbol.for(marker);

/**
 * What went wrong with an upstream call:
 * - `connection`: no answer (refused, reset, DNS) — retryable;
 * - `status`: an HTTP error status (`status` set) — retryable for 408, 409, 429 and 5xx;
 * - `timeout`: no answer, or no chunk, within the upstream's `timeoutMs`;
 * - `protocol`: an answer the proxy cannot read, or an error event inside the stream;
 * - `dropped`: the stream ended before the upstream said it was done.
 *
 * @example
 * const reason: UpstreamFailure = 'timeout'
 */
export type UpstreamFailure = 'connection' | 'status' | 'timeout' | 'protocol' | 'dropped';

/**
 * An upstream (OpenAI, Anthropic, an OpenAI-compatible server, the local model) failed. The
 * message never carries the provider's own error text (it can quote the API key), only the
 * upstream's name, the HTTP status and what the proxy saw.
 *
 * @example
 * try { await first(upstream.chat(request, signal)) } catch (error) {
 *   if (UpstreamError.isInstance(error) && error.retryable) retry()
 * }
 */
export class UpstreamError extends OnDeviceError {
  private readonly [symbol] = true;
  readonly upstream: string;
  readonly failure: UpstreamFailure;
  /** The upstream's HTTP status, for `status` failures. */
  readonly status: number | undefined;
  /** Whether trying again could succeed (before anything was sent to the client). */
  readonly retryable: boolean;
  /** The upstream's `Retry-After`, in seconds, when it sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: {
    message: string;
    upstream: string;
    failure: UpstreamFailure;
    status?: number;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super({
      code: 'upstream',
      name: 'UpstreamError',
      message: options.message,
      cause: options.cause,
    });
    this.upstream = options.upstream;
    this.failure = options.failure;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.retryable =
      options.failure === 'connection' ||
      (options.failure === 'status' && isRetryableStatus(options.status ?? 0));
  }

  static override isInstance(error: unknown): error is UpstreamError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return {
      upstream: this.upstream,
      failure: this.failure,
      status: this.status,
      retryable: this.retryable,
    };
  }
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
