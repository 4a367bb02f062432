import { describe, expect, it } from 'vitest';

import { limitWindowsAt, retryAfterSeconds } from './limit-windows.js';

describe('limit windows', () => {
  it('files a time under its minute, UTC day and UTC month', () => {
    const now = Date.UTC(2025, 11, 31, 23, 59, 59, 500);
    expect(limitWindowsAt(now)).toEqual({
      minute: {
        key: `minute:${Math.floor(now / 60_000)}`,
        index: Math.floor(now / 60_000),
        endsAt: Date.UTC(2026, 0, 1),
      },
      day: { key: 'day:2025-12-31', date: '2025-12-31', endsAt: Date.UTC(2026, 0, 1) },
      month: { key: 'month:2025-12', month: '2025-12', endsAt: Date.UTC(2026, 0, 1) },
    });
  });

  it('says how long until each window rolls over, at least a second', () => {
    const now = Date.UTC(2025, 1, 28, 12, 0, 45);
    expect(retryAfterSeconds('requestsPerMinute', now)).toBe(15);
    expect(retryAfterSeconds('tokensPerMinute', now + 14_999)).toBe(1);
    expect(retryAfterSeconds('tokensPerMinute', now + 14_999.9)).toBe(1);
    expect(retryAfterSeconds('dailyCost', now)).toBe(12 * 3600 - 45);
    expect(retryAfterSeconds('monthlyTokens', now)).toBe(12 * 3600 - 45);
    expect(retryAfterSeconds('monthlyCost', Date.UTC(2025, 0, 4))).toBe(28 * 86_400);
  });
});
