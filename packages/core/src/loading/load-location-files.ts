import { ModelIntegrityError, ModelLoadError } from '@ondevice/errors';
import type { KnownModelFile, ModelLocation, ModelManifest } from '../models/model-manifest.js';
import { throwIfAborted } from '../util/abort.js';
import { isNode, nodeProcess } from '../util/environment.js';
import { resolveBaseUrl } from './asset-source.js';
import { fetchBytes } from './fetch-bytes.js';
import type { BytesProgress } from './load-model-files.js';
import type { ModelFileCache } from './model-cache.js';
import { createSha256, sha256Hex } from './sha256.js';
import { withRetries } from './with-retries.js';

/**
 * One file a runtime asks for at a model's location.
 *
 * @example
 * const request: LocationFileRequest = { path: 'generation_config.json', optional: true }
 */
export interface LocationFileRequest {
  /** Path inside the model folder, e.g. `onnx/model_quantized.onnx`. */
  path: string;
  /** A missing optional file is left out of the answer; a missing required one fails the load. */
  optional?: boolean;
}

/**
 * Reads files at a model's location for a runtime, in batches, with one progress stream over
 * all of them.
 *
 * @example
 * const files = await reader.read([{ path: 'config.json' }])
 */
export interface LocationFileReader {
  /** Where the files are, for messages. */
  readonly base: string;
  /** Paths known at the location (from the manifest or the folder's listing), when known. */
  listing(): Promise<ReadonlySet<string> | undefined>;
  /**
   * Reads the files (all at once): from the cache when a copy is there, else from the location,
   * each checked against its sha256 when known.
   *
   * @throws {ModelLoadError} reason `missing-file` for a required file that is not there.
   * @throws {ModelIntegrityError} when a file's hash differs from the known one.
   */
  read(requests: readonly LocationFileRequest[]): Promise<Map<string, Uint8Array>>;
}

/** The listing `@ondevice/vite` writes beside a model folder's files. */
const listingFile = 'ondevice-files.json';

/**
 * A reader for the files of a Transformers.js model: a hub repository or a folder (URL, or a
 * path in Node). Sizes and hashes come from the manifest's `knownFiles` and the folder's
 * `ondevice-files.json` (served by `@ondevice/vite`) when present; a file of unknown size counts
 * in the progress total from its `content-length`. Bytes go through the model file cache
 * (Cache API when persistent), keyed by URL (and hash, when known).
 *
 * @example
 * const reader = createLocationFileReader({ manifest, cache, network, onProgress, signal })
 * const [config] = (await reader.read([{ path: 'config.json' }])).values()
 */
