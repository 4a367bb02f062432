import { createRequire } from 'node:module';
import path from 'node:path';
import type { OnDeviceAsset } from './ondevice-assets.js';

/**
 * The onnxruntime-web files Transformers.js fetches at run time once core points
 * `env.backends.onnx.wasm.wasmPaths` at `<base>ort/`. Each build imports its factory (`.mjs`,
 * also the script of its pthread workers), which fetches the `.wasm` of the same name:
 * - the plain wasm build (`onnxruntime-web/wasm`, a 14 MB binary), which core hands to
 *   Transformers.js when no model of the engine can run on WebGPU;
 * - the asyncify build of `onnxruntime-web/webgpu` (27 MB), which Transformers.js imports itself
 *   and which runs both the `wasm` and the `webgpu` devices.
 * A page downloads one of the two. The jsep and jspi builds are never requested, so they are not
 * served. A test checks the names against the installed onnxruntime-web.
 */
export const onnxRuntimeFiles = [
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
] as const;

/**
 * Where `@huggingface/transformers` is installed, looked up the way the app's bundle finds it:
 * from the `@ondevice/core` this plugin depends on first (core imports it), then from the project
 * root.
 *
 * @returns the path of its resolved entry file, or `undefined` when it is not installed.
 * @example
 * const transformersEntry = findTransformers(config.root)
 */
export function findTransformers(root: string): string | undefined {
  const places = [
    // The same lookup as listOnDeviceAssets: the copy of core this plugin depends on.
    () => createRequire(createRequire(import.meta.url).resolve('@ondevice/core/package.json')),
    () => createRequire(path.join(root, 'package.json')),
  ];
  for (const place of places) {
    try {
      // The package exports no `./package.json`; its entry sits in the same install.
      return place().resolve('@huggingface/transformers');
    } catch {
      // Not installed there; try the next place.
    }
  }
  return undefined;
}

/**
 * The onnxruntime-web wasm factory and binary, resolved from the copy of onnxruntime-web that
 * `@huggingface/transformers` itself resolves (so the binary matches the JavaScript that loads it).
 *
 * @param transformersEntry - the entry file returned by {@link findTransformers}.
 * @example
 * listOnnxRuntimeAssets(findTransformers(root)!).map((asset) => asset.urlPath)
 * // ['ort/ort-wasm-simd-threaded.mjs', 'ort/ort-wasm-simd-threaded.wasm', 'ort/ort-wasm-simd-threaded.asyncify.mjs', …]
 */
export function listOnnxRuntimeAssets(transformersEntry: string): OnDeviceAsset[] {
  const fromTransformers = createRequire(transformersEntry);
  return onnxRuntimeFiles.map((name) => ({
    urlPath: `ort/${name}`,
    // onnxruntime-web exports each of these files by name.
    filePath: fromTransformers.resolve(`onnxruntime-web/${name}`),
    contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
  }));
}
