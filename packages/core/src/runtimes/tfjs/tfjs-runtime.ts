import type { BackendName } from '../backend-name.js';
import { type Capabilities, detectCapabilities } from '../capabilities.js';
import { guessFromProbes, probeGpuBackend } from '../probe-guess.js';
import type {
  BackendPolicy,
  BackendProbe,
  Runtime,
  RuntimeEnvironment,
  RuntimeFactory,
  RuntimeLoadOptions,
  RuntimeLoadResult,
  RuntimeMemory,
  RuntimeProbe,
} from '../runtime.js';
import { type BackendSelection, selectBackend } from '../select-backend.js';
import { throwIfAborted } from '../../util/abort.js';
import { type Tfjs, type WasmSettings, activateBackend, loadTfjs } from './tfjs-modules.js';
import { UseLiteModel } from './use-lite-model.js';

/** TensorFlow.js backends, in the order `auto` considers them (GPU first). */
const tfjsBackends: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** The timed probe batch of `auto`: one warm-up sentence, then these four. */
const probeSentences = [
  'The quick brown fox jumps over the lazy dog.',
  'How do I reset my password?',
  'Quarterly revenue grew faster than expected.',
  'This restaurant was a pleasant surprise.',
];

/**
 * TensorFlow.js: graph models (USE-lite) on webgpu, webgl, wasm or cpu. Under `auto` it probes
 * each backend, rejects software GPU rasterisers, times the real model on each usable one and
 * keeps the fastest; the choice is made once per engine, for its first tfjs model, since
 * TensorFlow.js has one active backend per thread.
 */
class TfjsRuntime implements Runtime {
  readonly specificationVersion = 'v2';
  readonly name = 'tfjs';
  private readonly wasm: WasmSettings;
  private selection: Promise<BackendSelection> | undefined;

  constructor(environment: RuntimeEnvironment) {
    this.wasm = {
      baseUrl: environment.assetBaseUrl && `${environment.assetBaseUrl}wasm/`,
      threads: environment.threads,
      readAsset: environment.readAsset,
    };
  }

  async probe(): Promise<RuntimeProbe> {
    const capabilities = detectCapabilities();
    const backends = await Promise.all(
      tfjsBackends.map((name) => this.probeBackend(name, capabilities, undefined)),
    );
    return { capabilities, backends };
  }

  async load(options: RuntimeLoadOptions): Promise<RuntimeLoadResult> {
    const { manifest, policy, signal } = options;
    // TensorFlow.js is imported while the files download.
    const modules = loadTfjs();
    const files = await options.readFiles();
    throwIfAborted(signal, `Loading model ${manifest.id}`);
    options.onInitializing();
    const tfjs = await modules;
    const tokenizer = UseLiteModel.createTokenizer(files, manifest);
    const build = (backend: BackendName) =>
      UseLiteModel.create(tfjs, files, manifest, tokenizer, backend);
    if (!this.selection && policy.requested === 'auto' && !policy.remembered) {
      const guessed = await this.loadOnGuess(tfjs, policy, build);
      if (guessed) return guessed;
    }
    const trials = new Map<BackendName, UseLiteModel>();
    this.selection ??= this.select(tfjs, policy, async (name) => {
      const model = await build(name);
      trials.set(name, model);
      return model;
    });
    const selection = await this.selection;
    for (const [name, trial] of trials) if (name !== selection.chosen) trial.unload();
    await activateBackend(tfjs, selection.chosen, this.wasm);
    const model = trials.get(selection.chosen) ?? (await build(selection.chosen));
    return { model, selection };
  }

