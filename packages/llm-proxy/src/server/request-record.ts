import type { TenantConfig } from '../config/proxy-config-schema.js';
import type { AuditEntry, ProxyStore } from '../state/proxy-store.js';
import type { ProxyLogger } from './proxy-logger.js';

/**
 * What the proxy knows of one request while it runs; at its end it becomes one log line and,
 * for a chat completion of a known tenant, one audit record.
 *
 * @example
 * const record = c.get('record'); record.outcome = 'blocked-pii'
 */
export interface RequestRecord {
  readonly requestId: string;
  /** Milliseconds since the epoch (the proxy's clock) when it arrived. */
  readonly startedAt: number;
  readonly method: string;
  readonly path: string;
  tenant?: TenantConfig;
  /** The model asked for (the exposed id). */
  model?: string;
  upstream?: string;
  stream: boolean;
  /** `ok` or what ended it (see `AuditEntry.outcome`); derived from the status when unset. */
  outcome?: string;
  /** The status recorded, when it differs from the response's (499: the client left). */
  status?: number;
  redactions: Record<string, number>;
  /** The redacted prompt, kept only when the tenant's `auditPrompts` is on. */
  prompt?: string;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  /** Audited (a chat completion that reached its handler). */
  audit: boolean;
  /** Finished by a stream after the response began, not by the middleware. */
  deferred: boolean;
  /** A deferred request's body calls this once, when it has ended (read to the end or cancelled). */
  onBodyEnd?: () => void;
  /** Set when a deferred request's body has ended (before or after `onBodyEnd` was given). */
  bodyEnded?: boolean;
  /** Aborted when the client disconnects or the proxy shuts down; stops the upstream. */
  readonly controller: AbortController;
  /** Who aborted `controller`. */
  abortedBy?: 'client' | 'shutdown';
}

const outcomeOfStatus: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'invalid-request',
  413: 'invalid-request',
  429: 'rate-limited',
  503: 'unavailable',
  504: 'upstream-timeout',
};

/**
 * Ends a request: writes its audit record (when `record.audit`, with the tenant known) and its
 * log line. A store failure here is logged, not thrown: the client already has its answer.
 *
 * @example
 * await finishRequest(record, 200, { store, logger, now: Date.now() })
 */
export async function finishRequest(
  record: RequestRecord,
  responseStatus: number,
  context: { store: ProxyStore; logger: ProxyLogger; now: number },
): Promise<void> {
  const status = record.status ?? responseStatus;
  const outcome = record.outcome ?? (status < 400 ? 'ok' : (outcomeOfStatus[status] ?? 'error'));
  const latencyMs = Math.max(0, context.now - record.startedAt);
  if (record.audit && record.tenant) {
    const entry: AuditEntry = {
      time: new Date(record.startedAt).toISOString(),
      requestId: record.requestId,
      tenantId: record.tenant.id,
      model: record.model ?? '',
      upstream: record.upstream ?? '',
      stream: record.stream,
      tokensIn: record.tokensIn,
      tokensOut: record.tokensOut,
      cost: record.cost,
      latencyMs,
      redactions: record.redactions,
      outcome,
      status,
      ...(record.prompt === undefined ? {} : { prompt: record.prompt }),
    };
    await context.store.appendAudit(entry).catch((error: unknown) => {
      context.logger.log({
        level: 'error',
        event: 'audit-failed',
        requestId: record.requestId,
        message: errorName(error),
      });
    });
  }
  context.logger.log({
    level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
    event: 'request',
    requestId: record.requestId,
    ...(record.tenant ? { tenant: record.tenant.id } : {}),
    ...(record.model === undefined ? {} : { model: record.model }),
    method: record.method,
    path: record.path,
    status,
    outcome,
    latencyMs,
  });
}

/**
 * An error's class and code for a log line; never its message, which can quote a URL with a
 * password or a provider's text.
 *
 * @example
 * errorName(new TypeError('x')) // 'TypeError'
 */
export function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return typeof error;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return [typeof name === 'string' ? name : 'Error', typeof code === 'string' ? code : undefined]
    .filter(Boolean)
    .join(' ');
}
