import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ProxyUsage, fetchProxyUsage, formatUsage } from './proxy-usage.js';

const usage = (requests: number, tokensIn: number, tokensOut: number): ProxyUsage => ({
  tenantId: 'dev',
  minute: { requests, tokens: tokensIn + tokensOut },
  day: { date: '2026-12-02', requests, tokensIn, tokensOut, cost: 0 },
});

afterEach(() => vi.unstubAllGlobals());

describe('formatUsage', () => {
  it("states the tenant's tokens and requests today", () => {
    expect(formatUsage(usage(1, 147, 120))).toBe(
      'Tenant "dev" today (2026-12-02, UTC): 267 tokens (147 prompt, 120 answer) in 1 request.',
    );
  });

  it('writes thousands with separators and plurals as they read', () => {
    expect(formatUsage(usage(12, 10_400, 2_650))).toBe(
      'Tenant "dev" today (2026-12-02, UTC): 13,050 tokens (10,400 prompt, 2,650 answer) in 12 requests.',
    );
    expect(formatUsage(usage(0, 1, 0))).toContain(': 1 token (1 prompt, 0 answer) in 0 requests.');
  });
});

describe('fetchProxyUsage', () => {
  it('reads GET /v1/usage with the dev key', async () => {
    const fetch = vi.fn(async () => Response.json(usage(1, 147, 120)));
    vi.stubGlobal('fetch', fetch);
    expect(await fetchProxyUsage('http://127.0.0.1:5173/v1')).toEqual({
      ok: true,
      usage: usage(1, 147, 120),
    });
    expect(fetch).toHaveBeenCalledWith('http://127.0.0.1:5173/v1/usage', {
      headers: { authorization: 'Bearer ondevice-dev' },
      signal: null,
    });
  });

  it('says why when the answer is not a report or nothing answers, and never rejects', async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html>', { status: 200 }));
    expect(await fetchProxyUsage('/v1')).toEqual({ ok: false, reason: '/v1/usage answered 200' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchProxyUsage('/v1')).toEqual({
      ok: false,
      reason: '/v1/usage could not be reached (Failed to fetch)',
    });
  });
});
