import { BackendUnavailableError, InvalidInputError, ModelLoadError } from '@ondevice/errors';
import type { LocationFileReader } from '../../loading/load-location-files.js';
import type { ModelManifest, ModelTask } from '../../models/model-manifest.js';
import { isNode } from '../../util/environment.js';
import type { BackendName } from '../backend-name.js';
import { probeWebGpu } from '../probe-gpu.js';
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
import { type BackendCandidate, type BackendSelection, selectBackend } from '../select-backend.js';
import { detectCapabilities } from '../capabilities.js';
import { EncoderModel, type Pooling } from './encoder-model.js';
import { GeneratorModel } from './generator-model.js';
import {
  type TransformersConfig,
  dtypeFor,
  labelsOf,
  onnxFiles,
  taskOfConfig,
} from './model-kind.js';
import {
  type TransformersModule,
  loadTransformers,
  registerFiles,
} from './transformers-environment.js';

/** Devices of onnxruntime in browsers, in the order `auto` considers them. */
const browserBackends: readonly BackendName[] = ['webgpu', 'wasm'];

const decoder = new TextDecoder();

/** Sentences timed when `auto` measures devices (two runs: a warm-up, then the timed one). */
const probeSentences = [
  'The quick brown fox jumps over the lazy dog.',
  'Refunds are processed within five business days.',
  'How do I reset my password?',
  'Our quarterly revenue grew by twelve percent.',
];

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
  private readonly live = new Set<RuntimeModel>();
  private liveBytes = new Map<RuntimeModel, number>();

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
    const transformers = await loadTransformers(this.environment);
    const configBytes = (await locationFiles.read([{ path: 'config.json' }])).get('config.json');
    const config = parseJson<TransformersConfig>(configBytes, `${locationFiles.base}config.json`);
    const task = taskOfConfig(config, manifest.task, manifest.id);
    const started = performance.now();
    const { backend, selection } = await this.chooseBackend(policy);
    const build = (device: BackendName) =>
      this.build(transformers, manifest, locationFiles, config, task, device, options);
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
          if (name !== measured.chosen && name !== backend) await this.release(trial);
        }
        return { model: trials.get(measured.chosen) ?? model, selection: measured };
      },
    };
  }

  async memory(): Promise<RuntimeMemory> {
    let bytes = 0;
    for (const model of this.live) bytes += this.liveBytes.get(model) ?? 0;
    return { tensors: this.live.size, bytes };
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
    const guess = probes.find((probe) => probe.usable)?.name;
    if (!guess) {
      const reason = probes.map((probe) => `${probe.name}: ${probe.reason}`).join('; ');
      throw new BackendUnavailableError({
        backend: 'auto',
        reason,
        message: `No device can run Transformers.js models here (${reason}).`,
      });
    }
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
            reason: `first usable of ${browserBackends.join(', ')}: taken at once, measured against the others when the model is idle`,
          }
        : {
            name: probe.name,
            ...device,
            outcome: 'skipped',
            reason: 'to be measured when the model is idle',
          };
    });
    return {
      backend: guess,
      selection: {
        requested: 'auto',
        chosen: guess,
        decidedBy: 'probe',
        candidates,
        milliseconds: performance.now() - started,
      },
    };
  }

  private async probeBackend(
    name: BackendName,
    policy: BackendPolicy | undefined,
  ): Promise<BackendProbe> {
    if (name === 'wasm') {
      return detectCapabilities().wasm
        ? { name, usable: true, device: 'onnxruntime-web (wasm)' }
        : { name, usable: false, reason: 'WebAssembly is not available' };
    }
    if (name !== 'webgpu') return { name, usable: false, reason: 'not a Transformers.js device' };
    const gpu = await probeWebGpu();
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

  /** Reads the files of a task and dtype, then builds the tokenizer and the ONNX session. */
  private async build(
    transformers: TransformersModule,
    manifest: ModelManifest,
    reader: LocationFileReader,
    config: TransformersConfig,
    task: ModelTask,
    backend: BackendName,
    options: RuntimeLoadOptions,
  ): Promise<RuntimeModel> {
    const device = backend === 'webgpu' ? 'webgpu' : backend === 'cpu' ? 'cpu' : 'wasm';
    const dtype = dtypeFor(manifest.dtype, config, device, manifest.id);
    const weights = onnxFiles(dtype, config);
    const listing = await reader.listing();
    if (listing && !listing.has(weights[0] as string)) {
      const available = [...listing].filter((path) => /^onnx\/model.*\.onnx$/.test(path));
      throw new ModelLoadError({
        url: `${reader.base}${weights[0]}`,
        status: 404,
        reason: 'unsupported-dtype',
        message: `"${manifest.id}" has no ${dtype} weights (${weights[0]}). Its folder has: ${available.join(', ') || 'no ONNX weights'}.`,
      });
    }
    const files = await reader
      .read([
        { path: 'config.json' },
        { path: 'tokenizer.json' },
        { path: 'tokenizer_config.json' },
        ...weights.map((path) => ({ path })),
        ...(task === 'text-generation' ? [{ path: 'generation_config.json', optional: true }] : []),
        ...(task === 'text-embedding'
          ? [
              { path: 'modules.json', optional: true },
              { path: '1_Pooling/config.json', optional: true },
            ]
          : []),
      ])
      .catch((error: unknown) => {
        if (
          ModelLoadError.isInstance(error) &&
          error.reason === 'missing-file' &&
          weights.some((path) => error.url.endsWith(path))
        ) {
          throw new ModelLoadError({
            url: error.url,
            status: error.status,
            reason: 'unsupported-dtype',
            cause: error,
            message: `"${manifest.id}" has no ${dtype} weights (${weights[0]} is missing at ${reader.base}). Choose another dtype in transformersModel().`,
          });
        }
        throw error;
      });
    options.onInitializing();
    const { key, release } = registerFiles(files, async (path) =>
      (await reader.read([{ path, optional: true }])).get(path),
    );
    const bytes = [...files.values()].reduce((sum, file) => sum + file.byteLength, 0);
    try {
      const tokenizer = await transformers.AutoTokenizer.from_pretrained(key);
      const session = { dtype, device } as never;
      const maxTokens = Math.max(
        2,
        Math.min(
          (tokenizer.model_max_length as number | undefined) ?? Number.POSITIVE_INFINITY,
          config.max_position_embeddings ?? Number.POSITIVE_INFINITY,
          task === 'text-generation' ? Number.POSITIVE_INFINITY : 512,
        ),
      );
      const limit = Number.isFinite(maxTokens) ? maxTokens : 2048;
      let model: RuntimeModel;
      if (task === 'text-generation') {
        const causal = await transformers.AutoModelForCausalLM.from_pretrained(key, session);
        model = new GeneratorModel(tokenizer, causal, backend, limit, dtype);
      } else {
        const loader =
          task === 'token-classification'
            ? transformers.AutoModelForTokenClassification
            : task === 'text-embedding'
              ? transformers.AutoModel
              : transformers.AutoModelForSequenceClassification;
        const encoder = await loader.from_pretrained(key, session);
        const labels = task === 'text-embedding' ? [] : labelsOf(config);
        const pooling = poolingOf(files);
        model = new EncoderModel({
          transformers,
          tokenizer,
          model: encoder as never,
          task,
          dimensions:
            task === 'text-embedding'
              ? await hiddenSize(config, encoder, tokenizer, transformers)
              : labels.length,
          backend,
          maxTokens: limit,
          labels,
          dtype,
          pooling,
          multiLabel: config.problem_type === 'multi_label_classification',
        });
      }
      this.live.add(model);
      this.liveBytes.set(model, bytes);
      const unload = model.unload.bind(model);
      (model as { unload: () => Promise<void> }).unload = async () => {
        this.live.delete(model);
        this.liveBytes.delete(model);
        await unload();
      };
      return model;
    } finally {
      release();
    }
  }

  private async release(model: RuntimeModel) {
    await model.unload();
  }
}

