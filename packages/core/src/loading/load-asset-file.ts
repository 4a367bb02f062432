import { ModelLoadError } from '@ondevice/errors';
import { fetchBytes } from './fetch-bytes.js';
import type { ModelFileCache } from './model-cache.js';
import type { NetworkOptions } from './network-options.js';
import { withRetries } from './with-retries.js';

/**
 * Reads a runtime file that no manifest lists (a wasm binary) from the model cache, else over
 * HTTP with stall detection and retries, then caches it. `version` stands in for a manifest's
 * hash in the cache key, so a new version of the file is a new entry.
 *
 * @throws {ModelLoadError} when it cannot be fetched, after any retries, or fails `isValid`.
 * @example
 * const bytes = await loadAssetFile({ url, version: 'tfjs-backend-wasm@4.22.0', cache, network })
 */
export async function loadAssetFile(options: {
  url: string;
  version: string;
  cache: ModelFileCache;
  network: NetworkOptions;
  isValid?: (bytes: Uint8Array) => boolean;
  signal?: AbortSignal;
}): Promise<Uint8Array> {
  const { url, cache, network, isValid = () => true, signal } = options;
  const key = new URL(url);
  key.searchParams.set('ondevice-version', options.version);
  const cached = await cache.get(key.href);
  if (cached && isValid(cached)) return cached;
  const bytes = await withRetries(
    () =>
      fetchBytes(url, {
        stallTimeoutMs: network.stallTimeoutMs,
        onChunk: () => {},
        ...(signal ? { signal } : {}),
      }),
    { ...network, ...(signal ? { signal } : {}), what: `Downloading ${url}` },
  );
  if (!isValid(bytes)) {
    throw new ModelLoadError({
      url,
      status: undefined,
      reason: 'not-a-model-file',
      message: `${url} is not the file expected there (${bytes.byteLength} bytes of something else). Serve the assets with @ondevice/vite, or set assetBaseUrl.`,
    });
  }
  await cache.put(key.href, bytes);
  return bytes;
}
