import { ModelLoadError } from '@ondevice/errors';
import type { LocationFileReader } from '../../loading/load-location-files.js';
import type { ModelManifest, ModelTask } from '../../models/model-manifest.js';
import type { BackendName } from '../backend-name.js';
import type { RuntimeModel } from '../runtime.js';
import { EncoderModel, type Pooling } from './encoder-model.js';
import { GeneratorModel } from './generator-model.js';
import { type TransformersConfig, dtypeFor, labelsOf, onnxFiles } from './model-kind.js';
import {
  type OnnxRuntimeBuild,
  type TransformersModule,
  registerFiles,
} from './transformers-environment.js';

const decoder = new TextDecoder();

/**
 * Builds one Transformers.js model on one device: picks the dtype's weights, reads the files the
 * task needs through the engine's reader (refusing a dtype the folder does not have), hands them
 * to Transformers.js from memory and wraps the result in ondevice's model shape. Resolves with the
 * bytes it read, for the runtime's memory figures.
 *
 * @throws {ModelLoadError} reason `unsupported-dtype` or `missing-file`.
 * @example
 * const { model } = await buildTransformersModel({ transformers, onnxBuild: 'wasm', manifest, reader, config, task, backend: 'wasm', onInitializing })
 */
export async function buildTransformersModel(options: {
  transformers: TransformersModule;
  /** The onnxruntime build Transformers.js was loaded over (see loadTransformers). */
  onnxBuild: OnnxRuntimeBuild;
  manifest: ModelManifest;
  reader: LocationFileReader;
  config: TransformersConfig;
  task: ModelTask;
  backend: BackendName;
  onInitializing: () => void;
}): Promise<{ model: RuntimeModel; bytes: number }> {
  const { transformers, manifest, reader, config, task, backend } = options;
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
    const session = sessionOptions(options.onnxBuild, dtype, device);
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
      const encoderModel = new EncoderModel({
        transformers,
        tokenizer,
        model: encoder as never,
        task,
        dimensions:
          task === 'text-embedding' ? await hiddenSize(config, encoder, tokenizer) : labels.length,
        backend,
        maxTokens: limit,
        labels,
        dtype,
        pooling,
        multiLabel: config.problem_type === 'multi_label_classification',
      });
      await encoderModel.calibrate();
      model = encoderModel;
    }
    return { model, bytes };
  } finally {
    release();
  }
}

/** Vector length of an encoder: from the config, else from one run. */
async function hiddenSize(
  config: TransformersConfig,
  encoder: unknown,
  tokenizer: unknown,
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

/**
 * Parses a model's JSON file.
 *
 * @throws {ModelLoadError} reason `not-a-model-file` when it is not JSON.
 * @example
 * const config = parseJson<TransformersConfig>(bytes, 'config.json')
 */
export function parseJson<T>(bytes: Uint8Array | undefined, where: string): T {
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

/**
 * What Transformers.js's `from_pretrained` gets for the device. Over onnxruntime-web's plain wasm
 * build (handed over as a provided runtime), Transformers.js lists no device of its own, so the
 * session asks for the wasm execution provider itself (`device: 'auto'` only gets past the device
 * check; the provider set here is kept).
 */
function sessionOptions(build: OnnxRuntimeBuild, dtype: string, device: string): never {
  if (build !== 'wasm') return { dtype, device } as never;
  return { dtype, device: 'auto', session_options: { executionProviders: ['wasm'] } } as never;
}
