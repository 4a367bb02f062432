import type { LimitName } from './proxy-store.js';

const minuteMs = 60_000;

/**
 * The minute, UTC day and UTC month a time falls in, each with the key both stores file its
 * counters under and the time it ends (milliseconds since the epoch).
 *
 * @example
 * limitWindowsAt(Date.UTC(2025, 2, 14, 12, 0, 30)).day // { key: 'day:2025-03-14', date: '2025-03-14', endsAt: … }
 */
export interface LimitWindows {
  /** `index` = floor(now / 60 000). */
  minute: { key: string; index: number; endsAt: number };
  /** `date` as `YYYY-MM-DD` (UTC). */
  day: { key: string; date: string; endsAt: number };
  /** `month` as `YYYY-MM` (UTC). */
  month: { key: string; month: string; endsAt: number };
}

/**
 * The windows the limits of a request made at `now` count in.
 *
 * @example
 * const { minute, day, month } = limitWindowsAt(request.now)
 */
export function limitWindowsAt(now: number): LimitWindows {
  const index = Math.floor(now / minuteMs);
  const time = new Date(now);
  const year = time.getUTCFullYear();
  const monthIndex = time.getUTCMonth();
  const date = time.toISOString().slice(0, 10);
  return {
    minute: { key: `minute:${index}`, index, endsAt: (index + 1) * minuteMs },
    day: {
      key: `day:${date}`,
      date,
      endsAt: Date.UTC(year, monthIndex, time.getUTCDate() + 1),
    },
    month: {
      key: `month:${date.slice(0, 7)}`,
      month: date.slice(0, 7),
      endsAt: Date.UTC(year, monthIndex + 1, 1),
    },
  };
}

/**
 * Whole seconds from `now` until the window of `limit` rolls over (the minute, the UTC day or
 * the UTC month), at least 1: the `Retry-After` of a refusal.
 *
 * @example
 * retryAfterSeconds('requestsPerMinute', Date.UTC(2025, 2, 14, 12, 0, 45)) // 15
 */
export function retryAfterSeconds(limit: LimitName, now: number): number {
  const windows = limitWindowsAt(now);
  const endsAt =
    limit === 'requestsPerMinute' || limit === 'tokensPerMinute'
      ? windows.minute.endsAt
      : limit === 'dailyTokens' || limit === 'dailyCost'
        ? windows.day.endsAt
        : windows.month.endsAt;
  return Math.max(1, Math.ceil((endsAt - now) / 1000));
}
