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