/** Vector length of an encoder: from the config, else from one run. */
async function hiddenSize(
  config: TransformersConfig,
  encoder: unknown,
  tokenizer: unknown,
  transformers: TransformersModule,
): Promise<number> {
  const configured =
    (config as { hidden_size?: number; d_model?: number; dim?: number }).hidden_size ??
    (config as { d_model?: number }).d_model ??
    (config as { dim?: number }).dim;
  if (typeof configured === 'number') return configured;
  const inputs = (tokenizer as (text: string) => Record<string, unknown>)('a');
  const outputs = await (
    encoder as (inputs: unknown) => Promise<Record<string, { dims: number[] }>>
  )(inputs);
  void transformers;
  return (outputs.last_hidden_state?.dims.at(-1) as number | undefined) ?? 0;
}

function poolingOf(files: ReadonlyMap<string, Uint8Array>): Pooling {
  const pooling = files.get('1_Pooling/config.json');
  const modules = files.get('modules.json');
  let mode: Pooling['mode'] = 'mean';
  let normalize = true;
  if (pooling) {
    const parsed = parseJson<Record<string, unknown>>(pooling, '1_Pooling/config.json');
    if (parsed.pooling_mode_cls_token) mode = 'cls';
    else if (parsed.pooling_mode_max_tokens) mode = 'max';
  }
  if (modules) {
    const parsed = parseJson<{ type?: string }[]>(modules, 'modules.json');
    normalize = parsed.some((module) => module.type?.endsWith('Normalize') === true);
  }
  return { mode, normalize };
}

function parseJson<T>(bytes: Uint8Array | undefined, where: string): T {
  try {
    return JSON.parse(decoder.decode(bytes)) as T;
  } catch (error) {
    throw new ModelLoadError({
      url: where,
      status: undefined,
      reason: 'not-a-model-file',
      cause: error,
      message: `${where} is not valid JSON: ${String(error)}.`,
    });
  }
}

/** Times a model on a short batch (a warm-up run first), for `auto`'s measurement. */
async function timeModel(
  model: RuntimeModel,
): Promise<{ sentencesPerSecond: number; milliseconds: number }> {
  const once = async () => {
    if (model.generate) {
      await model.generate(
        { prompt: probeSentences[0] as string },
        { maxNewTokens: 4, temperature: 0, topK: 0, stop: [] },
        () => {},
        () => false,
      );
      return;
    }
    const tokens = (model.tokenizeWithOffsets ?? model.tokenize)
      .call(model, probeSentences, 64)
      .map((entry) => entry.tokens);
    if (model.runTokens) await model.runTokens(tokens);
    else await model.run(tokens);
  };
  await once();
  const started = performance.now();
  await once();
  const milliseconds = performance.now() - started;
  return {
    sentencesPerSecond: (probeSentences.length * 1000) / Math.max(milliseconds, 0.001),
    milliseconds,
  };
}

/**
 * Creates the Transformers.js runtime of one engine.
 *
 * @example
 * const runtime = createRuntime({ assetBaseUrl: undefined, threads: true })
 */
export const createRuntime: RuntimeFactory = (environment) => new TransformersRuntime(environment);
