import { createHash } from 'node:crypto';

import { canonicalJson } from './canonical-json.js';
import type { AuditEntry, AuditRecord } from './proxy-store.js';

/**
 * The `previousHash` of the first audit record: 64 zeros.
 *
 * @example
 * const first = chainAuditEntry(entry, { sequence: 0, hash: genesisHash })
 */
export const genesisHash = '0'.repeat(64);

/** The fields of an {@link AuditEntry}: the only ones hashed and stored. */
const entryFields = [
  'time',
  'requestId',
  'tenantId',
  'model',
  'upstream',
  'stream',
  'tokensIn',
  'tokensOut',
  'cost',
  'latencyMs',
  'redactions',
  'outcome',
  'status',
  'prompt',
] as const satisfies readonly (keyof AuditEntry)[];

/**
 * The entry's own fields only (a caller's object may carry more, which would be hashed but not
 * stored, and the chain would then fail to verify); `prompt` only when present.
 *
 * @example
 * const entry = auditEntryOf(record) // drops sequence, previousHash and hash
 */
export function auditEntryOf(source: AuditEntry): AuditEntry {
  const entry: Record<string, unknown> = {};
  for (const field of entryFields) {
    if (source[field] !== undefined) entry[field] = wellFormed(source[field]);
  }
  return entry as unknown as AuditEntry;
}

/**
 * Strings with lone surrogates made well formed (U+FFFD), in objects too: the stores keep text
 * as UTF-8, which gives a lone surrogate back as U+FFFD, so the entry is hashed as it will be
 * read back, or the record would not match its hash.
 */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key.toWellFormed(), wellFormed(inner)]),
  );
}

/**
 * The hash of an audit record: SHA-256 (hex) of `previousHash` followed by the canonical JSON of
 * the entry with its `sequence`.
 *
 * @example
 * auditHash(genesisHash, entry, 1) // '3f0a…' (64 hex digits)
 */
export function auditHash(previousHash: string, entry: AuditEntry, sequence: number): string {
  return createHash('sha256')
    .update(previousHash + canonicalJson({ ...auditEntryOf(entry), sequence }), 'utf8')
    .digest('hex');
}

/**
 * The record that follows `previous` in the chain (`{ sequence: 0, hash: genesisHash }` for the
 * first).
 *
 * @example
 * const record = chainAuditEntry(entry, { sequence: head.sequence, hash: head.hash })
 */
export function chainAuditEntry(
  entry: AuditEntry,
  previous: { sequence: number; hash: string },
): AuditRecord {
  const sequence = previous.sequence + 1;
  const own = auditEntryOf(entry);
  return {
    ...own,
    sequence,
    previousHash: previous.hash,
    hash: auditHash(previous.hash, own, sequence),
  };
}

/**
 * Why `record` does not follow `previous` in the chain, or `undefined` when it does: wrong
 * sequence, a `previousHash` that is not the previous record's hash, or a `hash` that does not
 * match the record's content (the record was changed after it was written).
 *
 * @example
 * const reason = auditRecordProblem(record, { sequence: 0, hash: genesisHash })
 */
export function auditRecordProblem(
  record: AuditRecord,
  previous: { sequence: number; hash: string },
): string | undefined {
  const expectedSequence = previous.sequence + 1;
  if (record.sequence !== expectedSequence) {
    return `sequence is ${record.sequence}, expected ${expectedSequence}`;
  }
  if (record.previousHash !== previous.hash) {
    return `previousHash ${record.previousHash} is not the hash of record ${previous.sequence} (${previous.hash})`;
  }
  const recomputed = auditHash(record.previousHash, record, record.sequence);
  if (record.hash !== recomputed) {
    return `hash ${record.hash} does not match the record's content (recomputed ${recomputed}): the record was changed after it was written`;
  }
  return undefined;
}
