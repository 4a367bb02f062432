import { ModelLoadError } from '@ondevice/errors';

import type * as Transformers from '@huggingface/transformers';

/** What the rest of the runtime uses of `@huggingface/transformers`. */
export type TransformersModule = typeof Transformers;

/**
 * Host of the model keys Transformers.js sees. Nothing is ever fetched from it: every file is
 * handed over from memory (the engine downloaded, verified and cached it), and a request for a
 * file that was not handed over is answered by the model's own reader.
 */
const keyHost = 'https://ondevice.invalid/';

/** Files of one model being loaded, and how to read one more on demand. */
interface Registered {
  files: Map<string, Uint8Array>;
  readMore(path: string): Promise<Uint8Array | undefined>;
}

const registered = new Map<string, Registered>();
let nextKey = 1;
let module: Promise<TransformersModule> | undefined;

/**
 * Imports Transformers.js once and sets its environment for ondevice: no file system, no
 * browser cache and no remote host of its own (files come from the engine through a custom
 * cache), onnxruntime-web's wasm from `assetBaseUrl` + `ort/` (served by `@ondevice/vite`,
 * never a CDN), threads as onnxruntime-web chooses them when the page is cross-origin isolated.
 *
 * @example
 * const transformers = await loadTransformers({ assetBaseUrl: '/ondevice/', threads: true })
 */
export function loadTransformers(options: {
  assetBaseUrl: string | undefined;
  threads: boolean;
}): Promise<TransformersModule> {
  module ??= import('@huggingface/transformers').then((transformers) => {
    const { env } = transformers;
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.remoteHost = keyHost;
    env.remotePathTemplate = '{model}/';
    env.useBrowserCache = false;
    env.useFSCache = false;
    env.useWasmCache = false;
    env.useCustomCache = true;
    env.customCache = {
      match: async (request: string) => {
        const bytes = lookUp(request);
        return bytes ? new Response(bytes as Uint8Array<ArrayBuffer>) : undefined;
      },
      put: async () => {},
    };
    env.fetch = async (input: string | URL) => {
      const url = String(input);
      const entry = entryOf(url);
      if (!entry) {
        // Transformers.js asked for something outside ondevice's files (a CDN, the hub).
        throw new ModelLoadError({
          url,
          status: undefined,
          reason: 'network',
          message: `ondevice does not let Transformers.js fetch ${url}: files come only from the model's own location.`,
        });
      }
      const bytes = await entry.registered.readMore(entry.path);
      return bytes
        ? new Response(bytes as Uint8Array<ArrayBuffer>)
        : new Response(null, { status: 404 });
    };
    const onnx = env.backends.onnx as {
      wasm?: { wasmPaths?: string; numThreads?: number; proxy?: boolean };
      logLevel?: string;
    };
    if (onnx.wasm) {
      if (options.assetBaseUrl) onnx.wasm.wasmPaths = new URL('ort/', options.assetBaseUrl).href;
      // onnxruntime-web picks its own thread count (half the cores, at most 4; one when the page
      // is not cross-origin isolated): more threads than that made small models slower here
      // (two threads on two cores: generation 0.74x and encoders 0.56x of the raw pipeline).
      if (!options.threads) onnx.wasm.numThreads = 1;
    }
    onnx.logLevel = 'error';
    return transformers;
  });
  module.catch(() => {
    module = undefined;
  });
  return module;
}

/**
 * Hands a model's files to Transformers.js under a fresh model key; `readMore` answers a file
 * it asks for beyond them. Call the returned function once the model is built, to drop the bytes.
 *
 * @example
 * const { key, release } = registerFiles(files, (path) => reader.read([{ path, optional: true }]).then((m) => m.get(path)))
 */
export function registerFiles(
  files: Map<string, Uint8Array>,
  readMore: (path: string) => Promise<Uint8Array | undefined>,
): { key: string; release: () => void } {
  const key = `ondevice/model-${nextKey++}`;
  registered.set(key, { files, readMore });
  return { key, release: () => registered.delete(key) };
}

function entryOf(url: string): { registered: Registered; path: string } | undefined {
  if (!url.startsWith(keyHost)) return undefined;
  const rest = url.slice(keyHost.length);
  const [owner, name, ...path] = rest.split('/');
  const entry = registered.get(`${owner}/${name}`);
  return entry ? { registered: entry, path: decodeURIComponent(path.join('/')) } : undefined;
}

function lookUp(url: string): Uint8Array | undefined {
  const entry = entryOf(url);
  return entry?.registered.files.get(entry.path);
}
