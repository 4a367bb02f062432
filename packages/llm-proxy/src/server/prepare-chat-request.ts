import { firstIssue } from '../config/issue-path.js';
import {
  piiEntityTypes,
  type ModelConfig,
  type ProxyConfig,
  type TenantConfig,
  type UpstreamConfig,
} from '../config/proxy-config-schema.js';
import type { UpstreamChatRequest, UpstreamMessage } from '../upstreams/chat-upstream.js';
import { estimateTokens } from './accounting.js';
import { chatRequestSchema, messageText } from './chat-request-schema.js';
import { openAIError } from './openai-error.js';
import { redactConversation } from './redact-conversation.js';
import type { RedactionPolicy, Redactor } from './redactor.js';
import type { RequestRecord } from './request-record.js';

/**
 * A chat request checked and redacted, ready to be admitted and sent.
 *
 * @example
 * const prepared = await prepareChatRequest(body, { config, tenant, redactor, record })
 */
export interface PreparedChatRequest {
  model: ModelConfig;
  upstream: UpstreamConfig;
  request: UpstreamChatRequest;
  /** Estimated prompt tokens of the redacted messages (characters ÷ 4). */
  promptTokens: number;
  stream: boolean;
  includeUsage: boolean;
}

/**
 * Checks a chat completion body for a tenant and redacts it, in this order: the schema (400
 * naming the field), the model (404 when unknown or not allowed: the two are not told apart, so
 * a key cannot probe another tenant's models), `max_tokens` / `max_completion_tokens` against the
 * tenant's maximum (400), then every message's text through the redactor with the tenant's policy
 * ({@link redactConversation}: placeholders numbered across the messages)
 * (400 `pii_blocked` naming the blocked types, never the values). Sets the record's model,
 * upstream, redaction counts and (with `auditPrompts`) redacted prompt as it goes.
 *
 * @throws an `HTTPException` with an OpenAI-style error body.
 * @example
 * const prepared = await prepareChatRequest(await c.req.json(), { config, tenant, redactor, record })
 */
export async function prepareChatRequest(
  body: unknown,
  context: { config: ProxyConfig; tenant: TenantConfig; redactor: Redactor; record: RequestRecord },
): Promise<PreparedChatRequest> {
  const { config, tenant, record } = context;
  const parsed = chatRequestSchema.safeParse(body);
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.error.issues);
    throw openAIError(400, {
      message,
      type: 'invalid_request_error',
      code: 'invalid_value',
      param: path,
    });
  }
  const input = parsed.data;
  record.stream = input.stream === true;
  const model = config.models.find((candidate) => candidate.id === input.model);
  // An unknown name is the client's text: quoted as JSON (control characters and lone
  // surrogates escaped, so it stores and hashes the same everywhere) and cut, for logs and audit.
  record.model = model ? model.id : JSON.stringify(input.model.slice(0, 200));
  if (!model || !(tenant.models.includes('*') || tenant.models.includes(model.id))) {
    throw openAIError(404, {
      message: `The model \`${input.model}\` does not exist or you do not have access to it.`,
      type: 'invalid_request_error',
      code: 'model_not_found',
      param: 'model',
    });
  }
  const upstream = config.upstreams.find(
    (candidate) => candidate.name === model.upstream,
  ) as UpstreamConfig;
  record.upstream = upstream.name;
  const asked = input.max_completion_tokens ?? input.max_tokens ?? undefined;
  if (asked !== undefined && asked > tenant.maxTokensPerRequest) {
    const param = input.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
    throw openAIError(400, {
      message: `${param} is ${asked}; this API key allows at most ${tenant.maxTokensPerRequest}.`,
      type: 'invalid_request_error',
      code: 'max_tokens_exceeded',
      param,
    });
  }
  const policy = redactionPolicy(tenant);
  const redaction = await redactConversation(
    input.messages.map(messageText),
    policy,
    context.redactor,
  );
  for (const [type, count] of Object.entries(redaction.counts)) {
    record.redactions[type] = (record.redactions[type] ?? 0) + (count ?? 0);
  }
  if (redaction.blocked) {
    record.outcome = 'blocked-pii';
    const types = [...redaction.types].sort().join(', ');
    throw openAIError(400, {
      message: `The prompt contains personal data this API key may not send: ${types}. Remove it and try again.`,
      type: 'invalid_request_error',
      code: 'pii_blocked',
      param: 'messages',
    });
  }
  const messages: UpstreamMessage[] = input.messages.map((message, index) => ({
    role: message.role === 'developer' ? 'system' : message.role,
    content: redaction.texts[index] ?? '',
  }));
  const promptText = messages.map((message) => message.content).join('\n');
  if (tenant.auditPrompts) record.prompt = JSON.stringify(messages);
  const stop = input.stop ?? undefined;
  return {
    model,
    upstream,
    promptTokens: estimateTokens(promptText),
    stream: record.stream,
    includeUsage: input.stream_options?.include_usage === true,
    request: {
      model: model.upstreamModel,
      messages,
      maxTokens: asked ?? tenant.maxTokensPerRequest,
      user: tenant.id,
      ...(input.temperature == null ? {} : { temperature: input.temperature }),
      ...(input.top_p == null ? {} : { topP: input.top_p }),
      ...(stop === undefined ? {} : { stop: typeof stop === 'string' ? [stop] : stop }),
    },
  };
}

/**
 * A tenant's complete policy: `mask` for every type it does not set.
 *
 * @example
 * redactionPolicy(tenant).EMAIL // 'mask'
 */
export function redactionPolicy(tenant: TenantConfig): RedactionPolicy {
  const policy = Object.fromEntries(
    piiEntityTypes.map((type) => [type, 'mask']),
  ) as RedactionPolicy;
  return { ...policy, ...tenant.redaction };
}
