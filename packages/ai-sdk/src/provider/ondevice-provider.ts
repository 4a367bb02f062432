import { NoSuchModelError } from '@ai-sdk/provider';
import type { ProviderV3 } from '@ai-sdk/provider';
import {
  type GeneratorClient,
  OnDeviceLanguageModel,
  type OnDeviceLanguageModelSettings,
} from './ondevice-language-model.js';

/**
 * The ondevice AI SDK provider: language models that run on the user's device. Call it, or its
 * `languageModel()`, with a model id.
 *
 * @example
 * const provider: OnDeviceProvider = ondevice(client)
 * const model = provider('onnx-community/Qwen2.5-0.5B-Instruct')
 */
export interface OnDeviceProvider extends ProviderV3 {
  (modelId: string, settings?: OnDeviceLanguageModelSettings): OnDeviceLanguageModel;
  /**
   * A language model by the id core's `client.generator({ model })` takes: a hub id
   * (`onnx-community/Qwen2.5-0.5B-Instruct`), a model folder (a URL in a page, a path in Node),
   * or the id of a manifest registered with `createClient({ models: [transformersModel(…)] })`,
   * which is how a full model spec (precision, task, file sizes and sha256) is given.
   */
  languageModel(modelId: string, settings?: OnDeviceLanguageModelSettings): OnDeviceLanguageModel;
}

/**
 * Creates the ondevice provider over a client: `ondevice(client).languageModel(id)` is an AI SDK
 * language model (v3) for `generateText`, `streamText`, `wrapLanguageModel` and `useChat`.
 * Language models only: embeddings and images have no AI SDK model here (use the client).
 *
 * @param client an ondevice client (`createClient()`), or anything with its `generator()`.
 * @param defaults settings of every model, under each model's own settings.
 * @example
 * import { createClient } from '@ondevice/core'
 * import { streamText } from 'ai'
 *
 * const client = createClient()
 * const result = streamText({
 *   model: ondevice(client).languageModel('onnx-community/Qwen2.5-0.5B-Instruct'),
 *   prompt: 'Write a haiku about privacy.',
 * })
 * for await (const text of result.textStream) output.append(text)
 */
export function ondevice(
  client: GeneratorClient,
  defaults: OnDeviceLanguageModelSettings = {},
): OnDeviceProvider {
  const languageModel = (modelId: string, settings: OnDeviceLanguageModelSettings = {}) =>
    new OnDeviceLanguageModel(modelId, { ...defaults, ...settings }, client);
  const noSuchModel =
    (modelType: 'embeddingModel' | 'imageModel') =>
    (modelId: string): never => {
      throw new NoSuchModelError({
        modelId,
        modelType,
        message: `The ondevice provider has language models only; got a request for ${modelType} '${modelId}'. Use the client directly (client.embedder()) for embeddings.`,
      });
    };
  return Object.assign(languageModel, {
    specificationVersion: 'v3' as const,
    languageModel,
    embeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
  });
}
