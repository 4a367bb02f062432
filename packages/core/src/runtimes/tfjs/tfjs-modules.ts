import type * as TfjsConverter from '@tensorflow/tfjs-converter';
import type * as TfjsCore from '@tensorflow/tfjs-core';
import { BackendUnavailableError } from '@ondevice/errors';
import type { BackendName } from '../backend-name.js';
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
}

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
      // Never the default CDN: the binaries are served by @ondevice/vite (or read from disk in Node).
      if (wasm.baseUrl) backend.setWasmPaths(wasm.baseUrl);
      if (!wasm.threads) (await loadTfjs()).tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      return;
    }
  }
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
