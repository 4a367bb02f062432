import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
  SharedV3ProviderMetadata,
} from '@ai-sdk/provider';
import {
  type GenerationResult,
  InvalidInputError,
  type OnDeviceClient,
  type TextGenerator,
} from '@ondevice/core';
import { convertCallOptions } from './convert-call-options.js';
import { type PromptFormat, convertPrompt } from './convert-prompt.js';

/**
 * What the provider needs of an ondevice client: its `generator()` factory.
 *
 * @example
 * const source: GeneratorClient = createClient()
 */
export type GeneratorClient = Pick<OnDeviceClient, 'generator'>;

/**
 * Settings of one on-device language model.
 *
 * @example
 * ondevice(client).languageModel('./llama2.c-stories260K', { promptFormat: 'text' })
 */
export interface OnDeviceLanguageModelSettings {
  /**
   * `chat`: the messages go through the model's chat template (instruct models); `text`: their
   * texts, joined with blank lines, are one plain prompt (base models without a chat template).
   * @default 'chat'
   */
  promptFormat?: PromptFormat;
}

/**
 * A core text generator as an AI SDK language model (specification v3): `generateText`,
 * `streamText` and `useChat` run it on the device, in core's worker in a page. Takes text
 * prompts; `maxOutputTokens`, `temperature`, `topK`, `stopSequences` and `abortSignal` apply,
 * other settings come back as warnings. An abort stops the generation between tokens and the
 * call rejects (or the stream errors) with core's `AbortError`.
 *
 * @example
 * const model = new OnDeviceLanguageModel('onnx-community/Qwen2.5-0.5B-Instruct', {}, client)
 * const { text } = await generateText({ model, prompt: 'Say hi' })
 */
export class OnDeviceLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'ondevice';
  /** No URLs: the AI SDK never hands this model a file (it takes text only). */
  readonly supportedUrls = {};
  private generatorInstance: TextGenerator | undefined;
  private texts = 0;

  constructor(
    /** The model as core's `client.generator({ model })` names it: hub id, folder or registered id. */
    readonly modelId: string,
    private readonly settings: OnDeviceLanguageModelSettings,
    private readonly client: GeneratorClient,
  ) {}

  async doGenerate(call: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { input, options, warnings } = this.prepare(call);
    const result = await this.generator()
      .generate(input, options)
      .result.catch((error: unknown) => {
        throw withPromptFormatHint(error);
      });
    return {
      content: result.text === '' ? [] : [{ type: 'text', text: result.text }],
      finishReason: finishReasonOf(result),
      usage: usageOf(result),
      warnings,
      response: { modelId: this.modelId },
      providerMetadata: metadataOf(result),
    };
  }

  async doStream(call: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { input, options, warnings } = this.prepare(call);
    const generation = this.generator().generate(input, options);
    const pieces = generation[Symbol.asyncIterator]();
    const id = `text-${(this.texts += 1)}`;
    let started = false;
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start: (controller) => {
        controller.enqueue({ type: 'stream-start', warnings });
        controller.enqueue({ type: 'response-metadata', modelId: this.modelId });
      },
      pull: async (controller) => {
        try {
          const next = await pieces.next();
          if (next.done !== true) {
            if (!started) controller.enqueue({ type: 'text-start', id });
            started = true;
            controller.enqueue({ type: 'text-delta', id, delta: next.value });
            return;
          }
          const result = await generation.result;
          if (started) controller.enqueue({ type: 'text-end', id });
          controller.enqueue({
            type: 'finish',
            finishReason: finishReasonOf(result),
            usage: usageOf(result),
            providerMetadata: metadataOf(result),
          });
          controller.close();
        } catch (error) {
          // As a fetch body does: an abort (core's AbortError) or a failure errors the stream.
          controller.error(withPromptFormatHint(error));
        }
      },
      // A reader that cancels (leaves early) stops the generation too.
      cancel: async () => {
        await pieces.return?.();
      },
    });
    return { stream };
  }

  private prepare(call: LanguageModelV3CallOptions) {
    const input = convertPrompt(call.prompt, this.settings.promptFormat ?? 'chat');
    return { input, ...convertCallOptions(call) };
  }

  private generator(): TextGenerator {
    this.generatorInstance ??= this.client.generator({ model: this.modelId });
    return this.generatorInstance;
  }
}

/** Points a chat prompt to a model without a chat template at `promptFormat: 'text'`. */
function withPromptFormatHint(error: unknown): unknown {
  if (!InvalidInputError.isInstance(error) || !/chat template/.test(error.message)) return error;
  return new InvalidInputError({
    parameter: 'promptFormat',
    message: `${error.message} With the AI SDK, create the model with { promptFormat: 'text' }: ondevice(client).languageModel(id, { promptFormat: 'text' }).`,
    cause: error,
  });
}

/**
 * `providerMetadata.ondevice.meanTokenLogProbability`: the mean natural-log probability the model
 * gave the tokens it chose (null without tokens); `Math.exp` of it is the geometric-mean token
 * probability, the confidence `escalate()` checks when the policy has a `generationThreshold`.
 */
function metadataOf(result: GenerationResult): SharedV3ProviderMetadata {
  const value = result.meanTokenLogProbability;
  // Provider metadata must be JSON: a value that is not a finite number is reported as null.
  return {
    ondevice: {
      meanTokenLogProbability: typeof value === 'number' && Number.isFinite(value) ? value : null,
    },
  };
}

/** core's `eos` (the model ended) and `stop` (a stop sequence) are both the AI SDK's `stop`. */
function finishReasonOf(result: GenerationResult): LanguageModelV3FinishReason {
  return {
    unified: result.finishReason === 'length' ? 'length' : 'stop',
    raw: result.finishReason,
  };
}

function usageOf(result: GenerationResult): LanguageModelV3Usage {
  return {
    inputTokens: {
      total: result.promptTokens,
      noCache: result.promptTokens,
      cacheRead: undefined,
      cacheWrite: undefined,
    },
    outputTokens: { total: result.tokens, text: result.tokens, reasoning: undefined },
  };
}
