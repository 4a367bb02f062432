import { createRequire } from 'node:module';
import path from 'node:path';
import { getModelManifest, listModelIds } from '@ondevice/core';

/**
 * One file the browser fetches at run time: its URL path under the base, and where it is on disk.
 *
 * @example
 * for (const { urlPath, filePath } of listOnDeviceAssets()) console.log(urlPath, filePath)
 */
export interface OnDeviceAsset {
  /** Path below the asset base, e.g. `models/use-lite/model.json` or `wasm/tfjs-backend-wasm.wasm`. */
  urlPath: string;
  /** Absolute path of the file in node_modules. */
  filePath: string;
  /** Content-Type to serve it with. */
  contentType: string;
}

const wasmBinaries = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/**
 * Every runtime asset of the built-in models and the tfjs wasm backend, resolved from
 * node_modules as @ondevice/core sees it (so the versions are the ones core depends on).
 *
 * @example
 * listOnDeviceAssets({ models: ['use-lite'] }).map((asset) => asset.urlPath)
 */
export function listOnDeviceAssets(options: { models?: readonly string[] } = {}): OnDeviceAsset[] {
  const fromPlugin = createRequire(import.meta.url);
  const fromCore = createRequire(fromPlugin.resolve('@ondevice/core/package.json'));
  const packageDirectory = (name: string) => path.dirname(fromCore.resolve(`${name}/package.json`));
  const models = (options.models ?? listModelIds()).map((id) => getModelManifest(id));
  const modelAssets = models.flatMap((manifest) =>
    manifest.files.map((file) => ({
      urlPath: file.path,
      filePath: path.join(packageDirectory(file.source.package), file.source.file),
      contentType: file.path.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    })),
  );
  const wasmDirectory = path.join(packageDirectory('@tensorflow/tfjs-backend-wasm'), 'dist');
  const wasmAssets = wasmBinaries.map((name) => ({
    urlPath: `wasm/${name}`,
    filePath: path.join(wasmDirectory, name),
    contentType: 'application/wasm',
  }));
  return [...modelAssets, ...wasmAssets];
}
