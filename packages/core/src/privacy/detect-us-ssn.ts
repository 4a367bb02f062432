import { isIssuableSsn } from './checksums.js';
import { type PiiSpan, spansOf, textBefore } from './pii-span.js';

const dashedPattern = /(?<![\w.-])(\d{3})-(\d{2})-(\d{4})(?![\w-]|[.,]\d)/g;
const undashedPattern = /(?<![\w.-])(\d{3})[ ]?(\d{2})[ ]?(\d{4})(?![\w-]|[.,]\d)/g;
const ssnContext =
  /\b(?:SSN|SSNs|social security(?: number| no\.?| #)?|social|SS ?#|SS no\.?|tax id)\W{0,12}$/i;

/**
 * US social security numbers: `123-45-6789` anywhere, `123 45 6789` and `123456789` only right
 * after SSN, social security (number) or tax id; never one of the numbers never issued (area
 * 000, 666 or 9xx, group 00, serial 0000).
 *
 * @example
 * detectUsSsns('SSN 123-45-6789') // [{ start: 4, end: 15, type: 'US_SSN' }]
 */
export function detectUsSsns(text: string): PiiSpan[] {
  const accept = (needsContext: boolean) => (match: RegExpExecArray) => {
    const [, area, group, serial] = match as unknown as [string, string, string, string];
    if (!isIssuableSsn(area, group, serial)) return undefined;
    if (needsContext && !ssnContext.test(textBefore(text, match.index, 40))) return undefined;
    return { start: match.index, end: match.index + match[0].length };
  };
  const dashed = spansOf(text, dashedPattern, 'US_SSN', accept(false));
  const undashed = spansOf(text, undashedPattern, 'US_SSN', accept(true));
  return [...dashed, ...undashed];
}
