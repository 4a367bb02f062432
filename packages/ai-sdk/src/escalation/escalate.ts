import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  SharedV3ProviderMetadata,
} from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';
import {
  type RedactionMiddlewareOptions,
  redactionMiddleware,
} from '../redaction/redaction-middleware.js';
import {
  type Answerer,
  type EscalationDecision,
  type EscalationPolicy,
  createEscalationPolicy,
} from './escalation-policy.js';

/**
 * Options of {@link escalate}.
 *
 * @example
 * escalate({ device: ondevice(client)('onnx-community/Qwen2.5-0.5B-Instruct'), remote })
 */
export interface EscalateOptions {
  /** The on-device model: `ondevice(client).languageModel(…)`. */
  device: LanguageModelV3;
  /**
   * Any remote model (`createOpenAICompatible({ baseURL: proxyUrl })('gpt-4o-mini')`). It is
   * always wrapped in {@link redactionMiddleware}: no prompt reaches it unredacted.
   */
  remote: LanguageModelV3;
  /** Chrome's built-in model as an AI SDK model, where the browser has one. */
  chromeAI?: LanguageModelV3;
  /** Who answers each request. @default createEscalationPolicy() */
  policy?: EscalationPolicy;
  /** Redaction of prompts to the remote model. @default {} (every PII type masked) */
  redaction?: RedactionMiddlewareOptions;
  /** The task of calls that name none in `providerOptions.ondevice.task`. @default 'chat' */
  task?: string;
  /** Called with each decision, before the chosen model runs. */
  onDecision?: (decision: EscalationDecision) => void;
}

/**
 * What a call can tell {@link escalate}, as `providerOptions: { ondevice: { … } }`.
 *
 * @example
 * const ondevice: EscalationCallOptions = { task: 'route-ticket', confidence: 0.62 }
 * generateText({ model, prompt, providerOptions: { ondevice } })
 */
export interface EscalationCallOptions {
  /** The request's task. @default the `task` of `escalate()` */
  task?: string;
  /** A classifier's top score for this request, from 0 to 1. */
  confidence?: number;
}

/**
 * One language model that decides per request who answers, by one policy: the device model,
 * Chrome's built-in model, or the remote model (through {@link redactionMiddleware}). Every
 * result carries the decision as `providerMetadata.ondevice` (`{ answeredBy, reason,
 * confidence }`): on `generateText` results, and in a stream on each text start and the finish.
 *
 * @example
 * import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
 *
 * const proxy = createOpenAICompatible({ name: 'proxy', baseURL: '/v1', apiKey: tenantKey })
 * const model = escalate({
 *   device: ondevice(client).languageModel('onnx-community/Qwen2.5-0.5B-Instruct'),
 *   remote: proxy('gpt-4o-mini'),
 *   policy: createEscalationPolicy({ threshold: 0.8 }),
 *   redaction: { policy: { CREDIT_CARD: 'block' } },
 * })
 * const { text, providerMetadata } = await generateText({ model, prompt })
 * providerMetadata?.ondevice // { answeredBy: 'device', reason: 'short-prompt', confidence: null }
 */
export function escalate(options: EscalateOptions): LanguageModelV3 {
  const policy = options.policy ?? createEscalationPolicy();
  const remote = wrapLanguageModel({
    model: options.remote,
    middleware: redactionMiddleware(options.redaction),
  });
  const models: Record<Answerer, LanguageModelV3 | undefined> = {
    device: options.device,
    'chrome-ai': options.chromeAI,
    remote,
  };
  const route = (call: LanguageModelV3CallOptions) => {
    const { task, confidence } = (call.providerOptions?.ondevice ?? {}) as EscalationCallOptions;
    const decision = policy.decide({
      task: task ?? options.task ?? 'chat',
      confidence,
      promptLength: promptLength(call),
      chromeAIAvailable: options.chromeAI !== undefined,
    });
    options.onDecision?.(decision);
    // The policy answers chrome-ai only when it is available.
    return { decision, model: models[decision.answeredBy] ?? remote };
  };
  return {
    specificationVersion: 'v3',
    provider: 'ondevice',
    modelId: `escalate(${options.device.modelId}, ${options.remote.modelId})`,
    supportedUrls: {},

    async doGenerate(call): Promise<LanguageModelV3GenerateResult> {
      const { decision, model } = route(call);
      const result = await model.doGenerate(call);
      return { ...result, providerMetadata: withDecision(result.providerMetadata, decision) };
    },

    async doStream(call): Promise<LanguageModelV3StreamResult> {
      const { decision, model } = route(call);
      const result = await model.doStream(call);
      const stream = result.stream.pipeThrough(
        new TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart>({
          transform(part, controller) {
            controller.enqueue(
              part.type === 'text-start' || part.type === 'finish'
                ? { ...part, providerMetadata: withDecision(part.providerMetadata, decision) }
                : part,
            );
          },
        }),
      );
      return { ...result, stream };
    },
  };
}

function withDecision(
  metadata: SharedV3ProviderMetadata | undefined,
  { answeredBy, reason, confidence }: EscalationDecision,
): SharedV3ProviderMetadata {
  return { ...metadata, ondevice: { ...metadata?.ondevice, answeredBy, reason, confidence } };
}

/** Characters of the prompt's texts (system messages and text parts). */
function promptLength(call: LanguageModelV3CallOptions): number {
  let length = 0;
  for (const message of call.prompt) {
    if (typeof message.content === 'string') length += message.content.length;
    else for (const part of message.content) if (part.type === 'text') length += part.text.length;
  }
  return length;
}
