// Test helper (named *.test.* so the package never ships it).
import type { Redactor } from '../server/redactor.js';

// Bounded quantifiers keep every match attempt short, so a 64 KB prompt is redacted in linear
// time: the fuzz test measures the proxy, not a test redactor's backtracking.
const patterns: [string, RegExp][] = [
  ['EMAIL', /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g],
  ['US_SSN', /\b\d{3}-\d{2}-\d{4}\b/g],
];

/**
 * A regex redactor for load and fuzz tests: emails and US SSNs, with the core redactor's
 * placeholders (`[EMAIL_1]`) and policy (`mask`, `block`, `allow`), linear in the text's length.
 *
 * @example
 * const proxy = await startTestProxy(config, { redactor: boundedRedactor })
 */
export const boundedRedactor: Redactor = async (text, policy) => {
  const counts: Record<string, number> = {};
  const blocked: string[] = [];
  let result = text;
  for (const [type, pattern] of patterns) {
    let index = 0;
    result = result.replace(pattern, (match) => {
      counts[type] = (counts[type] ?? 0) + 1;
      const action = policy[type as keyof typeof policy];
      if (action === 'block' && !blocked.includes(type)) blocked.push(type);
      if (action === 'allow') return match;
      index += 1;
      return `[${type}_${index}]`;
    });
  }
  return blocked.length > 0
    ? { blocked: true, types: blocked, counts }
    : { blocked: false, text: result, counts };
};
