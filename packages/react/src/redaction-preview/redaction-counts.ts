import { piiTypes } from '@ondevice/core';
import type { RedactionPreviewEntity } from './redaction-preview.js';

/** How many entities of a type were masked, and how many were left as they are. */
export interface RedactionCount {
  type: string;
  masked: number;
  unmasked: number;
}

/**
 * Counts the entities per type, masked (with a `placeholder`) and unmasked apart: `redactPII()`'s
 * own `counts` add both up, which would overstate what was masked under a policy that allows
 * some types. Types come in `redactPII()`'s report order, then others in order of appearance.
 *
 * @example
 * redactionCounts([{ type: 'EMAIL', start: 0, end: 9, placeholder: '[EMAIL_1]' }])
 * // [{ type: 'EMAIL', masked: 1, unmasked: 0 }]
 */
export function redactionCounts(entities: readonly RedactionPreviewEntity[]): RedactionCount[] {
  const counts = new Map<string, RedactionCount>();
  for (const entity of entities) {
    const count = counts.get(entity.type) ?? { type: entity.type, masked: 0, unmasked: 0 };
    if (entity.placeholder) count.masked += 1;
    else count.unmasked += 1;
    counts.set(entity.type, count);
  }
  const rank = (type: string) => {
    const index = (piiTypes as readonly string[]).indexOf(type);
    return index < 0 ? piiTypes.length : index;
  };
  return [...counts.values()].sort((left, right) => rank(left.type) - rank(right.type));
}
