import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { auditEntry, describeProxyStore, fixedNow } from './proxy-store-suite.test.support.js';
import { openSqliteStore } from './sqlite-store.js';

const directory = mkdtempSync(path.join(tmpdir(), 'llm-proxy-sqlite-'));
let files = 0;
const nextFile = () => path.join(directory, `store-${(files += 1)}.db`);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeProxyStore('sqlite file', async () => {
  const file = nextFile();
  return {
    store: await openSqliteStore({ path: file }),
    async tamperAuditRecord(sequence) {
      const db = new Database(file);
      db.exec('DROP TRIGGER audit_records_no_update');
      db.prepare('UPDATE audit_records SET tokens_out = 999 WHERE sequence = ?').run(sequence);
      db.close();
    },
  };
});

describe('the SQLite store', () => {
  it('works in memory', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const decision = await store.admit({
      tenantId: 'acme',
      tokens: 10,
      cost: 0,
      limits: { dailyTokens: 10 },
      now: fixedNow,
    });
    expect(decision.admitted).toBe(true);
    await store.close();
  });

  it('uses WAL and keeps its state across reopening', async () => {
    const file = nextFile();
    const first = await openSqliteStore({ path: file });
    await first.admit({ tenantId: 'acme', tokens: 10, cost: 0, limits: {}, now: fixedNow });
    await first.appendAudit(auditEntry());
    await first.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const second = await openSqliteStore({ path: file });
    expect((await second.usage('acme', {}, fixedNow)).reserved.tokens).toBe(10);
    expect((await second.appendAudit(auditEntry())).sequence).toBe(2);
    expect(await second.verifyAudit()).toEqual({ ok: true, records: 2 });
    await second.close();
  });

  it('shares one budget between two stores on one file', async () => {
    const file = nextFile();
    const stores = [await openSqliteStore({ path: file }), await openSqliteStore({ path: file })];
    const decisions = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        stores[index % 2]!.admit({
          tenantId: 'acme',
          tokens: 10,
          cost: 0,
          limits: { dailyTokens: 100 },
          now: fixedNow,
        }),
      ),
    );
    expect(decisions.filter((decision) => decision.admitted)).toHaveLength(10);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('refuses UPDATE and DELETE of audit records in the database itself', async () => {
    const file = nextFile();
    const store = await openSqliteStore({ path: file });
    await store.appendAudit(auditEntry());
    const db = new Database(file);
    expect(() => db.exec('UPDATE audit_records SET tokens_out = 0')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_records')).toThrow(/append-only/);
    db.close();
    await store.close();
  });

  it('names a record missing from the chain', async () => {
    const file = nextFile();
    const store = await openSqliteStore({ path: file });
    for (let index = 0; index < 3; index += 1) await store.appendAudit(auditEntry());
    const db = new Database(file);
    db.exec('DROP TRIGGER audit_records_no_delete; DELETE FROM audit_records WHERE sequence = 2');
    db.close();
    expect(await store.verifyAudit()).toEqual({
      ok: false,
      records: 2,
      sequence: 2,
      reason: 'record 2 is missing (the next one stored is 3)',
    });
    await store.close();
  });
});
