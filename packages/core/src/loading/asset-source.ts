import { ModelLoadError } from '@ondevice/errors';
import type { ModelFile } from '../models/model-manifest.js';
import { isNode, nodeProcess } from '../util/environment.js';
import { fetchBytes } from './fetch-bytes.js';

/** Where model files come from: an HTTP asset server, or node_modules in Node. */
export interface AssetSource {
  /** `url` for HTTP, `node_modules` for files read from disk. */
  readonly kind: 'url' | 'node_modules';
  /** The URL or path a file is read from, for messages and cache keys. */
  locate(file: ModelFile): string;
  /**
   * Reads a whole file once, calling `onChunk` with each chunk as it arrives.
   * @throws {ModelLoadError} whose `reason` tells whether another attempt may help.
   */
  read(
    file: ModelFile,
    onChunk: (chunk: Uint8Array) => void,
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

/**
 * Picks the source: an explicit base URL wins; otherwise node_modules in Node, `/ondevice/` in
 * browsers. One read is one attempt (over HTTP, a stalled one fails after `stallTimeoutMs`).
 */
export function createAssetSource(
  assetBaseUrl: string | undefined,
  options: { stallTimeoutMs: number },
): AssetSource {
  if (assetBaseUrl === undefined && isNode()) return nodeModulesSource();
  return urlSource(assetBaseUrl ?? defaultAssetBaseUrl, options.stallTimeoutMs);
}

/** Absolute form of a base URL, resolved against the page or worker location. */
export function resolveBaseUrl(assetBaseUrl: string): string {
  const base = assetBaseUrl.endsWith('/') ? assetBaseUrl : `${assetBaseUrl}/`;
  const location = (globalThis as { location?: { href: string } }).location?.href;
  return location ? new URL(base, location).href : new URL(base).href;
}

function urlSource(assetBaseUrl: string, stallTimeoutMs: number): AssetSource {
  const base = resolveBaseUrl(assetBaseUrl);
  const locate = (file: ModelFile) => new URL(file.path, base).href;
  return {
    kind: 'url',
    locate,
    read: (file, onChunk, signal) =>
      fetchBytes(locate(file), {
        stallTimeoutMs,
        onChunk,
        expectedBytes: file.bytes,
        ...(signal ? { signal } : {}),
      }),
  };
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
  const locate = (file: ModelFile) => {
    try {
      return get().resolvePackageFile(file.source.package, file.source.file);
    } catch {
      return `${file.source.package}/${file.source.file}`; // not installed: read() says so
    }
  };
  return {
    kind: 'node_modules',
    locate,
    async read(file, onChunk) {
      const location = locate(file);
      try {
        const bytes = await get().readFile(location);
        onChunk(bytes);
        return bytes;
      } catch (error) {
        throw new ModelLoadError({
          url: location,
          status: undefined,
          reason: 'unreadable',
          cause: error,
          message:
            file.source.package === '@ondevice/core'
              ? `Could not read ${location}: the 8-bit model files are written by \`npm run quantize\` (run by \`npm install\` in the ondevice repository; they ship in the published package).`
              : `Could not read ${location} from node_modules. Is ${file.source.package} installed?`,
        });
      }
    },
  };
}
