import { randomUUID } from 'node:crypto';

import Database from 'better-sqlite3';

import { fromCostUnits, toCostUnits } from './cost-units.js';
import { exceededLimit } from './limit-check.js';
import { limitWindowsAt, retryAfterSeconds } from './limit-windows.js';
import type {
  AdmitDecision,
  AdmitRequest,
  ProxyStore,
  TenantLimits,
  UsageReport,
} from './proxy-store.js';
import { sqliteAuditLog } from './sqlite-audit-log.js';
import { createSqliteSchema } from './sqlite-schema.js';
import { assertAdmitRequest, assertUsage } from './store-input.js';
import { StoreUnavailableError } from './store-unavailable-error.js';
import {
  defaultAuditRecordsLimit,
  defaultReservationTtlMs,
  expiredReservationRetentionMs,
} from './store-defaults.js';

/**
 * Options of {@link openSqliteStore}.
 *
 * @example
 * const options: SqliteStoreOptions = { path: 'proxy.db', reservationTtlMs: 5 * 60_000 }
 */
export interface SqliteStoreOptions {
  /** The database file (created with its tables if missing), or `':memory:'`. */
  path: string;
  /**
   * How long an admitted request's reservation holds budget without being settled. Older ones
   * are released at the tenant's next `admit` or `usage` (they were left by a process that
   * crashed or lost its client); a settle that comes later still counts the real use.
   * @default 600_000 (10 minutes)
   */
  reservationTtlMs?: number;
  /**
   * SQLite's `synchronous` in WAL mode. `normal` does not wait for the disk at each commit: a
   * power cut (not a crash of the process) may lose the last commits, never the file's
   * integrity; `full` waits for the disk at every commit (an fsync, about 0.4 ms on the bench
   * machine, three per request, blocking the event loop).
   * @default 'normal'
   */
  synchronous?: 'normal' | 'full';
}

interface WindowRow {
  period: string;
  requests: number;
  tokens_in: number;
  tokens_out: number;
  cost_units: number;
  reserved_tokens: number;
  reserved_cost_units: number;
}

interface ReservationRow {
  id: string;
  tenant_id: string;
  tokens: number;
  cost_units: number;
  at: number;
  state: 'held' | 'expired';
}

/** What to add to a window's counters (costs in billionths); absent is 0. */
interface WindowAmounts {
  requests?: number;
  tokensIn?: number;
  tokensOut?: number;
  costUnits?: number;
  reservedTokens?: number;
  reservedCostUnits?: number;
}

const emptyWindow: Omit<WindowRow, 'period'> = {
  requests: 0,
  tokens_in: 0,
  tokens_out: 0,
  cost_units: 0,
  reserved_tokens: 0,
  reserved_cost_units: 0,
};

/** Minute rows are dropped an hour after their minute; days and months are kept. */
const minuteRowsKeptMs = 60 * 60_000;

/** SQLite result codes that mean "try again later", not a bug. */
const unavailableCodes = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM)/;

