/** Readable names of the usual entity types (CoNLL-2003 labels, as most NER models use). */
const names: Readonly<Record<string, string>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'location',
  MISC: 'miscellaneous',
};

/**
 * How an entity type reads: `PER` → "person", `ORG` → "organization", `LOC` → "location",
 * `MISC` → "miscellaneous"; any other type as it is.
 *
 * @example
 * entityTypeName('LOC') // 'location'
 * entityTypeName('DATE') // 'DATE'
 */
export function entityTypeName(type: string): string {
  return names[type] ?? type;
}
