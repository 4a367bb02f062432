/** Cost units per currency unit: costs are counted in billionths, as integers. */
const unitsPerCurrency = 1_000_000_000;

/**
 * A cost in integer billionths of the currency, as both stores count it: sums of integers are
 * exact (Redis `HINCRBY`, SQLite `INTEGER`), where adding floats drifts and a budget of 0.3 could
 * refuse 0.1 + 0.2. A billionth is finer than any per-token price (0.15 USD per million tokens
 * is 150 units a token); 2^53 units is about 9 million in the currency.
 *
 * @example
 * toCostUnits(0.0018) // 1_800_000
 */
export function toCostUnits(cost: number): number {
  return Math.round(cost * unitsPerCurrency);
}

/**
 * A cost counted by {@link toCostUnits} back in the currency.
 *
 * @example
 * fromCostUnits(1_800_000) // 0.0018
 */
export function fromCostUnits(units: number): number {
  return units / unitsPerCurrency;
}