/**
 * The proxy's state in one SQLite file (WAL mode), for a single proxy process or a few on one
 * machine: every check-and-reserve runs in one write transaction (`BEGIN IMMEDIATE`), so
 * concurrent requests can never pass a limit together. Usage is counted per tenant in the minute
 * (`floor(now / 60 000)`), the UTC day and the UTC month of each request's `now`.
 *
 * @example
 * const store = await openSqliteStore({ path: 'proxy.db' })
 * const decision = await store.admit({ tenantId: 'acme', tokens: 1_200, cost: 0.002, limits, now: Date.now() })
 * if (decision.admitted) await store.settle(decision.reservation, { tokensIn: 800, tokensOut: 150, cost: 0.0012 })
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<ProxyStore> {
  const reservationTtlMs = options.reservationTtlMs ?? defaultReservationTtlMs;
  const db = guard('open', () => {
    const opened = new Database(options.path);
    opened.pragma('journal_mode = WAL');
    opened.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    opened.pragma('busy_timeout = 5000');
    createSqliteSchema(opened);
    return opened;
  });
  const audit = sqliteAuditLog(db);

  const selectWindows = db.prepare<[string, string, string, string], WindowRow>(
    'SELECT * FROM usage_windows WHERE tenant_id = ? AND period IN (?, ?, ?)',
  );
  const addToWindow = db.prepare(`
    INSERT INTO usage_windows (tenant_id, period, kind, ends_at, requests, tokens_in, tokens_out,
      cost_units, reserved_tokens, reserved_cost_units)
    VALUES (@tenantId, @period, @kind, @endsAt, @requests, @tokensIn, @tokensOut, @costUnits,
      @reservedTokens, @reservedCostUnits)
    ON CONFLICT (tenant_id, period) DO UPDATE SET
      requests = requests + excluded.requests,
      tokens_in = tokens_in + excluded.tokens_in,
      tokens_out = tokens_out + excluded.tokens_out,
      cost_units = cost_units + excluded.cost_units,
      reserved_tokens = reserved_tokens + excluded.reserved_tokens,
      reserved_cost_units = reserved_cost_units + excluded.reserved_cost_units
  `);
  const releaseFromWindow = db.prepare(`
    UPDATE usage_windows SET reserved_tokens = reserved_tokens - ?,
      reserved_cost_units = reserved_cost_units - ?
    WHERE tenant_id = ? AND period = ?
  `);
  const insertReservation = db.prepare(
    "INSERT INTO reservations (id, tenant_id, tokens, cost_units, at, state) VALUES (?, ?, ?, ?, ?, 'held')",
  );
  const selectReservation = db.prepare<[string], ReservationRow>(
    'SELECT * FROM reservations WHERE id = ?',
  );
  const deleteReservation = db.prepare('DELETE FROM reservations WHERE id = ?');
  const selectStale = db.prepare<[string, number], ReservationRow>(
    "SELECT * FROM reservations WHERE tenant_id = ? AND state = 'held' AND at < ?",
  );
  const markExpired = db.prepare("UPDATE reservations SET state = 'expired' WHERE id = ?");
  const sumHeld = db.prepare<[string], { tokens: number | null; cost_units: number | null }>(
    "SELECT sum(tokens) AS tokens, sum(cost_units) AS cost_units FROM reservations WHERE tenant_id = ? AND state = 'held'",
  );
  const pruneMinutes = db.prepare(
    "DELETE FROM usage_windows WHERE kind = 'minute' AND ends_at < ?",
  );
  const pruneExpired = db.prepare("DELETE FROM reservations WHERE state = 'expired' AND at < ?");

  /** Adds to the minute, day and month counters of a request made at `at`. */
  function addToWindows(tenantId: string, at: number, amounts: WindowAmounts): void {
    const windows = limitWindowsAt(at);
    for (const kind of ['minute', 'day', 'month'] as const) {
      addToWindow.run({
        tenantId,
        period: windows[kind].key,
        kind,
        endsAt: windows[kind].endsAt,
        requests: amounts.requests ?? 0,
        tokensIn: amounts.tokensIn ?? 0,
        tokensOut: amounts.tokensOut ?? 0,
        costUnits: amounts.costUnits ?? 0,
        reservedTokens: amounts.reservedTokens ?? 0,
        reservedCostUnits: amounts.reservedCostUnits ?? 0,
      });
    }
  }

  function release(row: ReservationRow): void {
    const windows = limitWindowsAt(row.at);
    for (const window of [windows.minute, windows.day, windows.month]) {
      releaseFromWindow.run(row.tokens, row.cost_units, row.tenant_id, window.key);
    }
  }

  let lastPrunedMinute = -1;
  /** Releases the tenant's reservations older than the TTL; tidies old rows once a minute. */
  function expireReservations(tenantId: string, now: number): void {
    for (const row of selectStale.all(tenantId, now - reservationTtlMs)) {
      release(row);
      markExpired.run(row.id);
    }
    const minute = Math.floor(now / 60_000);
    if (minute !== lastPrunedMinute) {
      lastPrunedMinute = minute;
      pruneMinutes.run(now - minuteRowsKeptMs);
      pruneExpired.run(now - expiredReservationRetentionMs);
    }
  }

  function windowsOf(tenantId: string, now: number) {
    const windows = limitWindowsAt(now);
    const rows = selectWindows.all(
      tenantId,
      windows.minute.key,
      windows.day.key,
      windows.month.key,
    );
    const find = (key: string) => rows.find((row) => row.period === key) ?? emptyWindow;
    return {
      windows,
      minute: find(windows.minute.key),
      day: find(windows.day.key),
      month: find(windows.month.key),
    };
  }

  const admit = db.transaction((request: AdmitRequest): AdmitDecision => {
    const { tenantId, tokens, now } = request;
    const costUnits = toCostUnits(request.cost);
    expireReservations(tenantId, now);
    const { minute, day, month } = windowsOf(tenantId, now);
    const used = (row: typeof emptyWindow) => row.tokens_in + row.tokens_out + row.reserved_tokens;
    const limit = exceededLimit(
      {
        minuteRequests: minute.requests,
        minuteTokens: used(minute),
        dayTokens: used(day),
        dayCostUnits: day.cost_units + day.reserved_cost_units,
        monthTokens: used(month),
        monthCostUnits: month.cost_units + month.reserved_cost_units,
      },
      { tokens, costUnits },
      request.limits,
    );
    if (limit !== undefined) {
      return { admitted: false, limit, retryAfterSeconds: retryAfterSeconds(limit, now) };
    }
    const id = randomUUID();
    addToWindows(tenantId, now, {
      requests: 1,
      reservedTokens: tokens,
      reservedCostUnits: costUnits,
    });
    insertReservation.run(id, tenantId, tokens, costUnits, now);
    return {
      admitted: true,
      reservation: { id, tenantId, tokens, cost: fromCostUnits(costUnits), at: now },
    };
  });

  const settle = db.transaction((id: string, tenantId: string, used: WindowAmounts) => {
    const row = selectReservation.get(id);
    if (row === undefined || row.tenant_id !== tenantId) return;
    if (row.state === 'held') release(row);
    addToWindows(row.tenant_id, row.at, used);
    deleteReservation.run(id);
  });

  const usage = db.transaction(
    (tenantId: string, limits: TenantLimits, now: number): UsageReport => {
      expireReservations(tenantId, now);
      const { windows, minute, day, month } = windowsOf(tenantId, now);
      const held = sumHeld.get(tenantId);
      const settled = (row: typeof emptyWindow) => ({
        requests: row.requests,
        tokensIn: row.tokens_in,
        tokensOut: row.tokens_out,
        cost: fromCostUnits(row.cost_units),
      });
      return {
        tenantId,
        minute: {
          requests: minute.requests,
          tokens: minute.tokens_in + minute.tokens_out + minute.reserved_tokens,
        },
        day: { date: windows.day.date, ...settled(day) },
        month: { month: windows.month.month, ...settled(month) },
        reserved: { tokens: held?.tokens ?? 0, cost: fromCostUnits(held?.cost_units ?? 0) },
        limits,
      };
    },
  );

  return {
    kind: 'sqlite',
    async admit(request) {
      assertAdmitRequest(request);
      return guard('admit', () => admit.immediate(request));
    },
    async settle(reservation, used) {
      assertUsage(used);
      const amounts = {
        tokensIn: used.tokensIn,
        tokensOut: used.tokensOut,
        costUnits: toCostUnits(used.cost),
      };
      guard('settle', () => settle.immediate(reservation.id, reservation.tenantId, amounts));
    },
    async usage(tenantId, limits, now) {
      return guard('usage', () => usage.immediate(tenantId, limits, now));
    },
    async appendAudit(entry) {
      return guard('appendAudit', () => audit.append(entry));
    },
    async auditRecords(tenantId, recordsOptions) {
      const limit = recordsOptions?.limit ?? defaultAuditRecordsLimit;
      return guard('auditRecords', () => audit.records(tenantId, limit));
    },
    async verifyAudit() {
      return guard('verifyAudit', () => audit.verify());
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Runs `operation`, turning SQLite's "busy, locked, disk full, I/O" into a typed 503. */
function guard<T>(operation: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && unavailableCodes.test(code)) {
      throw new StoreUnavailableError({
        message: `The SQLite store could not ${operation} (${code}: ${(error as Error).message}); try again shortly.`,
        cause: error,
        store: 'sqlite',
        operation,
      });
    }
    throw error;
  }
}
