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
  /**
   * Called with each decision, before the chosen model runs (with a `generationThreshold`, a
   * device generation's decision comes once it has been checked).
   */
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
 * With the policy's `generationThreshold`, a device generation is checked before it is returned:
 * under the threshold (its geometric-mean token probability) it is dropped and the request
 * escalates; such a stream starts once the device answer is complete.
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
  const requestOf = (call: LanguageModelV3CallOptions) => {
    const { task, confidence } = (call.providerOptions?.ondevice ?? {}) as EscalationCallOptions;
    return {
      task: task ?? options.task ?? 'chat',
      confidence,
      promptLength: promptLength(call),
      chromeAIAvailable: options.chromeAI !== undefined,
    };
  };
  const route = (call: LanguageModelV3CallOptions) => {
    const decision = policy.decide(requestOf(call));
    // A device generation without a score is checked after it is made (generationThreshold).
    const verify =
      decision.answeredBy === 'device' &&
      decision.confidence === null &&
      policy.generationThreshold != null;
    if (!verify) options.onDecision?.(decision);
    // The policy answers chrome-ai only when it is available.
    return { decision, verify, model: models[decision.answeredBy] ?? remote };
  };
  /**
   * The device's answer, kept when its generation is confident enough; else the decision to
   * escalate (the answer dropped). Both decisions carry the generation's confidence.
   */
  const verified = async (call: LanguageModelV3CallOptions) => {
    const answer = await options.device.doGenerate(call);
    const confidence = generationConfidence(answer.providerMetadata);
    const decision =
      confidence === null
        ? policy.decide({ ...requestOf(call), confidence: 0, source: 'generation' })
        : policy.decide({ ...requestOf(call), confidence, source: 'generation' });
    options.onDecision?.(decision);
    return { answer, decision, model: models[decision.answeredBy] ?? remote };
  };
  return {
    specificationVersion: 'v3',
    provider: 'ondevice',
    modelId: `escalate(${options.device.modelId}, ${options.remote.modelId})`,
    supportedUrls: {},

    async doGenerate(call): Promise<LanguageModelV3GenerateResult> {
      const routed = route(call);
      if (routed.verify) {
        const { answer, decision, model } = await verified(call);
        const result = decision.answeredBy === 'device' ? answer : await model.doGenerate(call);
        return { ...result, providerMetadata: withDecision(result.providerMetadata, decision) };
      }
      const result = await routed.model.doGenerate(call);
      return {
        ...result,
        providerMetadata: withDecision(result.providerMetadata, routed.decision),
      };
    },

    async doStream(call): Promise<LanguageModelV3StreamResult> {
      const routed = route(call);
      let { decision, model } = routed;
      let result: LanguageModelV3StreamResult;
      if (routed.verify) {
        // A checked generation streams once the device has answered in full (or escalated).
        const checked = await verified(call);
        decision = checked.decision;
        model = checked.model;
        result =
          decision.answeredBy === 'device'
            ? { stream: streamOf(checked.answer) }
            : await model.doStream(call);
      } else {
        result = await model.doStream(call);
      }
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

/** `Math.exp` of the device answer's mean token log-probability, or null when it has none. */
function generationConfidence(metadata: SharedV3ProviderMetadata | undefined): number | null {
  const value = metadata?.ondevice?.meanTokenLogProbability;
  return typeof value === 'number' && Number.isFinite(value) ? Math.exp(value) : null;
}

/** A finished answer as a stream: one text part, then its finish. */
function streamOf(
  answer: LanguageModelV3GenerateResult,
): ReadableStream<LanguageModelV3StreamPart> {
  const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: answer.warnings }];
  const text = answer.content
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');
  if (text !== '') {
    parts.push(
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: text },
      { type: 'text-end', id: 'text-1' },
    );
  }
  parts.push({
    type: 'finish',
    finishReason: answer.finishReason,
    usage: answer.usage,
    ...(answer.providerMetadata ? { providerMetadata: answer.providerMetadata } : {}),
  });
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
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
