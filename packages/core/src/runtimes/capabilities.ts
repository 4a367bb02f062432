/**
 * What this thread can do, computed once with `typeof` guards.
 *
 * @example
 * const { wasmThreads, crossOriginIsolated } = client.diagnostics().capabilities ?? {}
 */
export interface Capabilities {
  webgpu: boolean;
  webgl2: boolean;
  wasm: boolean;
  wasmSimd: boolean;
  /** SharedArrayBuffer in a cross-origin-isolated context: threaded wasm can run. */
  wasmThreads: boolean;
  crossOriginIsolated: boolean;
  cacheApi: boolean;
  hardwareConcurrency: number;
}

// The smallest module using a SIMD instruction (as in wasm-feature-detect).
const simdProbe = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
]);

let detected: Readonly<Capabilities> | undefined;

/** Capability flags of the current thread, frozen and computed on first use. */
export function detectCapabilities(): Readonly<Capabilities> {
  if (detected) return detected;
  const scope = globalThis as {
    navigator?: { gpu?: unknown; hardwareConcurrency?: number };
    crossOriginIsolated?: boolean;
    OffscreenCanvas?: unknown;
    WebGL2RenderingContext?: unknown;
  };
  const wasm = typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function';
  const crossOriginIsolated = scope.crossOriginIsolated === true;
  detected = Object.freeze({
    webgpu: typeof scope.navigator?.gpu === 'object' && scope.navigator.gpu !== null,
    webgl2:
      typeof scope.OffscreenCanvas === 'function' ||
      typeof scope.WebGL2RenderingContext === 'function',
    wasm,
    wasmSimd: wasm && WebAssembly.validate(simdProbe),
    wasmThreads: wasm && typeof SharedArrayBuffer === 'function' && crossOriginIsolated,
    crossOriginIsolated,
    cacheApi: typeof caches === 'object',
    hardwareConcurrency: scope.navigator?.hardwareConcurrency ?? 1,
  });
  return detected;
}
