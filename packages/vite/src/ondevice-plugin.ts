import { createReadStream, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { Plugin } from 'vite';
import { listOnDeviceAssets, type OnDeviceAsset } from './ondevice-assets.js';

const gzipAsync = promisify(gzipCallback);

/**
 * Options of the {@link ondevice} Vite plugin.
 *
 * @example
 * ondevice({ base: '/models/', models: ['use-lite'] })
 */
export interface OnDevicePluginOptions {
  /**
   * URL path the assets are served and emitted under; must match the client's `assetBaseUrl`.
   * @default '/ondevice/'
   */
  base?: string;
  /**
   * Model ids whose files are served and emitted.
   * @default every built-in model
   */
  models?: readonly string[];
  /**
   * Send COOP/COEP headers in dev and preview so the page is cross-origin isolated and
   * tfjs can use threaded wasm. Turn off if the page embeds cross-origin content that lacks CORP.
   * @default true
   */
  crossOriginIsolation?: boolean;
}

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Vite plugin for apps using ondevice: serves the model files and tfjs wasm binaries straight
 * from node_modules in dev and preview (as static bytes, never through the module graph, so
 * extensionless weight shards work), emits them into the build output, and sets COOP/COEP.
 * No CDN is involved.
 *
 * @example
 * // vite.config.ts
 * import { ondevice } from '@ondevice/vite'
 * export default defineConfig({ plugins: [react(), ondevice()] })
 */
export function ondevice(options: OnDevicePluginOptions = {}): Plugin {
  const base = normaliseBase(options.base ?? '/ondevice/');
  const isolate = options.crossOriginIsolation ?? true;
  let assets: Map<string, OnDeviceAsset> | undefined;
  const getAssets = () => {
    assets ??= new Map(
      listOnDeviceAssets(options.models ? { models: options.models } : {}).map((asset) => [
        asset.urlPath,
        asset,
      ]),
    );
    return assets;
  };
  const headers = isolate ? isolationHeaders : {};
  const middleware = (appBase: () => string) => {
    return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
      const prefix = joinBase(appBase(), base);
      const pathname = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
      if (!pathname.startsWith(prefix)) return next();
      const asset = getAssets().get(pathname.slice(prefix.length));
      if (!asset) {
        response.statusCode = 404;
        response.setHeader('Content-Type', 'text/plain');
        response.end(`ondevice: no asset at ${pathname}`);
        return;
      }
      void serveFile(asset, request, response, headers);
    };
  };

  let resolvedBase = '/';
  return {
    name: 'ondevice',
    config(userConfig) {
      return {
        server: { headers },
        preview: { headers },
        worker: {
          // Module workers can code-split (tfjs loads lazily inside the worker).
          format: 'es' as const,
          // tfjs-backend-wasm starts its pthread workers from a function's source text
          // (`toString()`); minified, that text names identifiers the new worker lacks.
          // The inference worker is loaded lazily, so its size does not delay the page.
          rolldownOptions: { output: { minify: false } },
        },
        optimizeDeps: {
          // Pre-bundling would break core's `new Worker(new URL(…, import.meta.url))`…
          exclude: ['@ondevice/core', '@ondevice/react'],
          // …so pre-bundle their own dependencies up front, or the first visit reloads the page.
          include: prebundledDependencies(userConfig.root),
        },
      };
    },
    configResolved(config) {
      resolvedBase = config.base;
    },
    configureServer(server) {
      server.middlewares.use(middleware(() => resolvedBase));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(() => resolvedBase));
    },
    async generateBundle() {
      for (const asset of getAssets().values()) {
        this.emitFile({
          type: 'asset',
          fileName: `${base.slice(1)}${asset.urlPath}`,
          source: await readFile(asset.filePath),
        });
      }
    },
  };
}

/** Gzipped bodies by file and version, made once per server (8-bit weights shrink by a quarter). */
const gzipped = new Map<string, Promise<Buffer>>();

async function serveFile(
  asset: OnDeviceAsset,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
) {
  try {
    const info = await stat(asset.filePath);
    const version = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`;
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const etag = `"${version}${gzip ? '-gzip' : ''}"`;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    response.setHeader('Content-Type', asset.contentType);
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader('ETag', etag);
    if (request.headers['if-none-match'] === etag) {
      response.statusCode = 304;
      response.end();
      return;
    }
    if (!gzip) {
      response.setHeader('Content-Length', String(info.size));
      if (request.method === 'HEAD') return void response.end();
      createReadStream(asset.filePath).pipe(response);
      return;
    }
    const key = `${asset.filePath}\u0000${version}`;
    let body = gzipped.get(key);
    if (!body) {
      body = readFile(asset.filePath).then((bytes) => gzipAsync(bytes, { level: 6 }));
      gzipped.set(key, body);
      body.catch(() => gzipped.delete(key));
    }
    const bytes = await body;
    response.setHeader('Content-Encoding', 'gzip');
    response.setHeader('Content-Length', String(bytes.byteLength));
    response.end(request.method === 'HEAD' ? undefined : bytes);
  } catch (error) {
    response.statusCode = 500;
    response.end(`ondevice: could not read ${asset.filePath}: ${String(error)}`);
  }
}

/** Dependencies of the excluded @ondevice packages that Vite would otherwise find late. */
function prebundledDependencies(root: string | undefined): string[] {
  const require = createRequire(path.join(path.resolve(root ?? process.cwd()), 'package.json'));
  const installed = (name: string) => {
    try {
      require.resolve(`${name}/package.json`);
      return true;
    } catch {
      return false;
    }
  };
  // A package linked from a workspace (its real path outside node_modules) is served as source
  // and follows edits; pre-bundled, Vite would keep serving a stale snapshot of it.
  const fromRegistry = (name: string) => {
    try {
      return realpathSync(require.resolve(`${name}/package.json`))
        .split(path.sep)
        .includes('node_modules');
    } catch {
      return false;
    }
  };
  const core = [
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-converter',
    '@tensorflow/tfjs-backend-cpu',
    '@tensorflow/tfjs-backend-wasm',
    '@tensorflow/tfjs-backend-webgl',
    '@tensorflow/tfjs-backend-webgpu',
    '@noble/hashes/sha2.js',
    ...(fromRegistry('@ondevice/errors') ? ['@ondevice/errors'] : []),
  ].map((name) => `@ondevice/core > ${name}`);
  const react = ['zustand', 'zustand/vanilla'].map((name) => `@ondevice/react > ${name}`);
  return [
    ...(installed('@ondevice/core') ? core : []),
    ...(installed('@ondevice/react') ? react : []),
  ];
}

function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

function joinBase(appBase: string, assetBase: string): string {
  const prefix = appBase.endsWith('/') ? appBase.slice(0, -1) : appBase;
  return `${/^https?:/.test(prefix) ? '' : prefix}${assetBase}`;
}
