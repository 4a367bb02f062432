import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InvalidInputError, getModelManifest, listModelIds } from '@ondevice/core';
import type { Plugin } from 'vite';
import { listOnDeviceAssets, type OnDeviceAsset } from './ondevice-assets.js';
import {
  findFolderAsset,
  folderManifestBytes,
  folderManifestName,
  listFolderFiles,
} from './model-folder-files.js';
import { checkModelFolderNames, resolveModelFolders, type ModelFolder } from './model-folders.js';
import { findTransformers, listOnnxRuntimeAssets } from './onnxruntime-assets.js';
import { serveAsset } from './serve-asset.js';

/**
 * Options of the {@link ondevice} Vite plugin.
 *
 * @example
 * ondevice({
 *   base: '/models/',
 *   models: ['use-lite'],
 *   modelFolders: { 'converted/llama2.c-stories260K': './models/llama2.c-stories260K' },
 * })
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
  /**
   * Serve and emit the onnxruntime-web wasm factory and binary that the Transformers.js runtime
   * loads, at `<base>ort/` (about 27 MB). Set `false` if the app never uses that runtime.
   * @default true when `@huggingface/transformers` is installed (for `@ondevice/core`, or in the project)
   */
  transformers?: boolean;
  /**
   * Local model folders to serve and emit, by name: each file of the folder (dotfiles skipped) at
   * `<base>models/<name>/<path>`, plus a generated `ondevice-files.json` listing every file with
   * its size and sha256 (unless the folder has one). A name is one or two parts joined by `/`, of
   * letters, digits, `.`, `_` and `-`; a folder is absolute or relative to the Vite root.
   * @default {}
   */
  modelFolders?: Readonly<Record<string, string>>;
}

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Vite plugin for apps using ondevice: serves the model files and wasm binaries (tfjs, and the
 * onnxruntime-web build Transformers.js loads) straight from node_modules in dev and preview (as
 * static bytes, never through the module graph, so extensionless weight shards and the wasm
 * factory are served as they are), serves local model folders, emits all of it into the build
 * output, and sets COOP/COEP. No CDN is involved.
 *
 * @throws {InvalidInputError} for an option of the wrong shape or a `modelFolders` entry with a
 *   bad name (when called) or a missing folder (when Vite resolves its config).
 * @example
 * // vite.config.ts
 * import { ondevice } from '@ondevice/vite'
 * export default defineConfig({ plugins: [react(), ondevice()] })
 */
export function ondevice(options: OnDevicePluginOptions = {}): Plugin {
  const base = normaliseBase(options.base ?? '/ondevice/');
  const isolate = options.crossOriginIsolation ?? true;
  if (options.transformers !== undefined && typeof options.transformers !== 'boolean') {
    throw new InvalidInputError({
      parameter: 'transformers',
      message: `ondevice(): transformers must be true, false or left out; got ${typeof options.transformers}.`,
    });
  }
  checkModelFolderNames(options.modelFolders, builtInModelDirectories());
  let folders: ModelFolder[] = [];
  let transformersEntry: string | undefined;
  let assets: Map<string, OnDeviceAsset> | undefined;
  const getAssets = () => {
    assets ??= new Map(
      [
        ...listOnDeviceAssets(options.models ? { models: options.models } : {}),
        ...(transformersEntry ? listOnnxRuntimeAssets(transformersEntry) : []),
      ].map((asset) => [asset.urlPath, asset]),
    );
    return assets;
  };
  const headers = isolate ? isolationHeaders : {};
  const middleware = (appBase: () => string) => {
    return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
      const prefix = joinBase(appBase(), base);
      const pathname = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
      if (!pathname.startsWith(prefix)) return next();
      const urlPath = pathname.slice(prefix.length);
      const answer = async () => {
        const asset = getAssets().get(urlPath) ?? (await findModelFolderAsset(folders, urlPath));
        if (asset) return serveAsset(asset, request, response, headers);
        response.statusCode = 404;
        response.setHeader('Content-Type', 'text/plain');
        response.end(`ondevice: no asset at ${pathname}`);
      };
      // A folder removed while the server runs fails the manifest's walk: answer, do not crash.
      answer().catch((error: unknown) => {
        response.statusCode = 500;
        response.end(`ondevice: could not serve ${pathname}: ${String(error)}`);
      });
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
      // Checked here, where the root that relative folders start from is known; Vite reports the
      // error before it serves or builds anything.
      folders = resolveModelFolders(options.modelFolders ?? {}, config.root);
      transformersEntry =
        options.transformers === false ? undefined : findTransformers(config.root);
      if (options.transformers === true && !transformersEntry) {
        throw new InvalidInputError({
          parameter: 'transformers',
          message: `ondevice(): transformers is true, but @huggingface/transformers is installed neither for @ondevice/core nor in ${config.root}. Install it, or leave the option out.`,
        });
      }
    },
    configureServer(server) {
      server.middlewares.use(middleware(() => resolvedBase));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(() => resolvedBase));
    },
    async generateBundle() {
      const emit = (urlPath: string, source: Uint8Array) =>
        this.emitFile({ type: 'asset', fileName: `${base.slice(1)}${urlPath}`, source });
      for (const asset of getAssets().values()) {
        emit(asset.urlPath, await readFile(asset.filePath));
      }
      for (const folder of folders) {
        const files = await listFolderFiles(folder.directory);
        for (const file of files) {
          const source = await readFile(path.join(folder.directory, ...file.split('/')));
          emit(`models/${folder.name}/${file}`, source);
        }
        if (!files.includes(folderManifestName)) {
          emit(
            `models/${folder.name}/${folderManifestName}`,
            await folderManifestBytes(folder.directory),
          );
        }
      }
    },
  };
}

/** The folder a request under `<base>models/<name>/` is for, and the file it names in it. */
async function findModelFolderAsset(folders: readonly ModelFolder[], urlPath: string) {
  for (const folder of folders) {
    const prefix = `models/${folder.name}/`;
    if (urlPath.startsWith(prefix)) return findFolderAsset(folder, urlPath.slice(prefix.length));
  }
  return undefined;
}

/** URL folders of the built-in models (`models/use-lite/`), which a model folder may not overlap. */
function builtInModelDirectories(): string[] {
  const directories = listModelIds().flatMap((id) =>
    getModelManifest(id).files.map((file) => `${path.posix.dirname(file.path)}/`),
  );
  return [...new Set(directories)];
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
  // Transformers.js only where this core depends on it: Vite fails to pre-bundle a missing package.
  const fromCore = (name: string) => {
    try {
      createRequire(require.resolve('@ondevice/core/package.json')).resolve(name);
      return true;
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
    ...(fromCore('@huggingface/transformers') ? ['@huggingface/transformers'] : []),
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
