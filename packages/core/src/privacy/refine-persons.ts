import type { PiiSpan } from './pii-span.js';
import { nameWord, trimName } from './person-names.js';

const before = new RegExp(String.raw`(?<![\p{L}])(${nameWord})[ \t]+(?:and|&|or)[ \t]+$`, 'u');
const after = new RegExp(
  String.raw`^[ \t]+(?:and|&|or)[ \t]+(${nameWord}(?:[ \t]+${nameWord})?)(?![\p{L}\p{M}'’-])`,
  'u',
);
/** A capitalised word after one of these is a thing or a place (`the Austin office`), not a person. */
const determiner = /(?<![\p{L}])(?:the|a|an|this|that|these|those|our|your|their|its)[ \t]+$/u;

/**
 * Names as found, then refined: a name after a determiner goes (`the Austin warehouse`), and
 * a capitalised word joined to a name by `and`, `&` or `or` is a name too (`Tomasz
 * and Amara`, `Daniel Chen and Ingrid Park`).
 *
 * @example
 * refinePersons('Tomasz and Amara', [{ start: 0, end: 6, type: 'PERSON' }]) // adds Amara
 */
export function refinePersons(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const kept = spans.filter(
    (span) => !determiner.test(text.slice(Math.max(0, span.start - 12), span.start)),
  );
  const added: PiiSpan[] = [];
  for (const span of kept) {
    const next = after.exec(text.slice(span.end, span.end + 60));
    if (next) {
      const at = span.end + next[0].length - (next[1] as string).length;
      const name = trimName(next[1] as string, at);
      if (name) added.push({ ...name, type: 'PERSON' });
    }
    const previous = before.exec(text.slice(Math.max(0, span.start - 40), span.start));
    if (previous) {
      const at = span.start - previous[0].length;
      const name = trimName(previous[1] as string, at);
      if (name) added.push({ ...name, type: 'PERSON' });
    }
  }
  return [...kept, ...added];
}
