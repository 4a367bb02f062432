import type { Database } from 'better-sqlite3';

/**
 * The tables of the SQLite store, created if missing:
 * - `usage_windows`: one row per tenant and window (`minute:…`, `day:YYYY-MM-DD`,
 *   `month:YYYY-MM`) with settled use and what is still reserved (costs in billionths);
 * - `reservations`: admitted requests not yet settled (`held`), or released by expiry and kept a
 *   day so that a late settle still counts the real use (`expired`);
 * - `audit_records`: the hash-chained audit log, append-only (triggers refuse UPDATE and DELETE,
 *   so that only someone who drops them can change a record, and `verifyAudit` then names it).
 *
 * @example
 * createSqliteSchema(new Database('proxy.db'))
 */
export function createSqliteSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS usage_windows (
      tenant_id TEXT NOT NULL,
      period TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('minute', 'day', 'month')),
      ends_at INTEGER NOT NULL,
      requests INTEGER NOT NULL DEFAULT 0,
      tokens_in INTEGER NOT NULL DEFAULT 0,
      tokens_out INTEGER NOT NULL DEFAULT 0,
      cost_units INTEGER NOT NULL DEFAULT 0,
      reserved_tokens INTEGER NOT NULL DEFAULT 0,
      reserved_cost_units INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant_id, period)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS usage_windows_by_end ON usage_windows (kind, ends_at);

    CREATE TABLE IF NOT EXISTS reservations (
      id TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      tokens INTEGER NOT NULL,
      cost_units INTEGER NOT NULL,
      at INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('held', 'expired'))
    );
    CREATE INDEX IF NOT EXISTS reservations_by_tenant ON reservations (tenant_id, state, at);
    CREATE INDEX IF NOT EXISTS reservations_by_state ON reservations (state, at);

    CREATE TABLE IF NOT EXISTS audit_records (
      sequence INTEGER PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      time TEXT NOT NULL,
      request_id TEXT NOT NULL,
      model TEXT NOT NULL,
      upstream TEXT NOT NULL,
      stream INTEGER NOT NULL,
      tokens_in INTEGER NOT NULL,
      tokens_out INTEGER NOT NULL,
      cost REAL NOT NULL,
      latency_ms REAL NOT NULL,
      redactions TEXT NOT NULL,
      outcome TEXT NOT NULL,
      status INTEGER NOT NULL,
      prompt TEXT,
      previous_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS audit_records_by_tenant ON audit_records (tenant_id, sequence);
    CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    PRAGMA user_version = 1;
  `);
}
