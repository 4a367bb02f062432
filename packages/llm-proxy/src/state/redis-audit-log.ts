import type { Redis } from 'ioredis';

import { auditEntryOf, auditRecordProblem, chainAuditEntry, genesisHash } from './audit-hash.js';
import type { AuditEntry, AuditRecord, AuditVerification } from './proxy-store.js';
import type { RedisKeys } from './redis-keys.js';
import type { RedisWithScripts } from './redis-scripts.js';
import { StoreUnavailableError } from './store-unavailable-error.js';

/**
 * Runs one Redis operation of the store, turning "Redis unreachable" into a
 * {@link StoreUnavailableError}.
 *
 * @example
 * const head = await call('verifyAudit', () => redis.hmget(keys.auditHead, 'sequence', 'hash'))
 */
export type RedisCall = <T>(operation: string, run: () => Promise<T>) => Promise<T>;

/**
 * The audit log of the Redis store. Each record is a hash of JSON values; the chain's head
 * (sequence and hash of the last record) is a hash of its own. An append computes the next hash
 * in Node and writes it with a script that takes it only if the head is still the one it was
 * computed from; another process that appended first makes it read the head and try again. In
 * one process appends are queued, so they never conflict with each other.
 *
 * @example
 * const audit = redisAuditLog(redis, keys, call)
 * await audit.append(entry)
 */
export interface RedisAuditLog {
  append(entry: AuditEntry): Promise<AuditRecord>;
  records(tenantId: string, limit: number): Promise<AuditRecord[]>;
  verify(): Promise<AuditVerification>;
}

/** Conflicts with other processes tolerated for one append before giving up. */
const maximumAttempts = 100;
/** Records read per round trip while verifying. */
const verifyBatch = 500;

/**
 * The {@link RedisAuditLog} over `redis` and `keys`.
 *
 * @example
 * const audit = redisAuditLog(withProxyScripts(redis), redisKeys('llm-proxy:'), call)
 */
export function redisAuditLog(
  redis: Redis & RedisWithScripts,
  keys: RedisKeys,
  call: RedisCall,
): RedisAuditLog {
  let queue: Promise<unknown> = Promise.resolve();

  async function head(operation: string): Promise<{ sequence: number; hash: string }> {
    const [sequence, hash] = await call(operation, () =>
      redis.hmget(keys.auditHead, 'sequence', 'hash'),
    );
    return sequence == null || hash == null
      ? { sequence: 0, hash: genesisHash }
      : { sequence: Number(sequence), hash };
  }

  async function appendNow(entry: AuditEntry): Promise<AuditRecord> {
    for (let attempt = 1; attempt <= maximumAttempts; attempt += 1) {
      const previous = await head('appendAudit');
      const record = chainAuditEntry(entry, previous);
      const written = await call('appendAudit', () =>
        redis.proxyAppendAudit(
          keys.auditHead,
          keys.auditRecord(record.sequence),
          keys.auditTenant(record.tenantId),
          String(previous.sequence),
          previous.hash,
          String(record.sequence),
          record.hash,
          ...encodeRecord(record),
        ),
      );
      if (written === 1) return record;
      // Another process appended first: back off a little, at random, and chain again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
    }
    throw new StoreUnavailableError({
      message: `The Redis store could not append to the audit log: other writers appended first ${maximumAttempts} times in a row.`,
      store: 'redis',
      operation: 'appendAudit',
    });
  }

  async function read(sequences: number[], operation: string) {
    if (sequences.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const sequence of sequences) pipeline.hgetall(keys.auditRecord(sequence));
    return call(operation, async () => {
      const replies = (await pipeline.exec()) ?? [];
      return replies.map(([error, fields]) => {
        if (error) throw error;
        return fields as Record<string, string>;
      });
    });
  }

  return {
    append(entry) {
      const appended = queue.then(() => appendNow(entry));
      queue = appended.catch(() => undefined);
      return appended;
    },
    async records(tenantId, limit) {
      if (limit <= 0) return [];
      const sequences = await call('auditRecords', () =>
        redis.zrevrange(keys.auditTenant(tenantId), 0, limit - 1),
      );
      const hashes = await read(sequences.map(Number), 'auditRecords');
      return hashes.flatMap((fields) => {
        const record = decodeRecord(fields);
        return typeof record === 'string' ? [] : [record];
      });
    },
    async verify() {
      const last = await head('verifyAudit');
      let previous = { sequence: 0, hash: genesisHash };
      for (let start = 1; start <= last.sequence; start += verifyBatch) {
        const count = Math.min(verifyBatch, last.sequence - start + 1);
        const sequences = Array.from({ length: count }, (_, index) => start + index);
        const hashes = await read(sequences, 'verifyAudit');
        for (const [index, fields] of hashes.entries()) {
          const sequence = start + index;
          const record = decodeRecord(fields);
          const reason = typeof record === 'string' ? record : auditRecordProblem(record, previous);
          if (reason !== undefined) return { ok: false, records: sequence, sequence, reason };
          previous = { sequence, hash: (record as AuditRecord).hash };
        }
      }
      if (previous.hash !== last.hash) {
        return {
          ok: false,
          records: last.sequence,
          sequence: last.sequence,
          reason: `the chain's head says the last hash is ${last.hash}, record ${last.sequence} has ${previous.hash}`,
        };
      }
      return { ok: true, records: last.sequence };
    },
  };
}

/** A record as field, value pairs for HSET: every value as JSON, so types come back intact. */
function encodeRecord(record: AuditRecord): string[] {
  return Object.entries(record).flatMap(([field, value]) =>
    value === undefined ? [] : [field, JSON.stringify(value)],
  );
}

/** The record in a hash read back, or why it cannot be read. */
function decodeRecord(fields: Record<string, string>): AuditRecord | string {
  if (Object.keys(fields).length === 0) return 'the record is missing';
  try {
    const values = Object.fromEntries(
      Object.entries(fields).map(([field, value]) => [field, JSON.parse(value) as unknown]),
    );
    const { sequence, previousHash, hash } = values;
    return {
      ...auditEntryOf(values as unknown as AuditEntry),
      sequence: sequence as number,
      previousHash: previousHash as string,
      hash: hash as string,
    };
  } catch (error) {
    return `the record cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}
