import type * as TfjsConverter from '@tensorflow/tfjs-converter';
import type * as TfjsCore from '@tensorflow/tfjs-core';
import { BackendUnavailableError } from '@ondevice/errors';
import type { BackendName } from '../backend-name.js';
import type { RuntimeEnvironment } from '../runtime.js';
import { keepingHostListeners } from './host-listeners.js';

/** The TensorFlow.js modules the engine uses, loaded lazily so they stay out of the initial bundle. */
export interface Tfjs {
  tf: typeof TfjsCore;
  converter: typeof TfjsConverter;
}

let tfjs: Promise<Tfjs> | undefined;

/** Loads tfjs-core and the graph-model converter once per thread. */
export function loadTfjs(): Promise<Tfjs> {
  tfjs ??= Promise.all([
    import('@tensorflow/tfjs-core'),
    import('@tensorflow/tfjs-converter'),
  ]).then(([tf, converter]) => ({ tf, converter }));
  return tfjs;
}

const registered = new Map<BackendName, Promise<void>>();

/**
 * Imports a backend's module (which registers it with tfjs) and points the wasm backend at the
 * self-hosted binaries, before the backend first initialises.
 */
export function registerBackend(name: BackendName, wasm: WasmSettings): Promise<void> {
  let registration = registered.get(name);
  if (!registration) {
    registration = importBackend(name, wasm);
    registered.set(name, registration);
    // A binary that could not be fetched (offline, nothing cached) is tried again next time.
    registration.catch(() => registered.delete(name));
  }
  return registration;
}

/** Where the wasm binaries are, and whether the threaded build may be used. */
export interface WasmSettings {
  /** URL prefix of the `.wasm` files; undefined in Node, which reads them from the package. */
  baseUrl: string | undefined;
  /**
   * Threaded wasm starts its pthread workers from a function's source text, which minifiers
   * break when that function is bundled into an app's main chunk; the worker bundle is left
   * unminified by @ondevice/vite, so threads are only used when the engine runs in a worker.
   */
  threads: boolean;
  /**
   * Reads a file below the asset base through the engine's loader (stall detection, retries)
   * and model cache, so an offline repeat visit keeps the wasm backend; undefined in Node.
   */
  readAsset: RuntimeEnvironment['readAsset'];
}

/** The binaries of tfjs-backend-wasm; `setWasmPaths` wants a URL for each. */
const wasmBinaries = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

async function importBackend(name: BackendName, wasm: WasmSettings): Promise<void> {
  switch (name) {
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'wasm': {
      const backend = await import('@tensorflow/tfjs-backend-wasm');
      const { tf } = await loadTfjs();
      if (!wasm.threads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      // Never the default CDN: the binaries are served by @ondevice/vite (or read from disk in Node).
      if (wasm.baseUrl) backend.setWasmPaths(await wasmPaths(tf, wasm, backend.version_wasm));
      return;
    }
  }
}

/**
 * A URL for each wasm binary: the one this thread will instantiate (the same choice
 * tfjs-backend-wasm makes from its SIMD and threads flags) as a blob: URL of bytes read
 * through the engine's loader and cache; the others, never fetched, at the asset base.
 */
async function wasmPaths(
  tf: Tfjs['tf'],
  wasm: WasmSettings,
  version: string,
): Promise<Record<string, string>> {
  const base = wasm.baseUrl as string;
  const paths: Record<string, string> = Object.fromEntries(
    wasmBinaries.map((name) => [name, `${base}${name}`]),
  );
  if (!wasm.readAsset) return paths;
  const [simd, threads] = await Promise.all([
    tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  ]);
  const used = simd
    ? threads
      ? 'tfjs-backend-wasm-threaded-simd.wasm'
      : 'tfjs-backend-wasm-simd.wasm'
    : 'tfjs-backend-wasm.wasm';
  const bytes = await wasm.readAsset(`wasm/${used}`, {
    version: `tfjs-backend-wasm@${version}`,
    isValid: isWasmBinary,
  });
  // Kept for the thread's life: the module (and, threaded, its pthread workers) may read it.
  paths[used] = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/wasm' }),
  );
  return paths;
}

/** A WebAssembly binary starts with `\0asm`. */
function isWasmBinary(bytes: Uint8Array): boolean {
  return bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
}

/** Makes `name` the active tfjs backend of this thread. */
export async function activateBackend(runtime: Tfjs, name: BackendName, wasm: WasmSettings) {
  await registerBackend(name, wasm);
  let ok: boolean;
  try {
    // The wasm backend's glue would otherwise add process-wide handlers in Node.
    ok = await keepingHostListeners(() => runtime.tf.setBackend(name));
  } catch (error) {
    throw new BackendUnavailableError({
      backend: name,
      reason: error instanceof Error ? error.message : String(error),
      cause: error,
      message: `The ${name} backend failed to initialise: ${String(error)}`,
    });
  }
  if (!ok) {
    throw new BackendUnavailableError({
      backend: name,
      reason: 'initialisation failed',
      message: `The ${name} backend failed to initialise in this context.`,
    });
  }
  await keepingHostListeners(() => runtime.tf.ready());
}
