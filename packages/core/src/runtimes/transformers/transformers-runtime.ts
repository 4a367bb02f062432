import { BackendUnavailableError, InvalidInputError } from '@ondevice/errors';
import { isNode } from '../../util/environment.js';
import type { BackendName } from '../backend-name.js';
import { guessFromProbes, probeGpuBackend } from '../probe-guess.js';
import {
  type BackendPolicy,
  type BackendProbe,
  type Runtime,
  type RuntimeEnvironment,
  type RuntimeFactory,
  type RuntimeLoadOptions,
  type RuntimeLoadResult,
  type RuntimeMemory,
  type RuntimeModel,
  type RuntimeProbe,
  runtimeSpecificationVersion,
} from '../runtime.js';
import { type BackendSelection, selectBackend } from '../select-backend.js';
import { detectCapabilities } from '../capabilities.js';
import { buildTransformersModel, parseJson } from './build-model.js';
import { type TransformersConfig, taskOfConfig } from './model-kind.js';
import { timeModel } from './time-model.js';
import { type OnnxRuntimeBuild, loadTransformers } from './transformers-environment.js';

/** Devices of onnxruntime in browsers, in the order `auto` considers them. */
const browserBackends: readonly BackendName[] = ['webgpu', 'wasm'];

/**
 * Transformers.js (`@huggingface/transformers`, ONNX Runtime) as an ondevice runtime: models by
 * hub id or folder, their files read by the engine (one progress stream, cache, hashes when
 * known, cancellation), onnxruntime-web's wasm from the app's own asset server. Devices: `wasm`
 * and `webgpu` in browsers, `cpu` (onnxruntime-node) in Node.
 *
 * @example
 * const runtime = createRuntime({ assetBaseUrl: '/ondevice/', threads: true })
 * const { model } = await runtime.load({ manifest, readFiles, locationFiles, policy, onInitializing })
 */
class TransformersRuntime implements Runtime {
  readonly specificationVersion = runtimeSpecificationVersion;
  readonly name = 'transformers';
  /** Models loaded and not unloaded, with the bytes of their files. */
  private readonly live = new Map<RuntimeModel, number>();
  /** The onnxruntime build Transformers.js runs on here, once it is loaded. */
  private onnxBuild: OnnxRuntimeBuild | undefined;

  constructor(private readonly environment: RuntimeEnvironment) {}

  async probe(): Promise<RuntimeProbe> {
    const capabilities = detectCapabilities();
    if (isNode()) {
      return {
        capabilities,
        backends: [{ name: 'cpu', usable: true, device: 'onnxruntime-node on the CPU' }],
      };
    }
    const backends: BackendProbe[] = [];
    for (const name of browserBackends) backends.push(await this.probeBackend(name, undefined));
    return { capabilities, backends };
  }

  async load(options: RuntimeLoadOptions): Promise<RuntimeLoadResult> {
    const { manifest, locationFiles, policy } = options;
    if (!locationFiles) {
      throw new InvalidInputError({
        parameter: 'model',
        message: `"${manifest.id}" has no location: Transformers.js models are named by hub id or folder (see transformersModel()).`,
      });
    }
    // The build is chosen once, at the first load (later loads get the same module back): probe
    // WebGPU for it only then.
    const { transformers, build: onnxBuild } = await loadTransformers({
      ...this.environment,
      wasmOnly: this.onnxBuild === undefined && !(await this.webgpuPossible(policy)),
    });
    const configBytes = (await locationFiles.read([{ path: 'config.json' }])).get('config.json');
    const config = parseJson<TransformersConfig>(configBytes, `${locationFiles.base}config.json`);
    const task = taskOfConfig(config, manifest.task, manifest.id);
    const started = performance.now();
    this.onnxBuild = onnxBuild;
    const { backend, selection } = await this.chooseBackend(policy);
    const build = async (device: BackendName) => {
      const { model, bytes } = await buildTransformersModel({
        transformers,
        onnxBuild,
        manifest,
        reader: locationFiles,
        config,
        task,
        backend: device,
        onInitializing: options.onInitializing,
      });
      return this.track(model, bytes);
    };
    const model = await build(backend);
    const chosen: BackendSelection = { ...selection, milliseconds: performance.now() - started };
    const others = chosen.candidates.filter((candidate) => candidate.outcome === 'skipped');
    if (chosen.decidedBy !== 'probe' || others.length === 0) {
      return { model, selection: chosen };
    }
    return {
      model,
      selection: chosen,
      measure: async () => {
        const trials = new Map<BackendName, RuntimeModel>([[backend, model]]);
        const measured = await selectBackend({
          requested: 'auto',
          budgetMs: policy.budgetMs,
          backends: browserBackends,
          hooks: {
            probe: async (name) => {
              const probe = await this.probeBackend(name, policy);
              return probe.usable
                ? { usable: true, ...(probe.device ? { device: probe.device } : {}) }
                : { usable: false, reason: probe.reason ?? 'not available' };
            },
            measure: async (name) => {
              const trial = trials.get(name) ?? (await build(name));
              trials.set(name, trial);
              return timeModel(trial);
            },
          },
        });
        for (const [name, trial] of trials) {
          if (name !== measured.chosen && name !== backend) await trial.unload();
        }
        return { model: trials.get(measured.chosen) ?? model, selection: measured };
      },
    };
  }

