import { proxyApiKey } from './proxy-connection.js';

/**
 * The parts of the proxy's `GET /v1/usage` report the page shows: the tenant's use this minute
 * and this UTC day (settled and still reserved).
 *
 * @example
 * const usage: ProxyUsage = { tenantId: 'dev', minute: { requests: 1, tokens: 267 }, day: { date: '2026-12-02', requests: 1, tokensIn: 147, tokensOut: 120, cost: 0 } }
 */
export interface ProxyUsage {
  tenantId: string;
  minute: { requests: number; tokens: number };
  day: { date: string; requests: number; tokensIn: number; tokensOut: number; cost: number };
}

/**
 * The usage report, or why there is none (it never rejects: usage is informative).
 *
 * @example
 * const result = await fetchProxyUsage('http://127.0.0.1:5173/v1')
 * if (result.ok) show(formatUsage(result.usage))
 */
export async function fetchProxyUsage(
  baseUrl: string,
  signal?: AbortSignal,
): Promise<{ ok: true; usage: ProxyUsage } | { ok: false; reason: string }> {
  try {
    const response = await fetch(`${baseUrl}/usage`, {
      headers: { authorization: `Bearer ${proxyApiKey}` },
      signal: signal ?? null,
    });
    const body = (await response.json().catch(() => null)) as Partial<ProxyUsage> | null;
    if (!response.ok || body?.day === undefined || body.minute === undefined)
      return { ok: false, reason: `/v1/usage answered ${response.status}` };
    return { ok: true, usage: body as ProxyUsage };
  } catch (error) {
    return { ok: false, reason: `/v1/usage could not be reached (${(error as Error).message})` };
  }
}

const count = new Intl.NumberFormat('en-GB');
const plural = (value: number, one: string, many: string) =>
  `${count.format(value)} ${value === 1 ? one : many}`;

/**
 * The tenant's usage today in one line.
 *
 * @example
 * formatUsage(usage)
 * // 'Tenant "dev" today (2026-12-02, UTC): 267 tokens (147 prompt, 120 answer) in 1 request.'
 */
export function formatUsage({ tenantId, day }: ProxyUsage): string {
  const tokens = plural(day.tokensIn + day.tokensOut, 'token', 'tokens');
  return `Tenant "${tenantId}" today (${day.date}, UTC): ${tokens} (${count.format(day.tokensIn)} prompt, ${count.format(day.tokensOut)} answer) in ${plural(day.requests, 'request', 'requests')}.`;
}
