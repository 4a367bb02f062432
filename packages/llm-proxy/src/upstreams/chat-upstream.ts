/**
 * One message as the proxy sends it upstream: text only, already redacted.
 *
 * @example
 * const message: UpstreamMessage = { role: 'user', content: 'Summarise [EMAIL_1]’s ticket.' }
 */
export interface UpstreamMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * A chat request in the proxy's own terms, the same for every upstream kind.
 *
 * @example
 * const request: UpstreamChatRequest = { model: 'gpt-4o-mini', messages, maxTokens: 256 }
 */
export interface UpstreamChatRequest {
  /** The upstream's model name (`upstreamModel` of the config). */
  model: string;
  messages: readonly UpstreamMessage[];
  /** Always set: the request's `max_tokens` or the tenant's maximum. */
  maxTokens: number;
  temperature?: number;
  topP?: number;
  stop?: readonly string[];
  /** OpenAI's `user`: the tenant id, so a provider's abuse reports name a tenant. */
  user?: string;
}

/**
 * Why a completion ended, in OpenAI's words.
 *
 * @example
 * const reason: FinishReason = 'length'
 */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls';

/**
 * One normalized event of an upstream's answer: text as it comes, how it finished, and the
 * tokens counted (when the upstream counts them; otherwise the proxy estimates).
 *
 * @example
 * for await (const event of upstream.chat(request, signal)) if (event.type === 'text') send(event.text)
 */
export type UpstreamEvent =
  | { type: 'text'; text: string }
  | { type: 'finish'; reason: FinishReason }
  | { type: 'usage'; promptTokens: number; completionTokens: number };

/**
 * The interface every upstream implements (version 1): one attempt of one chat request, as an
 * async iterable of {@link UpstreamEvent}s. It throws `UpstreamError` (connection, HTTP status,
 * unreadable answer, stream ended early) and stops when `signal` aborts; timeouts and retries are
 * the proxy's, around it, so that every upstream behaves the same. Iterating is what sends the
 * request; breaking out of the loop cancels it.
 *
 * @example
 * const upstream: ChatUpstream = createOpenAIUpstream({ name: 'openai', baseURL, apiKey })
 * for await (const event of upstream.chat(request, AbortSignal.timeout(30_000))) console.log(event)
 */
export interface ChatUpstream {
  readonly specificationVersion: 'v1';
  readonly name: string;
  readonly kind: 'openai' | 'anthropic' | 'openai-compatible' | 'local';
  chat(request: UpstreamChatRequest, signal: AbortSignal): AsyncIterable<UpstreamEvent>;
  /** Frees what the upstream holds (a loaded model); called when the proxy closes. */
  close?(): Promise<void>;
}
