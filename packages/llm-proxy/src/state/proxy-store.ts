/**
 * What a tenant may spend: request and token rates per minute, and token / cost budgets per UTC
 * day and calendar month. An absent field is no limit.
 *
 * @example
 * const limits: TenantLimits = { requestsPerMinute: 60, tokensPerMinute: 20_000, dailyTokens: 200_000 }
 */
export interface TenantLimits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  dailyTokens?: number;
  monthlyTokens?: number;
  /** In the price table's currency (USD by default). */
  dailyCost?: number;
  monthlyCost?: number;
}

/**
 * A request asking to be admitted: it reserves its largest possible use (prompt tokens estimated
 * plus `max_tokens`) and its largest possible cost, so that concurrent requests, on one proxy or
 * on several sharing Redis, can never take a tenant past a limit together.
 *
 * @example
 * const request: AdmitRequest = { tenantId: 'acme', tokens: 1_200, cost: 0.0018, limits, now: Date.now() }
 */
export interface AdmitRequest {
  tenantId: string;
  /** Tokens reserved: estimated prompt tokens + the completion's maximum. */
  tokens: number;
  /** Cost reserved for those tokens at the model's prices. */
  cost: number;
  limits: TenantLimits;
  /** Milliseconds since the epoch (tests pass a clock). */
  now: number;
}

/** Which limit refused a request. */
export type LimitName =
  | 'requestsPerMinute'
  | 'tokensPerMinute'
  | 'dailyTokens'
  | 'monthlyTokens'
  | 'dailyCost'
  | 'monthlyCost';

/**
 * The store's answer: admitted with a reservation to settle, or refused with the limit and how
 * long until a retry can succeed (whole seconds, ≥ 1; for `Retry-After`).
 *
 * @example
 * if (!decision.admitted) return tooManyRequests(decision.limit, decision.retryAfterSeconds)
 */
export type AdmitDecision =
  | { admitted: true; reservation: Reservation }
  | { admitted: false; limit: LimitName; retryAfterSeconds: number };

/**
 * What an admitted request holds until it ends: settle it with what it really used (or with
 * zeros when it failed before the upstream counted anything).
 *
 * @example
 * await store.settle(reservation, { tokensIn: 812, tokensOut: 240, cost: 0.0011 })
 */
export interface Reservation {
  readonly id: string;
  readonly tenantId: string;
  readonly tokens: number;
  readonly cost: number;
  /** The `now` it was admitted at: settling puts the use into that minute, day and month. */
  readonly at: number;
}

/**
 * What a request really used.
 *
 * @example
 * const used: Usage = { tokensIn: 812, tokensOut: 240, cost: 0.0011 }
 */
export interface Usage {
  tokensIn: number;
  tokensOut: number;
  cost: number;
}

/**
 * A tenant's use in the current minute, UTC day and month (settled plus still reserved), and
 * its limits, as `GET /v1/usage` reports them.
 *
 * @example
 * const report = await store.usage('acme', limits, Date.now())
 */
export interface UsageReport {
  tenantId: string;
  minute: { requests: number; tokens: number };
  day: { date: string; requests: number; tokensIn: number; tokensOut: number; cost: number };
  month: { month: string; requests: number; tokensIn: number; tokensOut: number; cost: number };
  /** Tokens and cost held by requests still running. */
  reserved: { tokens: number; cost: number };
  limits: TenantLimits;
}

/**
 * One audit record as given to the store: everything but its place in the chain. Prompt text
 * only when the tenant opted in; never an API key.
 *
 * @example
 * await store.appendAudit({ tenantId: 'acme', model: 'gpt-4o-mini', outcome: 'ok', … })
 */
export interface AuditEntry {
  /** ISO 8601 time the request arrived. */
  time: string;
  requestId: string;
  tenantId: string;
  model: string;
  upstream: string;
  stream: boolean;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  latencyMs: number;
  /** Entities found in the prompt, by type (masked, blocked or allowed by the policy). */
  redactions: Record<string, number>;
  /** `ok`, or what ended it: `blocked-pii`, `rate-limited`, `over-budget`, `upstream-error`, `upstream-timeout`, `client-aborted`, `stream-dropped`, `invalid-request`. */
  outcome: string;
  status: number;
  /** The redacted prompt, when the tenant's `auditPrompts` is on. */
  prompt?: string;
}

/**
 * An audit record in the chain: `hash` is the SHA-256 (hex) of `previousHash` and the canonical
 * JSON of the entry with its `sequence`; the first record's `previousHash` is 64 zeros.
 *
 * @example
 * const { sequence, hash } = await store.appendAudit(entry)
 */
export interface AuditRecord extends AuditEntry {
  sequence: number;
  previousHash: string;
  hash: string;
}

/**
 * The chain checked from the first record: intact, or the first record that does not follow.
 *
 * @example
 * const result = await store.verifyAudit()
 * if (!result.ok) console.error(`record ${result.sequence}: ${result.reason}`)
 */
export type AuditVerification =
  { ok: true; records: number } | { ok: false; records: number; sequence: number; reason: string };

/**
 * The proxy's shared state: limits and budgets enforced atomically (SQLite in one process, Redis
 * across several), usage, and the append-only hash-chained audit log. Every method is safe to
 * call concurrently.
 *
 * @example
 * const store = await openSqliteStore({ path: 'proxy.db' })
 */
export interface ProxyStore {
  /** `sqlite` or `redis`. */
  readonly kind: 'sqlite' | 'redis';
  admit(request: AdmitRequest): Promise<AdmitDecision>;
  /** Replaces the reservation by what was used; settling twice is a no-op. */
  settle(reservation: Reservation, used: Usage): Promise<void>;
  usage(tenantId: string, limits: TenantLimits, now: number): Promise<UsageReport>;
  appendAudit(entry: AuditEntry): Promise<AuditRecord>;
  /** Records of one tenant, newest first (at most `limit`). */
  auditRecords(tenantId: string, options?: { limit?: number }): Promise<AuditRecord[]>;
  verifyAudit(): Promise<AuditVerification>;
  close(): Promise<void>;
}
