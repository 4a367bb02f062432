import type { Database } from 'better-sqlite3';

import { auditRecordProblem, chainAuditEntry, genesisHash } from './audit-hash.js';
import type { AuditEntry, AuditRecord, AuditVerification } from './proxy-store.js';

interface AuditRow {
  sequence: number;
  tenant_id: string;
  time: string;
  request_id: string;
  model: string;
  upstream: string;
  stream: number;
  tokens_in: number;
  tokens_out: number;
  cost: number;
  latency_ms: number;
  redactions: string;
  outcome: string;
  status: number;
  prompt: string | null;
  previous_hash: string;
  hash: string;
}

function recordOf(row: AuditRow): AuditRecord {
  return {
    time: row.time,
    requestId: row.request_id,
    tenantId: row.tenant_id,
    model: row.model,
    upstream: row.upstream,
    stream: row.stream === 1,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    cost: row.cost,
    latencyMs: row.latency_ms,
    redactions: JSON.parse(row.redactions) as Record<string, number>,
    outcome: row.outcome,
    status: row.status,
    ...(row.prompt === null ? {} : { prompt: row.prompt }),
    sequence: row.sequence,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** The record of a row, or why it cannot be read (a tampered JSON column). */
function readable(row: AuditRow): AuditRecord | string {
  try {
    return recordOf(row);
  } catch (error) {
    return `the record cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The audit log of the SQLite store (synchronous; the store wraps it). Appends take SQLite's
 * write lock (`BEGIN IMMEDIATE`) before reading the last record, so the chain stays linear even
 * with several processes on one file.
 *
 * @example
 * const audit = sqliteAuditLog(db)
 * const record = audit.append(entry)
 */
export interface SqliteAuditLog {
  append(entry: AuditEntry): AuditRecord;
  records(tenantId: string, limit: number): AuditRecord[];
  verify(): AuditVerification;
}

/**
 * The {@link SqliteAuditLog} over the `audit_records` table of `db`.
 *
 * @example
 * const audit = sqliteAuditLog(db)
 * audit.verify() // { ok: true, records: 0 }
 */
export function sqliteAuditLog(db: Database): SqliteAuditLog {
  const last = db.prepare<[], { sequence: number; hash: string }>(
    'SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1',
  );
  const insert = db.prepare(`
    INSERT INTO audit_records (sequence, tenant_id, time, request_id, model, upstream, stream,
      tokens_in, tokens_out, cost, latency_ms, redactions, outcome, status, prompt, previous_hash, hash)
    VALUES (@sequence, @tenantId, @time, @requestId, @model, @upstream, @stream, @tokensIn,
      @tokensOut, @cost, @latencyMs, @redactions, @outcome, @status, @prompt, @previousHash, @hash)
  `);
  const byTenant = db.prepare<[string, number], AuditRow>(
    'SELECT * FROM audit_records WHERE tenant_id = ? ORDER BY sequence DESC LIMIT ?',
  );
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_records ORDER BY sequence');

  const append = db.transaction((entry: AuditEntry): AuditRecord => {
    const record = chainAuditEntry(entry, last.get() ?? { sequence: 0, hash: genesisHash });
    insert.run({
      ...record,
      stream: record.stream ? 1 : 0,
      redactions: JSON.stringify(record.redactions),
      prompt: record.prompt ?? null,
    });
    return record;
  });

  return {
    append: (entry) => append.immediate(entry),
    records: (tenantId, limit) => byTenant.all(tenantId, limit).map(recordOf),
    verify() {
      let previous = { sequence: 0, hash: genesisHash };
      let records = 0;
      // A read transaction, so that appends by other connections do not show up half-way.
      return db
        .transaction((): AuditVerification => {
          for (const row of all.iterate()) {
            records += 1;
            const expected = previous.sequence + 1;
            const record = readable(row);
            if (typeof record === 'string') {
              return { ok: false, records, sequence: row.sequence, reason: record };
            }
            if (record.sequence !== expected) {
              const reason = `record ${expected} is missing (the next one stored is ${record.sequence})`;
              return { ok: false, records, sequence: expected, reason };
            }
            const reason = auditRecordProblem(record, previous);
            if (reason !== undefined) return { ok: false, records, sequence: expected, reason };
            previous = { sequence: record.sequence, hash: record.hash };
          }
          return { ok: true, records };
        })
        .deferred();
    },
  };
}
