import { ibanLengths, passesIbanChecksum } from './checksums.js';
import type { PiiSpan } from './pii-span.js';

// A country code, two check digits, then letters and digits with single spaces between groups.
const candidatePattern = /(?<![A-Za-z0-9])([A-Z]{2})(\d{2})(?=[ ]?[A-Z0-9])/g;

/**
 * IBANs, written compact (`GB82WEST12345698765432`) or in groups (`GB82 WEST 1234 5698 7654 32`):
 * the country's registered length, read across single spaces, must end the number (no letter
 * or digit right after it) and pass the mod-97 check. Upper case only.
 *
 * @example
 * detectIbans('pay to DE89 3704 0044 0532 0130 00') // [{ start: 7, end: 34, type: 'IBAN' }]
 */
export function detectIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  candidatePattern.lastIndex = 0;
  for (let match = candidatePattern.exec(text); match; match = candidatePattern.exec(text)) {
    const start = match.index;
    const length = ibanLengths[match[1] as string];
    if (length === undefined) continue;
    let compact = match[0];
    let at = start + compact.length;
    while (compact.length < length && at < text.length) {
      const char = text[at] as string;
      if (/[A-Z0-9]/.test(char)) {
        compact += char;
        at += 1;
      } else if (char === ' ' && /[A-Z0-9]/.test(text[at + 1] ?? '') && text[at - 1] !== ' ') {
        at += 1;
      } else {
        break;
      }
    }
    if (compact.length !== length || /[A-Za-z0-9]/.test(text[at] ?? '')) continue;
    if (!passesIbanChecksum(compact)) continue;
    spans.push({ start, end: at, type: 'IBAN' });
    candidatePattern.lastIndex = at;
  }
  return spans;
}
