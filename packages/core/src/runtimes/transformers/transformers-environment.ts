import { ModelLoadError } from '@ondevice/errors';
import { isNode } from '../../util/environment.js';

import type * as Transformers from '@huggingface/transformers';

/** What the rest of the runtime uses of `@huggingface/transformers`. */
export type TransformersModule = typeof Transformers;

/**
 * Which onnxruntime-web build runs Transformers.js's sessions in a browser:
 * - `wasm`: onnxruntime-web's plain wasm build (`onnxruntime-web/wasm`, a 14 MB binary), for an
 *   engine whose models cannot run on WebGPU (backend `wasm`, or `auto` with no usable WebGPU);
 * - `webgpu`: the build Transformers.js imports itself (`onnxruntime-web/webgpu`, a 27 MB
 *   asyncify binary that runs both devices).
 * Asyncify instruments the whole binary so that WebGPU calls can wait: on the CPU the plain build
 * compiled about 2.5× faster and generated about 1.6× faster here (docs/benchmarks.md, (i)).
 * Node always uses onnxruntime-node (`node`).
 */
export type OnnxRuntimeBuild = 'wasm' | 'webgpu' | 'node';

/** Transformers.js as loaded in this realm, and the onnxruntime build its sessions run on. */
export interface LoadedTransformers {
  transformers: TransformersModule;
  build: OnnxRuntimeBuild;
}

/** Where Transformers.js looks for an onnxruntime a host provides, when it is first evaluated. */
const providedRuntime = Symbol.for('onnxruntime');

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
let module: Promise<LoadedTransformers> | undefined;

/**
 * Imports Transformers.js once per realm and sets its environment for ondevice: no file system,
 * no browser cache and no remote host of its own (files come from the engine through a custom
 * cache), onnxruntime-web's wasm from `assetBaseUrl` + `ort/` (served by `@ondevice/vite`, never
 * a CDN), threads as onnxruntime-web chooses them when the page is cross-origin isolated.
 *
 * With `wasmOnly` (in a browser), Transformers.js is handed onnxruntime-web's plain wasm build
 * through the hook it reads when it is first evaluated (`Symbol.for('onnxruntime')`, set only for
 * that import). The first call in a realm decides; when the page imported Transformers.js before,
 * its own build stays (the result says which build runs).
 *
 * @example
 * const { transformers, build } = await loadTransformers({ assetBaseUrl: '/ondevice/', threads: true, wasmOnly: true })
 */
export function loadTransformers(options: {
  assetBaseUrl: string | undefined;
  threads: boolean;
  wasmOnly: boolean;
}): Promise<LoadedTransformers> {
  module ??= importTransformers(options.wasmOnly && !isNode()).then(({ transformers, build }) => {
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
    return { transformers, build };
  });
  module.catch(() => {
    module = undefined;
  });
  return module;
}

/** Imports Transformers.js, over onnxruntime-web's plain wasm build when `wasmOnly`. */
async function importTransformers(wasmOnly: boolean): Promise<LoadedTransformers> {
  if (!wasmOnly) {
    return {
      transformers: await import('@huggingface/transformers'),
      build: isNode() ? 'node' : 'webgpu',
    };
  }
  const wasm = await import('onnxruntime-web/wasm');
  const host = globalThis as Record<symbol, unknown>;
  const hadOwn = providedRuntime in host;
  if (!hadOwn) host[providedRuntime] = wasm;
  try {
    const transformers = await import('@huggingface/transformers');
    // Evaluated before (the page imported it) or over another provided runtime: not ours.
    // (`env.backends.onnx` is a shallow copy of the runtime's env; its `wasm` part is shared.)
    const ours = transformers.env.backends.onnx.wasm === wasm.env.wasm;
    return { transformers, build: ours ? 'wasm' : 'webgpu' };
  } finally {
    if (!hadOwn) delete host[providedRuntime];
  }
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
