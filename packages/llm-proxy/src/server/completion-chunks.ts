import type { FinishReason } from '../upstreams/chat-upstream.js';

/**
 * What identifies one completion in every chunk of it.
 *
 * @example
 * const identity: CompletionIdentity = { id: 'chatcmpl-…', created: 1767225600, model: 'gpt-4o-mini' }
 */
export interface CompletionIdentity {
  id: string;
  /** Seconds since the epoch. */
  created: number;
  /** The exposed model id (not the upstream's name for it). */
  model: string;
}

/**
 * Token counts in OpenAI's words.
 *
 * @example
 * const usage: CompletionUsage = { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 }
 */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/**
 * Builds usage from counts.
 *
 * @example
 * completionUsage(12, 30) // { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 }
 */
export function completionUsage(promptTokens: number, completionTokens: number): CompletionUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/**
 * One `chat.completion.chunk` of a stream: a delta, a finish reason, or (with no choice) the
 * usage that `stream_options.include_usage` asks for. With `include_usage`, the other chunks
 * carry `usage: null`, as OpenAI's do.
 *
 * @example
 * completionChunk(identity, { delta: { content: 'Hi' } }, { includeUsage: true })
 */
export function completionChunk(
  identity: CompletionIdentity,
  part: {
    delta?: { role?: 'assistant'; content?: string };
    finishReason?: FinishReason;
    usage?: CompletionUsage;
  },
  options: { includeUsage: boolean },
) {
  return {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    choices:
      part.usage === undefined
        ? [
            {
              index: 0,
              delta: part.delta ?? {},
              logprobs: null,
              finish_reason: part.finishReason ?? null,
            },
          ]
        : [],
    ...(options.includeUsage ? { usage: part.usage ?? null } : {}),
  };
}

/**
 * A whole `chat.completion`, for a client that did not stream.
 *
 * @example
 * chatCompletion(identity, { text: 'Hello!', finishReason: 'stop', usage: completionUsage(9, 3) })
 */
export function chatCompletion(
  identity: CompletionIdentity,
  result: { text: string; finishReason: FinishReason; usage: CompletionUsage },
) {
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: result.text, refusal: null },
        logprobs: null,
        finish_reason: result.finishReason,
      },
    ],
    usage: result.usage,
  };
}