  async memory(): Promise<RuntimeMemory> {
    let bytes = 0;
    for (const size of this.live.values()) bytes += size;
    return { tensors: this.live.size, bytes };
  }

  /**
   * Whether a model of this engine may run on WebGPU: decides the onnxruntime build Transformers.js
   * is loaded over (the plain wasm build when it may not).
   */
  private async webgpuPossible(policy: BackendPolicy): Promise<boolean> {
    if (isNode() || policy.requested === 'wasm') return false;
    if (policy.requested === 'webgpu') return true;
    if (policy.requested !== 'auto') return false; // refused by chooseBackend
    return (await this.probeBackend('webgpu', policy)).usable;
  }

  /** The device to load on first: explicit, remembered, or the probe's first usable one. */
  private async chooseBackend(
    policy: BackendPolicy,
  ): Promise<{ backend: BackendName; selection: BackendSelection }> {
    const started = performance.now();
    if (isNode()) {
      if (policy.requested !== 'auto' && policy.requested !== 'cpu') {
        throw new BackendUnavailableError({
          backend: policy.requested,
          reason: 'Transformers.js runs on onnxruntime-node (cpu) in Node',
          message: `Backend "${policy.requested}" cannot run Transformers.js models in Node: use "auto" or "cpu".`,
        });
      }
      return {
        backend: 'cpu',
        selection: {
          requested: policy.requested,
          chosen: 'cpu',
          decidedBy: policy.requested === 'auto' ? 'probe' : 'explicit',
          candidates: [
            {
              name: 'cpu',
              outcome: 'chosen',
              device: 'onnxruntime-node on the CPU',
              reason: 'the only device of Transformers.js in Node',
            },
          ],
          milliseconds: performance.now() - started,
        },
      };
    }
    if (policy.requested !== 'auto') {
      if (!browserBackends.includes(policy.requested)) {
        throw new BackendUnavailableError({
          backend: policy.requested,
          reason: 'Transformers.js runs on wasm or webgpu in browsers',
          message: `Backend "${policy.requested}" cannot run Transformers.js models: use "auto", "wasm" or "webgpu".`,
        });
      }
      const probe = await this.probeBackend(policy.requested, policy);
      if (!probe.usable) {
        throw new BackendUnavailableError({
          backend: policy.requested,
          reason: probe.reason ?? 'not available',
          message: `Backend "${policy.requested}" cannot run here: ${probe.reason ?? 'not available'}. Use backend: "auto" to pick one that can.`,
        });
      }
      return {
        backend: policy.requested,
        selection: {
          requested: policy.requested,
          chosen: policy.requested,
          decidedBy: 'explicit',
          candidates: [
            {
              name: policy.requested,
              ...(probe.device ? { device: probe.device } : {}),
              outcome: 'chosen',
              reason: 'requested explicitly',
            },
          ],
          milliseconds: performance.now() - started,
        },
      };
    }
    const probes = await Promise.all(
      browserBackends.map((name) => this.probeBackend(name, policy)),
    );
    const remembered = policy.remembered;
    if (remembered && probes.some((probe) => probe.name === remembered.backend && probe.usable)) {
      return {
        backend: remembered.backend,
        selection: {
          requested: 'auto',
          chosen: remembered.backend,
          decidedBy: 'remembered',
          candidates: remembered.candidates,
          milliseconds: performance.now() - started,
        },
      };
    }
    const selection = guessFromProbes(probes, browserBackends, started);
    if (!selection) {
      const reason = probes.map((probe) => `${probe.name}: ${probe.reason}`).join('; ');
      throw new BackendUnavailableError({
        backend: 'auto',
        reason,
        message: `No device can run Transformers.js models here (${reason}).`,
      });
    }
    return { backend: selection.chosen, selection };
  }

  private async probeBackend(
    name: BackendName,
    policy: BackendPolicy | undefined,
  ): Promise<BackendProbe> {
    if (name === 'wasm') {
      return detectCapabilities().wasm
        ? {
            name,
            usable: true,
            device:
              this.onnxBuild === 'wasm'
                ? 'onnxruntime-web (plain wasm build)'
                : 'onnxruntime-web (asyncify build, wasm device)',
          }
        : { name, usable: false, reason: 'WebAssembly is not available' };
    }
    if (name !== 'webgpu') return { name, usable: false, reason: 'not a Transformers.js device' };
    if (this.onnxBuild === 'wasm') {
      return {
        name,
        usable: false,
        reason:
          "this engine runs onnxruntime-web's wasm build (WebGPU was not usable when its first model loaded)",
      };
    }
    return probeGpuBackend(name, policy);
  }

  /** Reads the files of a task and dtype, then builds the tokenizer and the ONNX session. */
  /** Counts a model in `memory()` until it is unloaded. */
  private track(model: RuntimeModel, bytes: number): RuntimeModel {
    this.live.set(model, bytes);
    const unload = model.unload.bind(model);
    return Object.assign(model, {
      unload: async () => {
        this.live.delete(model);
        await unload();
      },
    });
  }
}

/**
 * Creates the Transformers.js runtime of one engine.
 *
 * @example
 * const runtime = createRuntime({ assetBaseUrl: undefined, threads: true })
 */
export const createRuntime: RuntimeFactory = (environment) => new TransformersRuntime(environment);