export function createLocationFileReader(options: {
  manifest: ModelManifest;
  cache: ModelFileCache;
  network: { stallTimeoutMs: number; retries: number; retryDelayMs: number };
  onProgress: BytesProgress;
  signal?: AbortSignal;
}): LocationFileReader {
  const { manifest, cache, network, onProgress, signal } = options;
  const location = manifest.location as ModelLocation;
  const disk = location.kind === 'folder' && isNode() && !/^https?:\/\//i.test(location.url);
  const base = baseOf(location, disk);
  const known = new Map<string, KnownModelFile>(
    (manifest.knownFiles ?? []).map((file) => [file.path, file]),
  );
  let loaded = 0;
  let total = 0;
  const report = () => onProgress(Math.min(loaded, total), total);
  const what = `Loading model ${manifest.id}`;
  /** Files already read by this reader: asked for again, they are not counted again. */
  const counted = new Map<string, Promise<Uint8Array | undefined>>();

  let listed: Promise<ReadonlySet<string> | undefined> | undefined;
  const listing = () =>
    (listed ??= (async () => {
      if (location.kind === 'folder') {
        // The listing names the current version of every file: read it from the network first
        // (a cached copy would hide an updated model), from the cache only when offline.
        const text = await readOne({ path: listingFile, optional: true }, false, true).catch(() =>
          readOne({ path: listingFile, optional: true }, false),
        );
        if (text) {
          try {
            const parsed = JSON.parse(new TextDecoder().decode(text)) as {
              files?: KnownModelFile[];
            };
            for (const file of parsed.files ?? []) {
              if (!known.has(file.path)) known.set(file.path, file);
            }
          } catch {
            // A broken listing only costs the hashes and the early total.
          }
        }
      }
      return known.size > 0 ? new Set(known.keys()) : undefined;
    })());

  const locate = (path: string) =>
    disk
      ? joinPath(base, path)
      : new URL(path.split('/').map(encodeURIComponent).join('/'), base).href;

  async function readOne(
    request: LocationFileRequest,
    counted: boolean,
    networkFirst = false,
  ): Promise<Uint8Array | undefined> {
    const url = locate(request.path);
    const file = known.get(request.path);
    const key = cacheKeyOf(url, file?.sha256);
    const cached = networkFirst ? undefined : await cache.get(key);
    if (cached && (!file || (await sha256Hex(cached)) === file.sha256)) {
      if (counted) {
        total += cached.byteLength;
        loaded += cached.byteLength;
        report();
      }
      return cached;
    }
    throwIfAborted(signal, what);
    let declared = file?.bytes;
    if (counted && declared !== undefined) {
      total += declared;
      report();
    }
    let counting = 0;
    let bytes: Uint8Array;
    let actual: string | undefined;
    try {
      ({ bytes, actual } = await withRetries(
        async () => {
          const hash = file ? await createSha256() : undefined;
          let received = 0;
          const onChunk = (chunk: Uint8Array) => {
            hash?.update(chunk);
            received += chunk.byteLength;
            if (counted && received > counting) {
              loaded += received - counting;
              if (declared === undefined) total += received - counting;
              counting = received;
              report();
            }
          };
          const read = disk
            ? await readFromDisk(url, onChunk)
            : await fetchBytes(url, {
                stallTimeoutMs: network.stallTimeoutMs,
                onChunk,
                ...(file ? { expectedBytes: file.bytes } : {}),
                onHeaders: (length) => {
                  if (!counted || declared !== undefined || length === undefined) return;
                  // From now on the file's bytes count against its declared length.
                  declared = length;
                  total += length - counting;
                  report();
                },
                ...(signal ? { signal } : {}),
              });
          return { bytes: read, actual: hash?.hex() };
        },
        {
          // Offline, the listing's network try fails at once and the cached copy is used.
          retries: networkFirst ? 0 : network.retries,
          retryDelayMs: network.retryDelayMs,
          what,
          ...(signal ? { signal } : {}),
        },
      ));
    } catch (error) {
      const missing =
        ModelLoadError.isInstance(error) &&
        (error.status === 404 || (disk && error.reason === 'unreadable'));
      if (!missing) throw error;
      if (request.optional) return undefined;
      throw new ModelLoadError({
        url,
        status: error.status,
        reason: 'missing-file',
        cause: error,
        message: `${manifest.id} has no ${request.path} at ${base} (${error.status === 404 ? 'HTTP 404' : 'not on disk'}). Check the hub id or folder, and that the file exists there.`,
      });
    }
    if (file && actual !== file.sha256) {
      throw new ModelIntegrityError({
        url,
        expectedSha256: file.sha256,
        actualSha256: actual ?? '',
        message: `${url} does not match its listing: expected sha256 ${file.sha256} (${file.bytes} bytes), got ${actual} (${bytes.byteLength} bytes). The file is corrupt or a different version.`,
      });
    }
    if (counted) {
      // Keep the totals exact when the declared size and the bytes differ.
      total += bytes.byteLength - (declared ?? counting);
      loaded += bytes.byteLength - counting;
      report();
    }
    await cache.put(key, bytes);
    return bytes;
  }

  return {
    base,
    listing,
    async read(requests) {
      await listing();
      report();
      const entries = await Promise.all(
        requests.map(async (request) => {
          let read = counted.get(request.path);
          if (!read) {
            read = readOne(request, true);
            counted.set(request.path, read);
            read.catch(() => counted.delete(request.path));
          }
          return [request.path, await read] as const;
        }),
      );
      const files = new Map<string, Uint8Array>();
      for (const [path, bytes] of entries) if (bytes) files.set(path, bytes);
      return files;
    },
  };
}

function baseOf(location: ModelLocation, disk: boolean): string {
  if (location.kind === 'hub') {
    const repository = location.repository.split('/').map(encodeURIComponent).join('/');
    const host = location.host ?? 'https://huggingface.co/';
    return `${host}${repository}/resolve/${encodeURIComponent(location.revision)}/`;
  }
  return disk ? location.url : resolveBaseUrl(location.url);
}

function cacheKeyOf(url: string, sha256: string | undefined): string {
  // Cache API keys must be http(s) URLs; a known hash makes a new version a new entry.
  const key = /^https?:/.test(url) ? new URL(url) : new URL(`https://local-files.invalid/${url}`);
  if (sha256) key.searchParams.set('ondevice-sha256', sha256);
  return key.href;
}

function joinPath(folder: string, file: string): string {
  return `${folder.endsWith('/') ? folder : `${folder}/`}${file}`;
}

async function readFromDisk(path: string, onChunk: (chunk: Uint8Array) => void) {
  const fs = (nodeProcess() as NodeJS.Process).getBuiltinModule('node:fs/promises');
  const url = path.startsWith('file://') ? new URL(path) : path;
  try {
    const bytes = new Uint8Array(await fs.readFile(url));
    onChunk(bytes);
    return bytes;
  } catch (error) {
    throw new ModelLoadError({
      url: String(path),
      status: undefined,
      reason: 'unreadable',
      cause: error,
      message: `Could not read ${String(path)}.`,
    });
  }
}
