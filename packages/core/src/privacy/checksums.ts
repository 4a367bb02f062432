// The validators behind the numeric types: a candidate that fails its check is not reported.

/**
 * Whether a string of digits passes the Luhn check (payment cards, IMEIs).
 *
 * @example
 * passesLuhn('4111111111111111') // true
 * passesLuhn('4111111111111112') // false
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * IBAN length by country code, from the SWIFT IBAN registry.
 *
 * @example
 * ibanLengths.DE // 22
 */
export const ibanLengths: Readonly<Record<string, number>> = Object.freeze({
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
});

/**
 * Whether a compact IBAN (no spaces, upper case) has its country's length and passes the
 * ISO 7064 mod-97 check (the first four characters moved to the end, letters as 10–35: the
 * number mod 97 is 1).
 *
 * @example
 * passesIbanChecksum('GB82WEST12345698765432') // true
 * passesIbanChecksum('GB82WEST12345698765431') // false
 */
export function passesIbanChecksum(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (ibanLengths[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
  }
  return remainder === 1;
}

/**
 * Whether the three parts of a US social security number could have been issued: area not
 * 000, 666 or 900–999; group not 00; serial not 0000.
 *
 * @example
 * isIssuableSsn('123', '45', '6789') // true
 * isIssuableSsn('666', '12', '3456') // false
 */
export function isIssuableSsn(area: string, group: string, serial: string): boolean {
  return (
    /^\d{3}$/.test(area) &&
    /^\d{2}$/.test(group) &&
    /^\d{4}$/.test(serial) &&
    area !== '000' &&
    area !== '666' &&
    area[0] !== '9' &&
    group !== '00' &&
    serial !== '0000'
  );
}
