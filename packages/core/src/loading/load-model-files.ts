import { ModelIntegrityError } from '@ondevice/errors';
import { type ModelManifest, manifestBytes } from '../models/model-manifest.js';
import { throwIfAborted } from '../util/abort.js';
import type { AssetSource } from './asset-source.js';
import type { ModelFileCache } from './model-cache.js';
import { createSha256, sha256Hex } from './sha256.js';
import { withRetries } from './with-retries.js';

/** Byte counts for the one overall progress stream of a model. */
export type BytesProgress = (loaded: number, total: number) => void;

/**
 * Reads every file of a model, from the cache when a verified copy is there, else from the
 * source; checks each against its sha256 (over HTTP, hashed chunk by chunk while it downloads)
 * and reports overall bytes (not per file). A file that fails transiently (network error, stall, HTTP 5xx/408/429) is fetched again with backoff.
 *
 * @returns the bytes of each file, keyed by its manifest path.
 * @throws {ModelIntegrityError} when a file's hash differs from the manifest.
 * @throws {ModelLoadError} when a file cannot be fetched or read, after any retries.
 * @example
 * const files = await loadModelFiles({ manifest, source, cache, onProgress, retry: { retries: 3, retryDelayMs: 500 } })
 */
export async function loadModelFiles(options: {
  manifest: ModelManifest;
  source: AssetSource;
  cache: ModelFileCache;
  onProgress: BytesProgress;
  /** How often, and after how long, a file that failed transiently is fetched again. */
  retry: { retries: number; retryDelayMs: number };
  signal?: AbortSignal;
}): Promise<Map<string, Uint8Array>> {
  const { manifest, source, cache, onProgress, retry, signal } = options;
  const total = manifestBytes(manifest);
  let loaded = 0;
  // The first failure stops the other downloads, and nothing reports progress after it.
  const stop = new AbortController();
  const readSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const advance = (bytes: number) => {
    if (stop.signal.aborted) return;
    loaded = Math.min(total, loaded + bytes);
    onProgress(loaded, total);
  };
  onProgress(0, total);
  const entries = await Promise.all(
    manifest.files.map(async (file) => {
      const location = source.locate(file);
      const key = cacheKey(location, file.sha256);
      const cached = await cache.get(key);
      if (cached && (await sha256Hex(cached)) === file.sha256) {
        advance(file.bytes);
        return [file.path, cached] as const;
      }
      throwIfAborted(signal, `Loading model ${manifest.id}`);
      // Bytes of this file counted so far, over all attempts: a retried file counts again only
      // past what its earlier attempts reached, so the overall count never goes back or over.
      let counted = 0;
      // Over HTTP each attempt hashes its bytes as they arrive, so no pass over the file is left
      // once the last chunk is in (the thread is mostly idle while downloading). A file read
      // whole from disk is hashed natively afterwards, which is twice as fast as the JS hash.
      const streamed = source.kind === 'url';
      const { bytes, actual } = await withRetries(
        async () => {
          let received = 0;
          const hash = streamed ? await createSha256() : undefined;
          const read = await source.read(
            file,
            (chunk) => {
              hash?.update(chunk);
              received += chunk.byteLength;
              const next = Math.min(received, file.bytes);
              if (next > counted) {
                advance(next - counted);
                counted = next;
              }
            },
            readSignal,
          );
          return { bytes: read, actual: hash ? hash.hex() : await sha256Hex(read) };
        },
        { ...retry, signal: readSignal, what: `Loading model ${manifest.id}` },
      );
      if (actual !== file.sha256) {
        throw new ModelIntegrityError({
          url: location,
          expectedSha256: file.sha256,
          actualSha256: actual,
          message: `${location} does not match its manifest: expected sha256 ${file.sha256} (${file.bytes} bytes), got ${actual} (${bytes.byteLength} bytes). The file is corrupt or a different version.`,
        });
      }
      // Keep the overall count exact even if the server sent fewer bytes than declared.
      if (counted < file.bytes) advance(file.bytes - counted);
      await cache.put(key, bytes);
      return [file.path, bytes] as const;
    }),
  ).catch((error: unknown) => {
    stop.abort();
    throw error;
  });
  return new Map(entries);
}

function cacheKey(location: string, sha256: string): string {
  // Cache API keys must be http(s) URLs; the hash makes a new model version a new entry.
  const url = /^https?:/.test(location)
    ? new URL(location)
    : new URL(`https://node-modules.invalid/${location}`);
  url.searchParams.set('ondevice-sha256', sha256);
  return url.href;
}
