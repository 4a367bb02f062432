import { UpstreamError } from '../errors/upstream-error.js';
import type {
  ChatUpstream,
  FinishReason,
  UpstreamChatRequest,
  UpstreamEvent,
  UpstreamMessage,
} from './chat-upstream.js';
import { parseEventJson, postUpstream, readBody } from './fetch-upstream.js';
import { serverSentEvents } from './server-sent-events.js';

/**
 * Options of an Anthropic upstream.
 *
 * @example
 * const options: AnthropicUpstreamOptions = { name: 'anthropic', baseURL: 'https://api.anthropic.com', apiKey }
 */
export interface AnthropicUpstreamOptions {
  name: string;
  /** Without `/v1`: requests go to `{baseURL}/v1/messages`. */
  baseURL: string;
  apiKey: string;
  /**
   * The `anthropic-version` header.
   * @default '2023-06-01'
   */
  version?: string;
}

/**
 * An upstream speaking Anthropic's Messages API, translated both ways: OpenAI messages become
 * `system` (all system messages, joined) and alternating `user` / `assistant` messages (neighbours
 * of one role joined), `stop` becomes `stop_sequences`, `user` becomes `metadata.user_id`, and
 * temperature is capped at 1 (Anthropic's range). The streamed events come back as text, the
 * finish reason (`end_turn` / `stop_sequence` → `stop`, `max_tokens` → `length`) and usage
 * (`input_tokens` of `message_start`, cache reads and writes included, `output_tokens` of
 * `message_delta`); `ping` is skipped and an `error` event fails the call.
 *
 * @example
 * const upstream = createAnthropicUpstream({ name: 'anthropic', baseURL: 'https://api.anthropic.com', apiKey })
 */
export function createAnthropicUpstream(options: AnthropicUpstreamOptions): ChatUpstream {
  const url = `${options.baseURL.replace(/\/+$/, '')}/v1/messages`;
  const name = options.name;
  return {
    specificationVersion: 'v1',
    name,
    kind: 'anthropic',
    async *chat(request: UpstreamChatRequest, signal: AbortSignal): AsyncGenerator<UpstreamEvent> {
      const response = await postUpstream({
        upstream: name,
        url,
        headers: {
          'x-api-key': options.apiKey,
          'anthropic-version': options.version ?? '2023-06-01',
        },
        body: anthropicRequestBody(request),
        signal,
      });
      let promptTokens = 0;
      for await (const message of serverSentEvents(readBody(response, name, signal))) {
        const event = parseEventJson(message.data, name);
        switch (event.type) {
          case 'message_start': {
            const usage =
              (event.message as { usage?: Record<string, unknown> } | undefined)?.usage ?? {};
            promptTokens = [
              'input_tokens',
              'cache_creation_input_tokens',
              'cache_read_input_tokens',
            ]
              .map((key) => (typeof usage[key] === 'number' ? usage[key] : 0))
              .reduce((sum, value) => sum + value, 0);
            break;
          }
          case 'content_block_delta': {
            const delta = event.delta as { type?: unknown; text?: unknown } | undefined;
            if (
              delta?.type === 'text_delta' &&
              typeof delta.text === 'string' &&
              delta.text !== ''
            ) {
              yield { type: 'text', text: delta.text };
            }
            break;
          }
          case 'message_delta': {
            const reason = (event.delta as { stop_reason?: unknown } | undefined)?.stop_reason;
            if (typeof reason === 'string') yield { type: 'finish', reason: finishReason(reason) };
            const output = (event.usage as { output_tokens?: unknown } | undefined)?.output_tokens;
            if (typeof output === 'number')
              yield { type: 'usage', promptTokens, completionTokens: output };
            break;
          }
          case 'message_stop':
            return;
          case 'error': {
            const type = (event.error as { type?: unknown } | undefined)?.type;
            // Anthropic reports overload in the stream too; like its HTTP 529, worth a retry.
            throw new UpstreamError({
              upstream: name,
              failure: type === 'overloaded_error' ? 'status' : 'protocol',
              ...(type === 'overloaded_error' ? { status: 529 } : {}),
              message: `Upstream "${name}" sent an error event${typeof type === 'string' ? ` (${type})` : ''}.`,
            });
          }
          default:
            break; // ping, content_block_start, content_block_stop, and future events
        }
      }
      throw new UpstreamError({
        upstream: name,
        failure: 'dropped',
        message: `Upstream "${name}" ended the stream before message_stop.`,
      });
    },
  };
}

function anthropicRequestBody(request: UpstreamChatRequest) {
  const system = request.messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content);
  const messages: UpstreamMessage[] = [];
  for (const message of request.messages) {
    if (message.role === 'system') continue;
    const previous = messages.at(-1);
    if (previous?.role === message.role) previous.content += `\n\n${message.content}`;
    else messages.push({ role: message.role, content: message.content });
  }
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    messages,
    stream: true,
    ...(system.length === 0 ? {} : { system: system.join('\n\n') }),
    ...(request.temperature === undefined ? {} : { temperature: Math.min(request.temperature, 1) }),
    ...(request.topP === undefined ? {} : { top_p: request.topP }),
    ...(request.stop === undefined ? {} : { stop_sequences: request.stop }),
    ...(request.user === undefined ? {} : { metadata: { user_id: request.user } }),
  };
}

function finishReason(reason: string): FinishReason {
  if (reason === 'max_tokens') return 'length';
  if (reason === 'tool_use') return 'tool_calls';
  if (reason === 'refusal') return 'content_filter';
  return 'stop';
}
