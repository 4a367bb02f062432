import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  type CallSettings,
  type ChatRequestOptions,
  type ChatTransport,
  type UIMessage,
  type UIMessageChunk,
  convertToModelMessages,
  streamText,
} from 'ai';
import type { EscalationCallOptions } from '../escalation/escalate.js';

/**
 * Options of {@link OnDeviceChatTransport}.
 *
 * @example
 * new OnDeviceChatTransport({ model, system: 'You are a support assistant.' })
 */
export interface OnDeviceChatTransportOptions<UI_MESSAGE extends UIMessage> {
  /** The model that answers: usually `escalate({ device, remote })`, or an on-device model. */
  model: LanguageModelV3;
  /** A system prompt before the conversation. */
  system?: string;
  /**
   * The task and confidence of a request, for `escalate()`'s policy (sent as
   * `providerOptions.ondevice`); from the messages, or from `sendMessage(…, { body })`.
   */
  describeRequest?: (request: {
    messages: UI_MESSAGE[];
    body: object | undefined;
    metadata: unknown;
  }) => EscalationCallOptions | Promise<EscalationCallOptions>;
  /** Call settings of every request. @default {} */
  settings?: Pick<
    CallSettings,
    'maxOutputTokens' | 'temperature' | 'topK' | 'stopSequences' | 'maxRetries'
  >;
  /**
   * The error text the chat shows. The answer is made in the page, so the default shows the
   * error's own message (core's messages name types and counts, never personal data).
   * @default (error) => error.message
   */
  onError?: (error: unknown) => string;
}

/**
 * A `useChat` transport that answers in the page, with no server route: each request runs
 * `streamText` on the model (with `escalate()`, the policy decides per request in the browser)
 * and streams UI message chunks. The decision `{ answeredBy, reason, confidence }` becomes the
 * assistant message's `metadata`. There is nothing to reconnect to after a reload: the
 * generation lived in the page.
 *
 * @example
 * import { useChat } from '@ai-sdk/react'
 *
 * const transport = new OnDeviceChatTransport({ model: escalate({ device, remote }) })
 * function Chat() {
 *   const { messages, sendMessage, status } = useChat({ transport })
 *   // messages.at(-1)?.metadata?.answeredBy === 'device'
 * }
 */
export class OnDeviceChatTransport<
  UI_MESSAGE extends UIMessage = UIMessage,
> implements ChatTransport<UI_MESSAGE> {
  constructor(private readonly options: OnDeviceChatTransportOptions<UI_MESSAGE>) {}

  async sendMessages({
    messages,
    abortSignal,
    body,
    metadata,
  }: Parameters<ChatTransport<UI_MESSAGE>['sendMessages']>[0]): Promise<
    ReadableStream<UIMessageChunk>
  > {
    const { model, system, describeRequest, settings, onError = messageOf } = this.options;
    const ondevice = await describeRequest?.({ messages, body, metadata });
    const result = streamText({
      ...settings,
      model,
      system,
      messages: await convertToModelMessages(messages),
      abortSignal,
      ...(ondevice === undefined ? {} : { providerOptions: { ondevice: { ...ondevice } } }),
    });
    return result.toUIMessageStream<UI_MESSAGE>({
      originalMessages: messages,
      messageMetadata: ({ part }) => decisionOf(part) as MetadataOf<UI_MESSAGE> | undefined,
      onError,
    });
  }

  /** Resolves null: an answer made in the page cannot be resumed after it. */
  async reconnectToStream(
    _options: { chatId: string; abortSignal?: AbortSignal } & ChatRequestOptions,
  ): Promise<ReadableStream<UIMessageChunk> | null> {
    return null;
  }
}

/** The metadata type of a UI message type (as `ai` infers it, which it does not export). */
type MetadataOf<UI_MESSAGE> = UI_MESSAGE extends UIMessage<infer METADATA> ? METADATA : unknown;

function decisionOf(part: object): unknown {
  if (!('providerMetadata' in part)) return undefined;
  const metadata = part.providerMetadata as Record<string, Record<string, unknown>> | undefined;
  const ondevice = metadata?.ondevice;
  if (ondevice?.answeredBy === undefined) return undefined;
  const { answeredBy, reason, confidence } = ondevice;
  return { answeredBy, reason, confidence };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
