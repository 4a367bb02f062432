/**
 * How long a reservation holds budget without being settled, unless a store is told otherwise:
 * 10 minutes, longer than any upstream call the proxy waits for. Reservations older than this
 * were left by a process that crashed (or a request that hung) and are released.
 *
 * @example
 * openSqliteStore({ path, reservationTtlMs: defaultReservationTtlMs })
 */
export const defaultReservationTtlMs = 10 * 60_000;

/**
 * How long a store remembers a reservation it released by expiry, so that a settle arriving
 * after the TTL still counts the real use (once): a day.
 *
 * @example
 * if (now - reservation.at > expiredReservationRetentionMs) return // forgotten: settle is a no-op
 */
export const expiredReservationRetentionMs = 24 * 60 * 60_000;

/**
 * How many audit records `auditRecords` returns when no `limit` is given.
 *
 * @example
 * await store.auditRecords('acme') // the newest 100
 */
export const defaultAuditRecordsLimit = 100;
