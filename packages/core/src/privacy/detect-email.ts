import { type PiiSpan, spansOf, textBefore } from './pii-span.js';

// Local part: letters, digits and . _ % + - (not starting or ending with a dot); domain: labels
// of letters, digits and inner dashes, then a top-level domain of 2–24 letters. Addresses with
// non-ASCII letters and quoted local parts are not matched.
const emailPattern =
  /(?<![\w.%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9_-]|\.[A-Za-z0-9])/g;

/**
 * Email addresses. An SCP-style git remote (`git@github.com:org/repo`) is not one.
 *
 * @example
 * detectEmails('write to jane.doe@example.com') // [{ start: 9, end: 29, type: 'EMAIL' }]
 */
export function detectEmails(text: string): PiiSpan[] {
  return spansOf(text, emailPattern, 'EMAIL', (match) => {
    const start = match.index;
    const end = start + match[0].length;
    if (/^:[\w~.-]/.test(text.slice(end, end + 2)) && /^git@/i.test(match[0])) return undefined;
    // A "local part" that is the tail of a longer token (a URL's user:password@host) is not an address.
    if (
      /[:/]$/.test(textBefore(text, start, 1)) &&
      /\/\/[^\s/]*$/.test(textBefore(text, start, 200))
    ) {
      return undefined;
    }
    return { start, end };
  });
}
