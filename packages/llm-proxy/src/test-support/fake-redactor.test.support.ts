import type { Redactor } from '../server/redactor.js';

const patterns: [string, RegExp][] = [
  ['EMAIL', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  ['US_SSN', /\b\d{3}-\d{2}-\d{4}\b/g],
];

/** A regex redactor for tests (emails and SSNs), with the core redactor's placeholders and policy. */
export const fakeRedactor: Redactor = async (text, policy) => {
  const counts: Record<string, number> = {};
  const blocked: string[] = [];
  let result = text;
  for (const [type, pattern] of patterns) {
    // As core does: numbered per type in order of appearance, the same value the same placeholder.
    const placeholders = new Map<string, string>();
    result = result.replace(pattern, (match) => {
      counts[type] = (counts[type] ?? 0) + 1;
      const action = policy[type as keyof typeof policy];
      if (action === 'block' && !blocked.includes(type)) blocked.push(type);
      if (action === 'allow') return match;
      const placeholder = placeholders.get(match) ?? `[${type}_${placeholders.size + 1}]`;
      placeholders.set(match, placeholder);
      return placeholder;
    });
  }
  return blocked.length > 0
    ? { blocked: true, types: blocked, counts }
    : { blocked: false, text: result, counts };
};
