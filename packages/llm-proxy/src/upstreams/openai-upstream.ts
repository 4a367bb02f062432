import { UpstreamError } from '../errors/upstream-error.js';
import type {
  ChatUpstream,
  FinishReason,
  UpstreamChatRequest,
  UpstreamEvent,
} from './chat-upstream.js';
import { parseEventJson, postUpstream, readBody } from './fetch-upstream.js';
import { serverSentEvents } from './server-sent-events.js';

/**
 * Options of an OpenAI or OpenAI-compatible upstream.
 *
 * @example
 * const options: OpenAIUpstreamOptions = { name: 'openai', baseURL: 'https://api.openai.com/v1', apiKey }
 */
export interface OpenAIUpstreamOptions {
  name: string;
  /** Up to and including `/v1`: requests go to `{baseURL}/chat/completions`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer`; none for a local server that needs none. */
  apiKey?: string;
  /**
   * `openai` sends `max_completion_tokens` (newer OpenAI models refuse `max_tokens`);
   * `openai-compatible` sends `max_tokens`, which servers such as vLLM or Ollama read.
   * @default 'openai'
   */
  kind?: 'openai' | 'openai-compatible';
}

/**
 * An upstream speaking OpenAI's Chat Completions API. It always asks for a stream with usage
 * (`stream: true`, `stream_options.include_usage`), whether the client streams or not: one way
 * of reading answers, and the proxy collects them for a non-streaming client.
 *
 * @example
 * const upstream = createOpenAIUpstream({ name: 'openai', baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY })
 */
export function createOpenAIUpstream(options: OpenAIUpstreamOptions): ChatUpstream {
  const kind = options.kind ?? 'openai';
  const url = `${options.baseURL.replace(/\/+$/, '')}/chat/completions`;
  return {
    specificationVersion: 'v1',
    name: options.name,
    kind,
    async *chat(request: UpstreamChatRequest, signal: AbortSignal): AsyncGenerator<UpstreamEvent> {
      const response = await postUpstream({
        upstream: options.name,
        url,
        headers: options.apiKey === undefined ? {} : { authorization: `Bearer ${options.apiKey}` },
        body: openAIRequestBody(request, kind),
        signal,
      });
      let finished = false;
      for await (const message of serverSentEvents(readBody(response, options.name, signal))) {
        if (message.data === '[DONE]') return;
        const chunk = parseEventJson(message.data, options.name);
        if (chunk.error !== undefined) {
          throw new UpstreamError({
            upstream: options.name,
            failure: 'protocol',
            message: `Upstream "${options.name}" sent an error event mid-stream.`,
          });
        }
        for (const event of openAIChunkEvents(chunk)) {
          if (event.type === 'finish') finished = true;
          yield event;
        }
      }
      // Some servers end without [DONE]; an answer that said how it finished is complete.
      if (!finished) {
        throw new UpstreamError({
          upstream: options.name,
          failure: 'dropped',
          message: `Upstream "${options.name}" ended the stream before the answer finished.`,
        });
      }
    },
  };
}

function openAIRequestBody(request: UpstreamChatRequest, kind: 'openai' | 'openai-compatible') {
  return {
    model: request.model,
    messages: request.messages,
    [kind === 'openai' ? 'max_completion_tokens' : 'max_tokens']: request.maxTokens,
    stream: true,
    stream_options: { include_usage: true },
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.topP === undefined ? {} : { top_p: request.topP }),
    ...(request.stop === undefined ? {} : { stop: request.stop }),
    ...(request.user === undefined ? {} : { user: request.user }),
  };
}

const finishReasons = new Set(['stop', 'length', 'content_filter', 'tool_calls']);

function* openAIChunkEvents(chunk: Record<string, unknown>): Generator<UpstreamEvent> {
  const choices = Array.isArray(chunk.choices) ? (chunk.choices as Record<string, unknown>[]) : [];
  const choice = choices[0];
  const delta = choice?.delta as { content?: unknown } | undefined;
  if (typeof delta?.content === 'string' && delta.content !== '')
    yield { type: 'text', text: delta.content };
  const reason = choice?.finish_reason;
  if (typeof reason === 'string') {
    yield { type: 'finish', reason: finishReasons.has(reason) ? (reason as FinishReason) : 'stop' };
  }
  const usage = chunk.usage as
    { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined;
  if (
    usage &&
    typeof usage.prompt_tokens === 'number' &&
    typeof usage.completion_tokens === 'number'
  ) {
    yield {
      type: 'usage',
      promptTokens: usage.prompt_tokens,
      completionTokens: usage.completion_tokens,
    };
  }
}
