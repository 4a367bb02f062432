import type { FacetGroup } from './facet-groups.js';

/** Props of {@link FacetFilters}. */
export interface FacetFiltersProps {
  groups: readonly FacetGroup[];
  formatFacet(field: string): string;
  formatFacetValue(field: string, value: string): string;
  onToggle(field: string, value: string, checked: boolean): void;
}

/**
 * The facet filters of `<SearchBox>`: a fieldset per facet, its legend the facet's name, a
 * checkbox per value with the number of results it has. Values of one facet are alternatives
 * (any of them); facets combine (all of them).
 *
 * @example
 * <FacetFilters groups={groups} formatFacet={(field) => field}
 *   formatFacetValue={(_, value) => value} onToggle={toggle} />
 */
export function FacetFilters({
  groups,
  formatFacet,
  formatFacetValue,
  onToggle,
}: FacetFiltersProps) {
  if (groups.length === 0) return null;
  return (
    <div data-part="facets">
      {groups.map((group) => (
        <fieldset key={group.field} data-part="facet" data-facet={group.field}>
          <legend data-part="facet-legend">{formatFacet(group.field)}</legend>
          {group.values.map(({ value, count, checked }) => (
            <label key={value} data-part="facet-option">
              <input
                type="checkbox"
                data-part="facet-checkbox"
                checked={checked}
                onChange={(event) => onToggle(group.field, value, event.target.checked)}
              />{' '}
              {formatFacetValue(group.field, value)} <span data-part="facet-count">({count})</span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
