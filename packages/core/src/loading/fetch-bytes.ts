import { ModelLoadError } from '@ondevice/errors';
import { abortErrorFor } from '../util/abort.js';

/**
 * Fetches one file over HTTP, once: streams its body, calling `onChunk` with each chunk as it
 * arrives (to count and hash it). A file that receives no bytes for `stallTimeoutMs` (waiting for the answer, or
 * between chunks) fails as `stalled`; every failure is a {@link ModelLoadError} whose `reason`
 * says whether trying again may help. Retrying is the caller's choice (`withRetries`).
 *
 * @throws {ModelLoadError} reason `http`, `network`, `not-a-model-file` or `stalled`.
 * @throws {AbortError} when `signal` fires.
 * @example
 * const bytes = await fetchBytes(url, { expectedBytes: 4_194_304, stallTimeoutMs: 15_000, onChunk })
 */
export async function fetchBytes(
  url: string,
  options: {
    stallTimeoutMs: number;
    onChunk: (chunk: Uint8Array) => void;
    /** The declared size, to allocate once; a file of another size is still read whole. */
    expectedBytes?: number;
    /** Called once the answer is in, with its declared length (`content-length`) when it has one. */
    onHeaders?: (declaredBytes: number | undefined) => void;
    signal?: AbortSignal;
  },
): Promise<Uint8Array> {
  const { stallTimeoutMs, onChunk, signal } = options;
  const stall = new AbortController();
  let received = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armStallTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stall.abort(), stallTimeoutMs);
  };
  // Which of our reasons to stop came first decides the error, whatever fetch threw.
  const failure = (error: unknown, fallback: () => ModelLoadError) => {
    if (signal?.aborted) return abortErrorFor(signal, `Downloading ${url}`);
    if (stall.signal.aborted) {
      return new ModelLoadError({
        url,
        status: undefined,
        reason: 'stalled',
        cause: error,
        message: `The download of ${url} stalled: no bytes arrived for ${stallTimeoutMs} ms (${received} bytes in). Raise network.stallTimeoutMs for very slow connections.`,
      });
    }
    return fallback();
  };
  armStallTimer();
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'same-origin',
        signal: signal ? AbortSignal.any([signal, stall.signal]) : stall.signal,
      });
    } catch (error) {
      throw failure(
        error,
        () =>
          new ModelLoadError({
            url,
            status: undefined,
            reason: 'network',
            cause: error,
            message: `Could not fetch ${url} (network failure or offline). Is the asset server running, and does assetBaseUrl point at it?`,
          }),
      );
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      throw new ModelLoadError({
        url,
        status: response.status,
        reason: 'http',
        message: `Could not fetch ${url}: HTTP ${response.status}. Serve the model files with @ondevice/vite or set assetBaseUrl.`,
      });
    }
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      void response.body?.cancel().catch(() => {});
      // A dev server's SPA fallback answers 200 with index.html for any unknown path.
      throw new ModelLoadError({
        url,
        status: response.status,
        reason: 'not-a-model-file',
        message: `Expected a model file at ${url} but the server answered with an HTML page: the asset is not served there. Add the ondevice() plugin from @ondevice/vite, or set assetBaseUrl.`,
      });
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    // A compressed answer declares its compressed length: no use for counting decoded bytes.
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    options.onHeaders?.(
      Number.isInteger(declared) && declared >= 0 && !encoded ? declared : undefined,
    );
    if (!response.body) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      onChunk(bytes);
      return bytes;
    }
    const reader = response.body.getReader();
    // Preallocate for the declared size; a file of another size fails its hash check later.
    let buffer = new Uint8Array(
      options.expectedBytes ?? (Number.isInteger(declared) && !encoded ? declared : 1 << 16),
    );
    try {
      for (;;) {
        armStallTimer();
        const { done, value } = await reader.read();
        if (done) break;
        if (received + value.byteLength > buffer.byteLength) {
          const grown = new Uint8Array(
            Math.max(buffer.byteLength * 2, received + value.byteLength),
          );
          grown.set(buffer.subarray(0, received));
          buffer = grown;
        }
        buffer.set(value, received);
        received += value.byteLength;
        onChunk(value);
      }
    } catch (error) {
      void reader.cancel().catch(() => {});
      throw failure(
        error,
        () =>
          new ModelLoadError({
            url,
            status: response.status,
            reason: 'network',
            cause: error,
            message: `The download of ${url} broke off after ${received} bytes (connection reset or lost).`,
          }),
      );
    }
    return received === buffer.byteLength ? buffer : buffer.slice(0, received);
  } finally {
    clearTimeout(timer);
  }
}
