import { InvalidInputError, ModelLoadError } from '@ondevice/errors';
import type { ModelDtype, ModelTask } from '../../models/model-manifest.js';

/**
 * The parts of a Transformers.js `config.json` ondevice reads.
 *
 * @example
 * const config = JSON.parse(text) as TransformersConfig
 */
export interface TransformersConfig {
  model_type?: string;
  architectures?: string[];
  id2label?: Record<string, string>;
  problem_type?: string;
  max_position_embeddings?: number;
  'transformers.js_config'?: {
    dtype?: string | Record<string, string>;
    use_external_data_format?: boolean | Record<string, boolean | number>;
  };
}

/**
 * What a model does, from its config's `architectures` (as Transformers.js pipelines decide):
 * `…ForCausalLM` generates, `…ForTokenClassification` labels tokens, `…ForSequenceClassification`
 * labels texts (pairs, when a label is "entailment"), anything else gives hidden states for
 * embeddings. A task the manifest names must agree.
 *
 * @throws {InvalidInputError} when the manifest's task does not match the model.
 * @example
 * taskOfConfig({ architectures: ['LlamaForCausalLM'] }, undefined, 'stories') // 'text-generation'
 */
export function taskOfConfig(
  config: TransformersConfig,
  declared: ModelTask | undefined,
  modelId: string,
): ModelTask {
  const architecture = config.architectures?.[0] ?? '';
  const labels = Object.values(config.id2label ?? {}).map((label) => label.toLowerCase());
  let found: ModelTask;
  if (/ForCausalLM$|LMHeadModel$|ForConditionalGeneration$/.test(architecture)) {
    found = 'text-generation';
  } else if (/ForTokenClassification$/.test(architecture)) {
    found = 'token-classification';
  } else if (/ForSequenceClassification$/.test(architecture)) {
    found = labels.some((label) => label.startsWith('entail'))
      ? 'zero-shot-classification'
      : 'text-classification';
  } else {
    found = 'text-embedding';
  }
  if (declared === undefined || declared === found) return found;
  // An NLI model also classifies single texts by its own labels.
  if (declared === 'text-classification' && found === 'zero-shot-classification') return declared;
  throw new InvalidInputError({
    parameter: 'model',
    message: `"${modelId}" was declared a ${declared} model, but its config (architectures: ${architecture || 'none'}) makes it a ${found} model.`,
  });
}

/** Suffix of each dtype's ONNX file, as Transformers.js names them. */
const dtypeSuffix: Record<ModelDtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  q4: '_q4',
};

/**
 * The dtype to load: the manifest's, else the config's `transformers.js_config.dtype`, else
 * fp32 on WebGPU and in Node, q8 on wasm (the Transformers.js defaults).
 *
 * @throws {ModelLoadError} reason `unsupported-dtype` when the config names one ondevice does not load.
 * @example
 * dtypeFor(undefined, config, 'wasm') // 'q8'
 */
export function dtypeFor(
  declared: ModelDtype | undefined,
  config: TransformersConfig,
  device: 'wasm' | 'webgpu' | 'cpu',
  modelId: string,
): ModelDtype {
  if (declared) return declared;
  const configured = config['transformers.js_config']?.dtype;
  const named = typeof configured === 'string' ? configured : configured?.model;
  if (named !== undefined) {
    if (named in dtypeSuffix) return named as ModelDtype;
    throw new ModelLoadError({
      url: modelId,
      status: undefined,
      reason: 'unsupported-dtype',
      message: `"${modelId}" asks for dtype "${named}" in its config; ondevice loads ${Object.keys(dtypeSuffix).join(', ')}. Set dtype in transformersModel().`,
    });
  }
  return device === 'wasm' ? 'q8' : 'fp32';
}

/**
 * Paths of the ONNX weights of a dtype (and their external data file, when the config says so).
 *
 * @example
 * onnxFiles('q8', config) // ['onnx/model_quantized.onnx']
 */
export function onnxFiles(dtype: ModelDtype, config: TransformersConfig): string[] {
  const file = `onnx/model${dtypeSuffix[dtype]}.onnx`;
  const external = config['transformers.js_config']?.use_external_data_format;
  const chunks =
    typeof external === 'object' ? external[`model${dtypeSuffix[dtype]}.onnx`] : external;
  if (!chunks) return [file];
  const count = typeof chunks === 'number' ? chunks : 1;
  return [
    file,
    ...Array.from({ length: count }, (_, index) => `${file}_data${index === 0 ? '' : `_${index}`}`),
  ];
}

/**
 * The labels of a classifier's outputs, in output order.
 *
 * @example
 * labelsOf({ id2label: { 0: 'NEGATIVE', 1: 'POSITIVE' } }) // ['NEGATIVE', 'POSITIVE']
 */
export function labelsOf(config: TransformersConfig): string[] {
  return Object.entries(config.id2label ?? {})
    .sort(([left], [right]) => Number(left) - Number(right))
    .map(([, label]) => label);
}
