import { passesLuhn } from './checksums.js';
import { type PiiSpan, spansOf, textBefore } from './pii-span.js';

// 13–19 digits, in groups split by single spaces or dashes (or none).
const candidatePattern = /(?<![\w+.,/-])\d(?:[ -]?\d){12,18}(?![\w-]|[.,]\d)/g;

/** Issuer prefixes of the card networks: Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro. */
const issuerPrefix =
  /^(?:4|5[1-5]|2(?:2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|3[47]|3(?:0[0-5]|[68])|35(?:2[89]|[3-8])|6(?:011|4[4-9]|5|2)|5[06-8]|6\d)/;

/** Device and book numbers that pass Luhn too. */
const notACard = /\b(?:IMEI|IMEISV|ISBN|MEID|ICCID|SIM|serial|tracking)\b[^\n\d]{0,12}$/i;

/**
 * Payment card numbers: 13–19 digits (spaces or dashes between groups allowed, one kind per
 * number), an issuer's prefix, and the Luhn check. A number right after IMEI, ISBN, ICCID,
 * serial or tracking is not a card; a run of digit groups longer than 19 digits is not one.
 *
 * @example
 * detectCreditCards('card 4111 1111 1111 1111') // [{ start: 5, end: 24, type: 'CREDIT_CARD' }]
 */
export function detectCreditCards(text: string): PiiSpan[] {
  return spansOf(text, candidatePattern, 'CREDIT_CARD', (match) => {
    const candidate = match[0];
    const start = match.index;
    const end = start + candidate.length;
    // Part of a longer run of groups (an IBAN's tail, a tracking number) is not a card.
    if (/^[ -]\d/.test(text.slice(end, end + 2))) return undefined;
    if (/\d[ -]$/.test(textBefore(text, start, 2))) return undefined;
    if (/[ -]/.test(candidate) && !/^\d+(?:([ -])\d+(?:\1\d+)*)$/.test(candidate)) return undefined;
    if (/[ -]/.test(candidate) && candidate.split(/[ -]/)[0]!.length < 4) return undefined;
    const digits = candidate.replace(/\D/g, '');
    if (!issuerPrefix.test(digits) || !passesLuhn(digits)) return undefined;
    if (notACard.test(textBefore(text, start, 30))) return undefined;
    return { start, end };
  });
}
