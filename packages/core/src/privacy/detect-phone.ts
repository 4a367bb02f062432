import { type PiiSpan, spansOf, textBefore } from './pii-span.js';

// A run of digits and single separators (space, dot, dash, no-break space), optionally starting
// with + or 00, where a group may be in parentheses: `+1 (415) 555-0132`, `+44 (0)20 7946 0958`.
const candidatePattern =
  /(?<![\w+#/.,-])\+?(?:\(\d{1,4}\)|\d)(?:[ .\u00a0-]?(?:\(\d{1,4}\)|\d)){6,20}(?![\w-]|[.,]\d)/g;

const northAmerican = /^(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[ .-]?[2-9]\d{2}[ .-]\d{4}$/;
const phoneContext =
  /\b(?:phone|tel|telephone|mobile|cell|call|ring|whats ?app|sms|text(?: me)?|fax|landline|direct line|contact)\b[^\n\d]{0,20}$/i;

/**
 * Phone numbers, from their shape:
 * - international: `+` (or `00`) and 8–15 digits: `+44 20 7946 0958`, `+1 (415) 555-0132`;
 * - North American: `(415) 555-0132`, `415-555-0132`, `415.555.0132`, `1-800-555-0199`;
 * - national with a trunk 0, in groups: `020 7946 0958`, `06 12 34 56 78`, `030 1234567`
 *   (9–11 digits);
 * - any 7–15 digits without separators only after a word such as phone, call, mobile or tel.
 *
 * Dates, times, amounts, IPv4 addresses, card numbers and order numbers do not have these
 * shapes; a number right after `#`, `/` or a dash (`ORD-99812`) is never a phone.
 *
 * @example
 * detectPhones('call me on 020 7946 0958') // [{ start: 11, end: 24, type: 'PHONE' }]
 */
export function detectPhones(text: string): PiiSpan[] {
  return spansOf(text, candidatePattern, 'PHONE', (match) => {
    const candidate = match[0];
    const start = match.index;
    return isPhoneShape(candidate, textBefore(text, start, 40))
      ? { start, end: start + candidate.length }
      : undefined;
  });
}

/** A number labelled as something else (`customer number 0012 3456 78`) is not a phone. */
const otherNumber =
  /\b(?:customer|account|order|invoice|reference|ref|tracking|case|ticket|member|membership|policy|serial|batch|item|sku|booking|confirmation|transaction|contract)\b(?:[ \t]*(?:number|no\.?|#|id|nr\.?))?[ \t:#.]*$/i;

function isPhoneShape(candidate: string, before: string): boolean {
  if (otherNumber.test(before)) return false;
  const digits = candidate.replace(/\D/g, '');
  const separated = /[ .\u00a0()-]/.test(candidate);
  if ((candidate.match(/\(/g) ?? []).length > 1) return false;
  // The shape of a US social security number, valid or not, is not a phone's.
  if (/^\d{3}-\d{2}-\d{4}$/.test(candidate)) return false;
  if (candidate.startsWith('+') || candidate.startsWith('00')) {
    // After 00 (the international prefix dialled in Europe), at least 10 digits.
    const international = candidate.startsWith('+') ? digits : digits.slice(2);
    const shortest = candidate.startsWith('+') ? 8 : 10;
    return (
      international.length >= shortest && international.length <= 15 && international[0] !== '0'
    );
  }
  if (northAmerican.test(candidate)) return true;
  if (!separated) return digits.length >= 7 && digits.length <= 15 && phoneContext.test(before);
  if (digits[0] === '0' && digits[1] !== '0' && digits.length >= 9 && digits.length <= 11) {
    // Groups of 2 to 8 digits, one kind of separator (dates like 05.03.2024 are too short).
    const groups = candidate.split(/[ .\u00a0-]/);
    return (
      groups.every((group) => /^(?:\(0\))?\d{2,8}$/.test(group)) && !/\..*-|-.*\./.test(candidate)
    );
  }
  return (
    phoneContext.test(before) && digits.length >= 7 && digits.length <= 15 && !/\./.test(candidate)
  );
}
