/**
 * The names of the Redis store's keys, all under one prefix (tenant ids URI-encoded, so that a
 * `:` in an id cannot make two tenants share a key):
 * - `usage:<tenant>:minute:<n>` / `day:<YYYY-MM-DD>` / `month:<YYYY-MM>`: counter hashes;
 * - `held:<tenant>`: sorted set of the tenant's held reservation ids, scored by `at`;
 * - `reservation:<tenant>:<id>`: one reservation;
 * - `audit:head` (sequence and hash of the last record), `audit:record:<sequence>` (one record,
 *   a hash of JSON values), `audit:tenant:<tenant>` (sorted set of the tenant's sequences).
 *
 * @example
 * const keys = redisKeys('llm-proxy:')
 * keys.window('acme', 'day:2025-03-14') // 'llm-proxy:usage:acme:day:2025-03-14'
 */
export interface RedisKeys {
  window(tenantId: string, windowKey: string): string;
  held(tenantId: string): string;
  reservationPrefix(tenantId: string): string;
  readonly auditHead: string;
  auditRecord(sequence: number): string;
  auditTenant(tenantId: string): string;
}

/**
 * The {@link RedisKeys} under `prefix`.
 *
 * @example
 * redisKeys('llm-proxy:').auditRecord(12) // 'llm-proxy:audit:record:12'
 */
export function redisKeys(prefix: string): RedisKeys {
  const tenant = (tenantId: string) => encodeURIComponent(tenantId);
  return {
    window: (tenantId, windowKey) => `${prefix}usage:${tenant(tenantId)}:${windowKey}`,
    held: (tenantId) => `${prefix}held:${tenant(tenantId)}`,
    reservationPrefix: (tenantId) => `${prefix}reservation:${tenant(tenantId)}:`,
    auditHead: `${prefix}audit:head`,
    auditRecord: (sequence) => `${prefix}audit:record:${sequence}`,
    auditTenant: (tenantId) => `${prefix}audit:tenant:${tenant(tenantId)}`,
  };
}
