import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';

import { fromCostUnits, toCostUnits } from './cost-units.js';
import { limitCheckOrder } from './limit-check.js';
import { limitWindowsAt, retryAfterSeconds } from './limit-windows.js';
import type { ProxyStore } from './proxy-store.js';
import { type RedisCall, redisAuditLog } from './redis-audit-log.js';
import { redisKeys } from './redis-keys.js';
import { withProxyScripts } from './redis-scripts.js';
import {
  defaultAuditRecordsLimit,
  defaultReservationTtlMs,
  expiredReservationRetentionMs,
} from './store-defaults.js';
import { assertAdmitRequest, assertUsage } from './store-input.js';
import { StoreUnavailableError } from './store-unavailable-error.js';

/**
 * Options of {@link openRedisStore}.
 *
 * @example
 * const options: RedisStoreOptions = { url: 'redis://127.0.0.1:6379', keyPrefix: 'proxy-eu:' }
 */
export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://…` for TLS. */
  url: string;
  /**
   * Put before every key, so that several deployments (or tests) can share one Redis.
   * @default 'llm-proxy:'
   */
  keyPrefix?: string;
  /**
   * How long an admitted request's reservation holds budget without being settled. Older ones
   * are released at the tenant's next `admit` or `usage` (they were left by a process that
   * crashed or lost its client); a settle that comes later still counts the real use.
   * @default 600_000 (10 minutes)
   */
  reservationTtlMs?: number;
  /**
   * How long connecting, or one command, may wait for Redis before the call fails with
   * {@link StoreUnavailableError}.
   * @default 2_000
   */
  commandTimeoutMs?: number;
}

/** Redis errors that mean "not now" rather than a bug in a script. */
const unavailableReplies =
  /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN|NOREPLICAS|OOM)/;

