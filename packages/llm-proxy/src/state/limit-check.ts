import { toCostUnits } from './cost-units.js';
import type { LimitName, TenantLimits } from './proxy-store.js';

/**
 * A tenant's use in the windows of a request, settled plus reserved (costs in
 * {@link toCostUnits} units).
 *
 * @example
 * const use: WindowUse = { minuteRequests: 3, minuteTokens: 900, dayTokens: 12_000, dayCostUnits: 0, monthTokens: 12_000, monthCostUnits: 0 }
 */
export interface WindowUse {
  minuteRequests: number;
  minuteTokens: number;
  dayTokens: number;
  dayCostUnits: number;
  monthTokens: number;
  monthCostUnits: number;
}

/**
 * The order limits are checked in, and so which one a refusal names when several would refuse:
 * the one whose window rolls over last (month, then day, then minute), because retrying before
 * it rolls over cannot succeed. The Redis script checks in the same order.
 *
 * @example
 * limitCheckOrder[0] // 'monthlyTokens'
 */
export const limitCheckOrder: readonly LimitName[] = [
  'monthlyTokens',
  'monthlyCost',
  'dailyTokens',
  'dailyCost',
  'tokensPerMinute',
  'requestsPerMinute',
];

/**
 * The first limit (in {@link limitCheckOrder}) that admitting one more request of `tokens` and
 * `costUnits` would take past its value, or `undefined` when it fits every limit. A limit is
 * reached, not passed, when use equals it: with `requestsPerMinute: 2` the third request in a
 * minute is refused.
 *
 * @example
 * exceededLimit(use, { tokens: 1_200, costUnits: toCostUnits(0.002) }, { dailyTokens: 10_000 })
 */
export function exceededLimit(
  use: WindowUse,
  request: { tokens: number; costUnits: number },
  limits: TenantLimits,
): LimitName | undefined {
  const after: Record<LimitName, number> = {
    monthlyTokens: use.monthTokens + request.tokens,
    monthlyCost: use.monthCostUnits + request.costUnits,
    dailyTokens: use.dayTokens + request.tokens,
    dailyCost: use.dayCostUnits + request.costUnits,
    tokensPerMinute: use.minuteTokens + request.tokens,
    requestsPerMinute: use.minuteRequests + 1,
  };
  return limitCheckOrder.find((limit) => {
    const value = limits[limit];
    if (value === undefined) return false;
    const maximum = limit === 'monthlyCost' || limit === 'dailyCost' ? toCostUnits(value) : value;
    return after[limit] > maximum;
  });
}
