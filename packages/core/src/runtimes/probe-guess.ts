import type { BackendName } from './backend-name.js';
import { probeWebGl, probeWebGpu } from './probe-gpu.js';
import type { BackendPolicy, BackendProbe } from './runtime.js';
import type { BackendCandidate, BackendSelection } from './select-backend.js';

/**
 * Probes a GPU backend (`webgpu` or `webgl`) without loading a runtime. A software rasteriser
 * (SwiftShader, llvmpipe) is unusable under `auto` unless `allowSoftwareRenderer` is set: it is
 * tens of times slower than wasm.
 *
 * @example
 * const probe = await probeGpuBackend('webgpu', policy)
 */
export async function probeGpuBackend(
  name: 'webgpu' | 'webgl',
  policy: BackendPolicy | undefined,
): Promise<BackendProbe> {
  const gpu = name === 'webgpu' ? await probeWebGpu() : probeWebGl();
  if (!gpu.available) return { name, usable: false, reason: gpu.reason ?? 'not available' };
  const device = gpu.device ? { device: gpu.device } : {};
  if (gpu.software && policy?.requested === 'auto' && !policy.allowSoftwareRenderer) {
    return {
      name,
      usable: false,
      ...device,
      reason: `software renderer (${gpu.device ?? 'unknown'}) is never chosen by default; set allowSoftwareRenderer to measure it`,
    };
  }
  return { name, usable: true, ...device };
}

/**
 * The `auto` choice made without measuring: the first usable backend of `order`, with every
 * candidate's outcome (the others are measured once the model is idle). Undefined when none is
 * usable.
 *
 * @example
 * const selection = guessFromProbes(probes, ['webgpu', 'wasm'], started)
 */
export function guessFromProbes(
  probes: readonly BackendProbe[],
  order: readonly BackendName[],
  started: number,
): BackendSelection | undefined {
  const guess = probes.find((probe) => probe.usable)?.name;
  if (!guess) return undefined;
  const candidates: BackendCandidate[] = probes.map((probe) => {
    const device = probe.device ? { device: probe.device } : {};
    if (!probe.usable) {
      return { name: probe.name, ...device, outcome: 'rejected', reason: probe.reason ?? '' };
    }
    return probe.name === guess
      ? {
          name: probe.name,
          ...device,
          outcome: 'chosen',
          reason: `first usable of ${order.join(', ')}: taken at once, measured against the others when the model is idle`,
        }
      : {
          name: probe.name,
          ...device,
          outcome: 'skipped',
          reason: 'to be measured when the model is idle',
        };
  });
  return {
    requested: 'auto',
    chosen: guess,
    decidedBy: 'probe',
    candidates,
    milliseconds: performance.now() - started,
  };
}
