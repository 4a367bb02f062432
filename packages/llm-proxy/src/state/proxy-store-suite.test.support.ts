// Test helper (named *.test.* so the package never ships it): the behaviour every ProxyStore
// must have, run against each store by its own test file.
import { createHash } from 'node:crypto';

import { InvalidInputError } from '@ondevice/errors';
import { afterEach, describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import type {
  AdmitDecision,
  AuditEntry,
  ProxyStore,
  Reservation,
  TenantLimits,
} from './proxy-store.js';

/**
 * A fresh, empty store for one test, and a way to change an audit record behind the store's
 * back (as someone with access to the database would).
 *
 * @example
 * const opened: OpenedStore = { store, tamperAuditRecord: (sequence) => … }
 */
export interface OpenedStore {
  store: ProxyStore;
  /** Sets the stored record's `tokensOut` to 999 directly in the database. */
  tamperAuditRecord(sequence: number): Promise<void>;
}

/**
 * The clock of the shared tests: 2025-03-14 12:00:30 UTC, 30 s into a minute.
 *
 * @example
 * await store.admit({ tenantId: 'acme', tokens: 10, cost: 0, limits, now: fixedNow })
 */
export const fixedNow = Date.UTC(2025, 2, 14, 12, 0, 30);
const endOfDay = Date.UTC(2025, 2, 15);
const endOfMonth = Date.UTC(2025, 3, 1);
const seconds = (until: number, now = fixedNow) => Math.ceil((until - now) / 1000);

/**
 * An audit entry for tests.
 *
 * @example
 * await store.appendAudit(auditEntry({ tenantId: 'acme' }))
 */
export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: '2025-03-14T12:00:30.000Z',
    requestId: 'request-1',
    tenantId: 'acme',
    model: 'gpt-4o-mini',
    upstream: 'openai',
    stream: false,
    tokensIn: 812,
    tokensOut: 240,
    cost: 0.0011,
    latencyMs: 431.5,
    redactions: { EMAIL: 1, PERSON: 2 },
    outcome: 'ok',
    status: 200,
    ...overrides,
  };
}

function reservationOf(decision: AdmitDecision): Reservation {
  if (decision.admitted) return decision.reservation;
  return expect.fail(`refused by ${decision.limit}`);
}

/**
 * Registers the shared ProxyStore tests, opening a new store with `open` for each.
 *
 * @example
 * describeProxyStore('sqlite file', async () => ({ store: await openSqliteStore({ path }), tamperAuditRecord }))
 */