  /**
   * `auto` with nothing remembered: the model runs at once on the first usable backend (GPU
   * first, software rasterisers rejected), and `measure` times every usable one later.
   * Returns undefined when nothing is usable, for {@link selectBackend} to explain why.
   */
  private async loadOnGuess(
    tfjs: Tfjs,
    policy: BackendPolicy,
    build: (name: BackendName) => Promise<UseLiteModel>,
  ): Promise<RuntimeLoadResult | undefined> {
    const started = performance.now();
    const capabilities = detectCapabilities();
    const probes = await Promise.all(
      tfjsBackends.map((name) => this.probeBackend(name, capabilities, policy)),
    );
    const selection = guessFromProbes(probes, tfjsBackends, started);
    if (!selection) return undefined;
    const guess = selection.chosen;
    await activateBackend(tfjs, guess, this.wasm);
    const model = await build(guess);
    selection.milliseconds = performance.now() - started;
    this.selection = Promise.resolve(selection);
    const measure = async (): Promise<RuntimeLoadResult> => {
      const trials = new Map<BackendName, UseLiteModel>([[guess, model]]);
      let measured: BackendSelection;
      try {
        measured = await this.select(tfjs, { ...policy, remembered: undefined }, async (name) => {
          const trial = trials.get(name) ?? (await build(name));
          trials.set(name, trial);
          return trial;
        });
      } catch (error) {
        for (const [name, trial] of trials) if (name !== guess) trial.unload();
        await activateBackend(tfjs, guess, this.wasm);
        throw error;
      }
      for (const [name, trial] of trials) {
        if (name !== measured.chosen && name !== guess) trial.unload();
      }
      await activateBackend(tfjs, measured.chosen, this.wasm);
      this.selection = Promise.resolve(measured);
      const chosen = trials.get(measured.chosen) ?? (await build(measured.chosen));
      return { model: chosen, selection: measured };
    };
    return { model, selection, measure };
  }

  async memory(): Promise<RuntimeMemory> {
    const { tf } = await loadTfjs();
    const { numTensors, numBytes } = tf.memory();
    return { tensors: numTensors, bytes: numBytes };
  }

  private async probeBackend(
    name: BackendName,
    capabilities: Readonly<Capabilities>,
    policy: BackendPolicy | undefined,
  ): Promise<BackendProbe> {
    if (name === 'cpu') return { name, usable: true, device: 'JavaScript on the CPU' };
    if (name === 'wasm') {
      return capabilities.wasm
        ? { name, usable: true, device: describeWasm(capabilities, this.wasm.threads) }
        : { name, usable: false, reason: 'WebAssembly is not available' };
    }
    return probeGpuBackend(name, policy);
  }

  private select(
    tfjs: Tfjs,
    policy: BackendPolicy,
    build: (name: BackendName) => Promise<UseLiteModel>,
  ): Promise<BackendSelection> {
    const capabilities = detectCapabilities();
    return selectBackend({
      requested: policy.requested,
      budgetMs: policy.budgetMs,
      remembered: policy.remembered,
      backends: tfjsBackends,
      fallbacks: ['cpu'],
      hooks: {
        probe: async (name) => {
          const probe = await this.probeBackend(name, capabilities, policy);
          return probe.usable
            ? { usable: true, ...(probe.device ? { device: probe.device } : {}) }
            : { usable: false, reason: probe.reason ?? 'not available' };
        },
        measure: async (name) => {
          await activateBackend(tfjs, name, this.wasm);
          const model = await build(name);
          const tokens = model.tokenize(probeSentences, model.maxTokens).map((text) => text.tokens);
          await model.run(tokens.slice(0, 1));
          const start = performance.now();
          await model.run(tokens);
          const milliseconds = performance.now() - start;
          return {
            milliseconds,
            sentencesPerSecond: (probeSentences.length * 1000) / milliseconds,
          };
        },
      },
    });
  }
}

function describeWasm(capabilities: Readonly<Capabilities>, threadsAllowed: boolean): string {
  const features = [capabilities.wasmSimd ? 'SIMD' : 'no SIMD'];
  features.push(
    !threadsAllowed && capabilities.wasmThreads
      ? 'single-threaded (threads are used only in the worker)'
      : capabilities.wasmThreads
        ? `threads (${capabilities.hardwareConcurrency})`
        : 'single-threaded (page not cross-origin isolated)',
  );
  return `WebAssembly, ${features.join(', ')}`;
}

/**
 * Creates the TensorFlow.js runtime of one engine.
 *
 * @example
 * const runtime = createRuntime({ assetBaseUrl: undefined, threads: true })
 * const { model } = await runtime.load({ manifest: useLiteManifest, readFiles, policy, onInitializing })
 */
export const createRuntime: RuntimeFactory = (environment) => new TfjsRuntime(environment);