/**
 * The proxy's state in Redis, shared by any number of proxy processes. `admit` is one Lua script
 * that expires stale reservations, checks every limit and reserves, atomically; `settle` is one
 * script that swaps the reservation for the real use, once. Counters expire an hour and a
 * reservation TTL after their window ends. When Redis is unreachable every call fails within
 * `commandTimeoutMs` with {@link StoreUnavailableError} (nothing is queued), and the client
 * reconnects by itself, at most a second apart. Opening fails the same way if Redis cannot be
 * reached at start.
 *
 * @example
 * const store = await openRedisStore({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' })
 * const decision = await store.admit({ tenantId: 'acme', tokens: 1_200, cost: 0.002, limits, now: Date.now() })
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<ProxyStore> {
  const keys = redisKeys(options.keyPrefix ?? 'llm-proxy:');
  const reservationTtlMs = options.reservationTtlMs ?? defaultReservationTtlMs;
  const timeoutMs = options.commandTimeoutMs ?? 2_000;
  const where = redactedUrl(options.url);
  const redis = withProxyScripts(
    new Redis(options.url, {
      lazyConnect: true,
      // Fail at once while disconnected, and never resend a command after a reconnect: an
      // admit that ran but whose reply was lost must not reserve twice.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: timeoutMs,
      connectTimeout: timeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
    }),
  );
  // ioredis reports connection trouble as events too; the calls report it as errors.
  redis.on('error', () => undefined);

  const call: RedisCall = async (operation, run) => {
    try {
      return await run();
    } catch (error) {
      throw unavailable(error, operation, where);
    }
  };

  await call('open', async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([redis.connect(), timeout]);
    } catch (error) {
      redis.disconnect();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  });

  const audit = redisAuditLog(redis, keys, call);
  /** Counters are kept an hour and a reservation TTL past their window's end. */
  const keepMs = (endsAt: number, now: number) => endsAt - now + reservationTtlMs + 3_600_000;

  return {
    kind: 'redis',
    async admit(request) {
      assertAdmitRequest(request);
      const { tenantId, tokens, now, limits } = request;
      const costUnits = toCostUnits(request.cost);
      const { minute, day, month } = limitWindowsAt(now);
      const id = randomUUID();
      const reservationPrefix = keys.reservationPrefix(tenantId);
      const limitValues = limitCheckOrder.map((name) => {
        const value = limits[name];
        if (value === undefined) return '';
        return String(name === 'dailyCost' || name === 'monthlyCost' ? toCostUnits(value) : value);
      });
      const [admitted, refusedAt] = await call('admit', () =>
        redis.proxyAdmit(
          keys.window(tenantId, minute.key),
          keys.window(tenantId, day.key),
          keys.window(tenantId, month.key),
          keys.held(tenantId),
          reservationPrefix + id,
          reservationPrefix,
          String(now - reservationTtlMs),
          String(expiredReservationRetentionMs),
          String(tokens),
          String(costUnits),
          ...limitValues,
          String(keepMs(minute.endsAt, now)),
          String(keepMs(day.endsAt, now)),
          String(keepMs(month.endsAt, now)),
          id,
          String(now),
        ),
      );
      if (admitted === 1) {
        return {
          admitted: true,
          reservation: { id, tenantId, tokens, cost: fromCostUnits(costUnits), at: now },
        };
      }
      const limit = limitCheckOrder[(refusedAt ?? 1) - 1] ?? 'requestsPerMinute';
      return { admitted: false, limit, retryAfterSeconds: retryAfterSeconds(limit, now) };
    },

    async settle(reservation, used) {
      assertUsage(used);
      await call('settle', () =>
        redis.proxySettle(
          keys.reservationPrefix(reservation.tenantId) + reservation.id,
          keys.held(reservation.tenantId),
          reservation.id,
          String(used.tokensIn),
          String(used.tokensOut),
          String(toCostUnits(used.cost)),
          String(reservationTtlMs + 3_600_000),
        ),
      );
    },

    async usage(tenantId, limits, now) {
      const windows = limitWindowsAt(now);
      const reply = await call('usage', () =>
        redis.proxyUsage(
          keys.window(tenantId, windows.minute.key),
          keys.window(tenantId, windows.day.key),
          keys.window(tenantId, windows.month.key),
          keys.held(tenantId),
          keys.reservationPrefix(tenantId),
          String(now - reservationTtlMs),
          String(expiredReservationRetentionMs),
        ),
      );
      const [minute = [], day = [], month = [], heldTokens, heldCost] = reply as [
        (string | null)[],
        (string | null)[],
        (string | null)[],
        number,
        number,
      ];
      // Fields in the script's order: requests, tokensIn, tokensOut, cost, reservedTokens.
      const count = (fields: (string | null)[], index: number) => Number(fields[index] ?? 0);
      const settled = (fields: (string | null)[]) => ({
        requests: count(fields, 0),
        tokensIn: count(fields, 1),
        tokensOut: count(fields, 2),
        cost: fromCostUnits(count(fields, 3)),
      });
      return {
        tenantId,
        minute: {
          requests: count(minute, 0),
          tokens: count(minute, 1) + count(minute, 2) + count(minute, 4),
        },
        day: { date: windows.day.date, ...settled(day) },
        month: { month: windows.month.month, ...settled(month) },
        reserved: { tokens: Number(heldTokens), cost: fromCostUnits(Number(heldCost)) },
        limits,
      };
    },

    appendAudit: (entry) => audit.append(entry),
    auditRecords: (tenantId, recordsOptions) =>
      audit.records(tenantId, recordsOptions?.limit ?? defaultAuditRecordsLimit),
    verifyAudit: () => audit.verify(),

    async close() {
      if (redis.status === 'ready') {
        await redis.quit().catch(() => redis.disconnect());
      } else {
        redis.disconnect();
      }
    },
  };
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable Redis URL)';
  }
}

/** The error to throw for a failed Redis call: a {@link StoreUnavailableError} unless it is a script bug. */
function unavailable(error: unknown, operation: string, where: string): unknown {
  if (StoreUnavailableError.isInstance(error)) return error;
  const isReply = error instanceof Error && error.name === 'ReplyError';
  if (isReply && !unavailableReplies.test(error.message)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError({
    message:
      operation === 'open'
        ? `Could not connect to the Redis store at ${where}: ${reason}. Check that Redis runs there and that the URL is right.`
        : `The Redis store at ${where} could not ${operation}: ${reason}. The client reconnects by itself: answer 503 and let the caller retry.`,
    cause: error,
    store: 'redis',
    operation,
  });
}