export function describeProxyStore(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name}: the ProxyStore contract`, () => {
    const opened: ProxyStore[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });
    async function fresh(): Promise<OpenedStore> {
      const result = await open();
      opened.push(result.store);
      return result;
    }
    async function admit(
      store: ProxyStore,
      limits: TenantLimits,
      request: { tokens?: number; cost?: number; now?: number; tenantId?: string } = {},
    ) {
      return store.admit({
        tenantId: request.tenantId ?? 'acme',
        tokens: request.tokens ?? 0,
        cost: request.cost ?? 0,
        limits,
        now: request.now ?? fixedNow,
      });
    }
    /** Admits a request and settles it with what it reserved (settled use outlives the reservation TTL). */
    async function spend(
      store: ProxyStore,
      limits: TenantLimits,
      request: { tokens?: number; cost?: number; now?: number },
    ) {
      const reservation = reservationOf(await admit(store, limits, request));
      const tokens = request.tokens ?? 0;
      await store.settle(reservation, {
        tokensIn: Math.ceil(tokens / 2),
        tokensOut: Math.floor(tokens / 2),
        cost: request.cost ?? 0,
      });
    }

    it('refuses the request past requestsPerMinute until the minute rolls over', async () => {
      const { store } = await fresh();
      const limits = { requestsPerMinute: 3 };
      for (let index = 0; index < 3; index += 1) {
        expect((await admit(store, limits)).admitted).toBe(true);
      }
      expect(await admit(store, limits)).toEqual({
        admitted: false,
        limit: 'requestsPerMinute',
        retryAfterSeconds: 30,
      });
      expect(await admit(store, limits, { now: fixedNow + 29_999 })).toMatchObject({
        admitted: false,
        retryAfterSeconds: 1,
      });
      expect((await admit(store, limits, { now: fixedNow + 30_000 })).admitted).toBe(true);
    });

    it('counts reserved tokens against tokensPerMinute, up to the limit exactly', async () => {
      const { store } = await fresh();
      const limits = { tokensPerMinute: 1_000 };
      expect((await admit(store, limits, { tokens: 400 })).admitted).toBe(true);
      expect((await admit(store, limits, { tokens: 400 })).admitted).toBe(true);
      expect(await admit(store, limits, { tokens: 201 })).toEqual({
        admitted: false,
        limit: 'tokensPerMinute',
        retryAfterSeconds: 30,
      });
      expect((await admit(store, limits, { tokens: 200 })).admitted).toBe(true);
      expect(await admit(store, limits, { tokens: 1 })).toMatchObject({ admitted: false });
      expect((await admit(store, limits, { tokens: 1_000, now: fixedNow + 30_000 })).admitted).toBe(
        true,
      );
    });

    it('counts settled use against dailyTokens until the UTC day rolls over', async () => {
      const { store } = await fresh();
      const limits = { dailyTokens: 1_000 };
      const first = reservationOf(await admit(store, limits, { tokens: 900 }));
      await store.settle(first, { tokensIn: 300, tokensOut: 200, cost: 0 });
      expect((await admit(store, limits, { tokens: 500, now: fixedNow + 120_000 })).admitted).toBe(
        true,
      );
      const later = fixedNow + 5 * 60_000;
      expect(await admit(store, limits, { tokens: 1, now: later })).toEqual({
        admitted: false,
        limit: 'dailyTokens',
        retryAfterSeconds: seconds(endOfDay, later),
      });
      expect((await admit(store, limits, { tokens: 1_000, now: endOfDay })).admitted).toBe(true);
    });

    it('refuses past monthlyTokens until the UTC month rolls over', async () => {
      const { store } = await fresh();
      const limits = { monthlyTokens: 5_000 };
      await spend(store, limits, { tokens: 5_000 });
      const nextDay = fixedNow + 86_400_000;
      expect(await admit(store, limits, { tokens: 1, now: nextDay })).toEqual({
        admitted: false,
        limit: 'monthlyTokens',
        retryAfterSeconds: seconds(endOfMonth, nextDay),
      });
      expect((await admit(store, limits, { tokens: 5_000, now: endOfMonth })).admitted).toBe(true);
    });

    it('keeps cost budgets exact (0.1 + 0.2 fits a budget of 0.3)', async () => {
      const { store } = await fresh();
      const limits = { dailyCost: 0.3, monthlyCost: 0.5 };
      await spend(store, limits, { cost: 0.1 });
      await spend(store, limits, { cost: 0.2 });
      expect(await admit(store, limits, { cost: 0.000001 })).toEqual({
        admitted: false,
        limit: 'dailyCost',
        retryAfterSeconds: seconds(endOfDay),
      });
      const tomorrow = endOfDay + 1_000;
      await spend(store, limits, { cost: 0.2, now: tomorrow });
      expect(await admit(store, limits, { cost: 0.01, now: tomorrow })).toEqual({
        admitted: false,
        limit: 'monthlyCost',
        retryAfterSeconds: seconds(endOfMonth, tomorrow),
      });
    });

    it('names the limit that rolls over last when several refuse', async () => {
      const { store } = await fresh();
      const limits = { requestsPerMinute: 1, dailyTokens: 100, monthlyCost: 1 };
      expect((await admit(store, limits, { tokens: 100, cost: 1 })).admitted).toBe(true);
      expect(await admit(store, limits, { tokens: 1, cost: 0.1 })).toMatchObject({
        admitted: false,
        limit: 'monthlyCost',
      });
      expect(await admit(store, limits, { tokens: 1 })).toMatchObject({ limit: 'dailyTokens' });
      expect(await admit(store, limits)).toMatchObject({ limit: 'requestsPerMinute' });
    });

    it('admits anything when no limit is set', async () => {
      const { store } = await fresh();
      expect((await admit(store, {}, { tokens: 10_000_000, cost: 1_000 })).admitted).toBe(true);
    });

    it('settle replaces the reservation by the real use, once; unknown reservations are ignored', async () => {
      const { store } = await fresh();
      const reservation = reservationOf(await admit(store, {}, { tokens: 1_000, cost: 0.01 }));
      expect(reservation).toMatchObject({
        tenantId: 'acme',
        tokens: 1_000,
        cost: 0.01,
        at: fixedNow,
      });
      let report = await store.usage('acme', {}, fixedNow);
      expect(report.reserved).toEqual({ tokens: 1_000, cost: 0.01 });
      expect(report.minute).toEqual({ requests: 1, tokens: 1_000 });

      const used = { tokensIn: 300, tokensOut: 100, cost: 0.004 };
      await store.settle(reservation, used);
      await store.settle(reservation, used);
      await store.settle({ ...reservation, id: 'no-such-reservation' }, used);
      report = await store.usage('acme', { dailyTokens: 5 }, fixedNow);
      expect(report).toEqual({
        tenantId: 'acme',
        minute: { requests: 1, tokens: 400 },
        day: { date: '2025-03-14', requests: 1, tokensIn: 300, tokensOut: 100, cost: 0.004 },
        month: { month: '2025-03', requests: 1, tokensIn: 300, tokensOut: 100, cost: 0.004 },
        reserved: { tokens: 0, cost: 0 },
        limits: { dailyTokens: 5 },
      });
    });

    it('settles into the windows the request was admitted in', async () => {
      const { store } = await fresh();
      const reservation = reservationOf(await admit(store, {}, { tokens: 10, now: endOfDay - 1 }));
      await store.settle(reservation, { tokensIn: 5, tokensOut: 5, cost: 0 });
      expect((await store.usage('acme', {}, endOfDay - 1)).day.tokensIn).toBe(5);
      expect((await store.usage('acme', {}, endOfDay)).day).toMatchObject({
        date: '2025-03-15',
        tokensIn: 0,
      });
    });

    it('never admits past a budget under 200 concurrent admits', async () => {
      const { store } = await fresh();
      const limits = { dailyTokens: 10_000, requestsPerMinute: 150 };
      const decisions = await Promise.all(
        Array.from({ length: 200 }, () => admit(store, limits, { tokens: 70 })),
      );
      const admitted = decisions.filter((decision) => decision.admitted);
      expect(admitted).toHaveLength(Math.floor(10_000 / 70));
      expect((await store.usage('acme', limits, fixedNow)).reserved.tokens).toBe(
        admitted.length * 70,
      );
    });

    it('keeps tenants apart: usage and audit of one never show the other', async () => {
      const { store } = await fresh();
      const limits = { dailyTokens: 100 };
      const reservation = reservationOf(await admit(store, limits, { tokens: 100 }));
      await store.settle(reservation, { tokensIn: 60, tokensOut: 40, cost: 0.5 });
      expect((await admit(store, limits, { tokens: 100, tenantId: 'globex' })).admitted).toBe(true);
      expect(await admit(store, limits, { tokens: 1 })).toMatchObject({ admitted: false });
      const globex = await store.usage('globex', limits, fixedNow);
      expect(globex.day).toMatchObject({ requests: 1, tokensIn: 0, tokensOut: 0, cost: 0 });
      expect(globex.reserved.tokens).toBe(100);
      // A tenant id with the key separator in it is still a tenant of its own.
      expect((await store.usage('acme:day', limits, fixedNow)).day.requests).toBe(0);

      await store.appendAudit(auditEntry({ tenantId: 'acme', requestId: 'a1' }));
      await store.appendAudit(auditEntry({ tenantId: 'globex', requestId: 'g1' }));
      await store.appendAudit(auditEntry({ tenantId: 'acme', requestId: 'a2' }));
      const acme = await store.auditRecords('acme');
      expect(acme.map((record) => record.requestId)).toEqual(['a2', 'a1']);
      expect((await store.auditRecords('globex')).map((record) => record.requestId)).toEqual([
        'g1',
      ]);
      expect(await store.auditRecords('initech')).toEqual([]);
    });

    it('releases reservations older than the TTL, and still counts a late settle', async () => {
      const { store } = await fresh();
      const limits = { dailyTokens: 1_000 };
      const stale = reservationOf(await admit(store, limits, { tokens: 1_000 }));
      const tenMinutes = 10 * 60_000;
      expect(await admit(store, limits, { tokens: 1, now: fixedNow + tenMinutes })).toMatchObject({
        admitted: false,
        limit: 'dailyTokens',
      });
      const later = fixedNow + tenMinutes + 1;
      expect((await admit(store, limits, { tokens: 400, now: later })).admitted).toBe(true);
      expect((await store.usage('acme', limits, later)).reserved.tokens).toBe(400);

      await store.settle(stale, { tokensIn: 300, tokensOut: 200, cost: 0 });
      await store.settle(stale, { tokensIn: 300, tokensOut: 200, cost: 0 });
      const report = await store.usage('acme', limits, later);
      expect(report.day).toMatchObject({ tokensIn: 300, tokensOut: 200 });
      expect(report.reserved.tokens).toBe(400);
      expect(await admit(store, limits, { tokens: 101, now: later })).toMatchObject({
        admitted: false,
      });
      expect((await admit(store, limits, { tokens: 100, now: later })).admitted).toBe(true);
    });

    it('chains audit records by hash, newest first per tenant, and verifies the chain', async () => {
      const { store } = await fresh();
      expect(await store.verifyAudit()).toEqual({ ok: true, records: 0 });
      const records = [];
      for (let index = 1; index <= 5; index += 1) {
        records.push(
          await store.appendAudit(
            auditEntry({
              requestId: `request-${index}`,
              stream: index % 2 === 0,
              ...(index === 2 ? { prompt: 'Hello [PERSON]' } : {}),
            }),
          ),
        );
      }
      let previousHash = '0'.repeat(64);
      for (const [index, record] of records.entries()) {
        const { hash, previousHash: _previous, ...content } = record;
        expect(record.sequence).toBe(index + 1);
        expect(record.previousHash).toBe(previousHash);
        const expected = createHash('sha256')
          .update(previousHash + canonicalJson(content))
          .digest('hex');
        expect(hash).toBe(expected);
        previousHash = hash;
      }
      expect(await store.verifyAudit()).toEqual({ ok: true, records: 5 });
      const newest = await store.auditRecords('acme', { limit: 2 });
      expect(newest).toEqual([records[4], records[3]]);
      expect((await store.auditRecords('acme'))[3]).toEqual(records[1]);
    });

    it('names the first record changed behind its back', async () => {
      const { store, tamperAuditRecord } = await fresh();
      for (let index = 1; index <= 4; index += 1) {
        await store.appendAudit(auditEntry({ requestId: `request-${index}` }));
      }
      await tamperAuditRecord(3);
      const result = await store.verifyAudit();
      expect(result).toMatchObject({ ok: false, sequence: 3 });
      expect(result.ok === false && result.reason).toMatch(/hash .* does not match/);
    });

    it('keeps the chain linear under concurrent appends', async () => {
      const { store } = await fresh();
      const records = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          store.appendAudit(auditEntry({ requestId: `request-${index}` })),
        ),
      );
      expect(records.map((record) => record.sequence).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, index) => index + 1),
      );
      expect(await store.verifyAudit()).toEqual({ ok: true, records: 40 });
    });

    it('refuses malformed amounts with a typed error', async () => {
      const { store } = await fresh();
      const error = await admit(store, {}, { tokens: -1 }).catch((caught: unknown) => caught);
      expect(InvalidInputError.isInstance(error) && error.parameter).toBe('tokens');
      await expect(admit(store, {}, { tokens: 1.5 })).rejects.toThrow(/whole number/);
      await expect(admit(store, { dailyCost: Number.NaN })).rejects.toThrow(/limits.dailyCost/);
    });
  });
}
