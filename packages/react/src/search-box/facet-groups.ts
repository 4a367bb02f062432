import type { FacetSelection } from './search-box-store.js';

/**
 * One facet field as checkboxes: its values, how many results each has, and which are checked.
 *
 * @example
 * const group: FacetGroup = { field: 'category', values: [{ value: 'billing', count: 2, checked: true }] }
 */
export interface FacetGroup {
  field: string;
  values: { value: string; count: number; checked: boolean }[];
}

/**
 * The facet groups to show. A facet's values and counts come from the current result, except
 * for a facet with checked values: its counts are those remembered from before it was filtered
 * (same query), so its other values stay there to be checked as well (values of one facet are
 * alternatives). Checked values always show; values by count, then by name.
 *
 * @example
 * facetGroups({ fields: undefined, counts: { category: { billing: 2 } }, remembered: {}, selected: {} })
 * // [{ field: 'category', values: [{ value: 'billing', count: 2, checked: false }] }]
 */
export function facetGroups(options: {
  /** Fields to show, in order; `undefined` for every field the result counts. */
  fields: readonly string[] | undefined;
  counts: Readonly<Record<string, Record<string, number>>>;
  remembered: Readonly<Record<string, Record<string, number>>>;
  selected: FacetSelection;
}): FacetGroup[] {
  const { counts, remembered, selected } = options;
  const fields = options.fields ?? [...new Set([...Object.keys(counts), ...Object.keys(selected)])];
  return fields
    .map((field) => {
      const checked = selected[field] ?? [];
      const source = (checked.length > 0 ? remembered[field] : undefined) ?? counts[field] ?? {};
      const values = [...new Set([...Object.keys(source), ...checked])]
        .map((value) => ({ value, count: source[value] ?? 0, checked: checked.includes(value) }))
        .sort((left, right) => right.count - left.count || left.value.localeCompare(right.value));
      return { field, values };
    })
    .filter((group) => group.values.length > 0);
}

/**
 * The search filters of a selection: every facet with checked values, any of them.
 *
 * @example
 * filtersOf({ category: ['billing'], plan: [] }) // { category: ['billing'] }
 */
export function filtersOf(selected: FacetSelection): Record<string, readonly string[]> | undefined {
  const entries = Object.entries(selected).filter(([, values]) => values.length > 0);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
