import { ModelLoadError } from '@ondevice/errors';
import type { ModelFile } from '../models/model-manifest.js';
import { abortErrorFor } from '../util/abort.js';
import { isNode, nodeProcess } from '../util/environment.js';

/** Where model files come from: an HTTP asset server, or node_modules in Node. */
export interface AssetSource {
  /** `url` for HTTP, `node_modules` for files read from disk. */
  readonly kind: 'url' | 'node_modules';
  /** The URL or path a file is read from, for messages and cache keys. */
  locate(file: ModelFile): string;
  /** Reads a whole file, calling `onBytes` with each chunk's length as it arrives. */
  read(
    file: ModelFile,
    onBytes: (bytes: number) => void,
    signal?: AbortSignal,
  ): Promise<Uint8Array>;
}

/**
 * Default asset base path in browsers; `@ondevice/vite` serves and emits the files there.
 *
 * @example
 * createClient({ assetBaseUrl: `${import.meta.env.BASE_URL}ondevice/` }) // when the app is not at /
 */
export const defaultAssetBaseUrl = '/ondevice/';

/** Picks the source: an explicit base URL wins; otherwise node_modules in Node, `/ondevice/` in browsers. */
export function createAssetSource(assetBaseUrl: string | undefined): AssetSource {
  if (assetBaseUrl === undefined && isNode()) return nodeModulesSource();
  return urlSource(assetBaseUrl ?? defaultAssetBaseUrl);
}

/** Absolute form of a base URL, resolved against the page or worker location. */
export function resolveBaseUrl(assetBaseUrl: string): string {
  const base = assetBaseUrl.endsWith('/') ? assetBaseUrl : `${assetBaseUrl}/`;
  const location = (globalThis as { location?: { href: string } }).location?.href;
  return location ? new URL(base, location).href : new URL(base).href;
}

function urlSource(assetBaseUrl: string): AssetSource {
  const base = resolveBaseUrl(assetBaseUrl);
  const locate = (file: ModelFile) => new URL(file.path, base).href;
  return {
    kind: 'url',
    locate,
    async read(file, onBytes, signal) {
      const url = locate(file);
      let response: Response;
      try {
        response = await fetch(url, { signal, credentials: 'same-origin' });
      } catch (error) {
        if (signal?.aborted) throw abortErrorFor(signal, `Downloading ${url}`);
        throw new ModelLoadError({
          url,
          status: undefined,
          cause: error,
          message: `Could not fetch ${url} (network failure or offline). Is the asset server running, and does assetBaseUrl point at it?`,
        });
      }
      if (!response.ok) {
        throw new ModelLoadError({
          url,
          status: response.status,
          message: `Could not fetch ${url}: HTTP ${response.status}. Serve the model files with @ondevice/vite or set assetBaseUrl.`,
        });
      }
      if (response.headers.get('content-type')?.startsWith('text/html')) {
        // A dev server's SPA fallback answers 200 with index.html for any unknown path.
        throw new ModelLoadError({
          url,
          status: response.status,
          message: `Expected a model file at ${url} but the server answered with an HTML page: the asset is not served there. Add the ondevice() plugin from @ondevice/vite, or set assetBaseUrl.`,
        });
      }
      return readBody(response, file, url, onBytes);
    },
  };
}

async function readBody(
  response: Response,
  file: ModelFile,
  url: string,
  onBytes: (bytes: number) => void,
): Promise<Uint8Array> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.byteLength);
    return bytes;
  }
  const reader = response.body.getReader();
  // Preallocate for the declared size; a file of another size fails its hash check later.
  let buffer = new Uint8Array(file.bytes);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.byteLength > buffer.byteLength) {
        const grown = new Uint8Array(Math.max(buffer.byteLength * 2, length + value.byteLength));
        grown.set(buffer.subarray(0, length));
        buffer = grown;
      }
      buffer.set(value, length);
      length += value.byteLength;
      onBytes(value.byteLength);
    }
  } catch (error) {
    throw new ModelLoadError({
      url,
      status: response.status,
      cause: error,
      message: `The download of ${url} broke off after ${length} bytes.`,
    });
  }
  return length === buffer.byteLength ? buffer : buffer.slice(0, length);
}

interface NodeModules {
  readFile(path: string): Promise<Uint8Array>;
  resolvePackageFile(packageName: string, file: string): string;
}

function loadNodeModules(): NodeModules {
  // process.getBuiltinModule keeps `node:` imports out of browser bundles entirely.
  const node = nodeProcess() as NodeJS.Process;
  const fs = node.getBuiltinModule('node:fs/promises');
  const { createRequire } = node.getBuiltinModule('node:module');
  const path = node.getBuiltinModule('node:path');
  const require = createRequire(import.meta.url);
  return {
    readFile: async (file) => new Uint8Array(await fs.readFile(file)),
    resolvePackageFile: (packageName, file) =>
      path.join(path.dirname(require.resolve(`${packageName}/package.json`)), file),
  };
}

function nodeModulesSource(): AssetSource {
  let modules: NodeModules | undefined;
  const get = () => (modules ??= loadNodeModules());
  const locate = (file: ModelFile) =>
    get().resolvePackageFile(file.source.package, file.source.file);
  return {
    kind: 'node_modules',
    locate,
    async read(file, onBytes) {
      let location = `${file.source.package}/${file.source.file}`;
      try {
        location = locate(file);
        const bytes = await get().readFile(location);
        onBytes(bytes.byteLength);
        return bytes;
      } catch (error) {
        throw new ModelLoadError({
          url: location,
          status: undefined,
          cause: error,
          message: `Could not read ${location} from node_modules. Is ${file.source.package} installed?`,
        });
      }
    },
  };
}
