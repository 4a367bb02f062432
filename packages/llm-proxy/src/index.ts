export { hashApiKey } from './hash-api-key.js';
export { openSqliteStore } from './state/sqlite-store.js';
export type { SqliteStoreOptions } from './state/sqlite-store.js';
export { openRedisStore } from './state/redis-store.js';
export type { RedisStoreOptions } from './state/redis-store.js';
export { StoreUnavailableError } from './state/store-unavailable-error.js';
export type {
  AdmitDecision,
  AdmitRequest,
  AuditEntry,
  AuditRecord,
  AuditVerification,
  LimitName,
  ProxyStore,
  Reservation,
  TenantLimits,
  Usage,
  UsageReport,
} from './state/proxy-store.js';
export { createProxyApp } from './server/create-proxy-app.js';
export type { ProxyApp, ProxyAppOptions } from './server/create-proxy-app.js';
export { startProxy } from './server/start-proxy.js';
export type { RunningProxy, StartProxyOptions } from './server/start-proxy.js';
export { coreRedactor } from './server/core-redactor.js';
export type { RedactionOutcome, RedactionPolicy, Redactor } from './server/redactor.js';
export { createJsonLogger } from './server/proxy-logger.js';
export type { ProxyLogger, ProxyLogRecord } from './server/proxy-logger.js';
export type { OpenAIErrorBody } from './server/openai-error.js';
export { loadProxyConfig, parseProxyConfig } from './config/parse-proxy-config.js';
export { piiEntityTypes, proxyConfigSchema } from './config/proxy-config-schema.js';
export type {
  ModelConfig,
  PiiEntityType,
  ProxyConfig,
  ProxyConfigInput,
  RedactionAction,
  TenantConfig,
  UpstreamConfig,
} from './config/proxy-config-schema.js';
export { readUpstreamSecrets } from './config/upstream-secrets.js';
export type { UpstreamSecrets } from './config/upstream-secrets.js';
export { ProxyConfigError } from './errors/proxy-config-error.js';
export { UpstreamError } from './errors/upstream-error.js';
export type { UpstreamFailure } from './errors/upstream-error.js';
export { createUpstreams, upstreamFactories } from './upstreams/create-upstreams.js';
export { createOpenAIUpstream } from './upstreams/openai-upstream.js';
export type { OpenAIUpstreamOptions } from './upstreams/openai-upstream.js';
export { createAnthropicUpstream } from './upstreams/anthropic-upstream.js';
export type { AnthropicUpstreamOptions } from './upstreams/anthropic-upstream.js';
export { createLocalUpstream } from './upstreams/local-upstream.js';
export type { LocalUpstreamOptions } from './upstreams/local-upstream.js';
export type {
  ChatUpstream,
  FinishReason,
  UpstreamChatRequest,
  UpstreamEvent,
  UpstreamMessage,
} from './upstreams/chat-upstream.js';
