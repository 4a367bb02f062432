// Seeded makers of the values in the labelled PII sets: numbers that pass (or, for the hard
// negatives, fail) their checksums, tokens in each provider's shape, names and addresses from
// the pools a set is given. The checksums are computed here on their own, not with the
// detectors' validators, so a bug in one does not hide in the other.

/** A seeded source of numbers in [0, 1). */
export type Random = () => number;

/**
 * One item of `items`, drawn with `random`.
 *
 * @example
 * pick(random, ['a', 'b'])
 */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * An integer in [low, high].
 *
 * @example
 * between(random, 1, 6)
 */
export function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

const digitChars = '0123456789';
const upperChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const lowerChars = 'abcdefghijklmnopqrstuvwxyz';
const base62 = `${digitChars}${upperChars}${lowerChars}`;
const hexChars = '0123456789abcdef';

/**
 * `length` characters drawn from `alphabet`.
 *
 * @example
 * drawn(random, 4, '0123456789') // '4071'
 */
export function drawn(random: Random, length: number, alphabet: string): string {
  let out = '';
  for (let index = 0; index < length; index += 1) out += pick(random, [...alphabet]);
  return out;
}

const digits = (random: Random, length: number) => drawn(random, length, digitChars);

/** The Luhn check digit that completes `payload`. */
function luhnDigit(payload: string): number {
  let sum = 0;
  for (let index = 0; index < payload.length; index += 1) {
    let digit = Number(payload[payload.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Card number shapes: prefix, length, grouping. */
const cardShapes = [
  { prefix: ['4'], length: 16, groups: [4, 4, 4, 4] },
  { prefix: ['51', '52', '53', '54', '55'], length: 16, groups: [4, 4, 4, 4] },
  { prefix: ['2221', '2300', '2500', '2720'], length: 16, groups: [4, 4, 4, 4] },
  { prefix: ['34', '37'], length: 15, groups: [4, 6, 5] },
  { prefix: ['6011', '65'], length: 16, groups: [4, 4, 4, 4] },
  { prefix: ['3528', '3530', '3589'], length: 16, groups: [4, 4, 4, 4] },
  { prefix: ['36', '38'], length: 14, groups: [4, 6, 4] },
  { prefix: ['62'], length: 19, groups: [4, 4, 4, 4, 3] },
  { prefix: ['4'], length: 13, groups: [4, 4, 5] },
] as const;

/**
 * A payment card number that passes (or, with `valid: false`, fails) the Luhn check, written
 * with spaces, dashes or nothing between its groups.
 *
 * @example
 * cardNumber(random, { separator: ' ' }) // '4539 1488 0343 6467'
 */
export function cardNumber(
  random: Random,
  options: { valid?: boolean; separator?: string; shape?: number } = {},
): string {
  const shape = cardShapes[options.shape ?? Math.floor(random() * cardShapes.length)]!;
  const prefix = pick(random, shape.prefix);
  const payload = prefix + digits(random, shape.length - prefix.length - 1);
  let check = luhnDigit(payload);
  if (options.valid === false) check = (check + between(random, 1, 9)) % 10;
  const number = `${payload}${check}`;
  const separator = options.separator ?? pick(random, [' ', ' ', '-', '']);
  const parts: string[] = [];
  let at = 0;
  for (const size of shape.groups) {
    parts.push(number.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
}

/** BBAN shapes of some IBAN countries: [count, n digits | a letters | c either]. */
const ibanShapes: Record<string, [number, 'n' | 'a' | 'c'][]> = {
  DE: [[18, 'n']],
  GB: [
    [4, 'a'],
    [14, 'n'],
  ],
  FR: [
    [10, 'n'],
    [11, 'c'],
    [2, 'n'],
  ],
  NL: [
    [4, 'a'],
    [10, 'n'],
  ],
  ES: [[20, 'n']],
  IT: [
    [1, 'a'],
    [10, 'n'],
    [12, 'c'],
  ],
  BE: [[12, 'n']],
  CH: [
    [5, 'n'],
    [12, 'c'],
  ],
  IE: [
    [4, 'a'],
    [14, 'n'],
  ],
  DK: [[14, 'n']],
  FI: [[14, 'n']],
  PL: [[24, 'n']],
  AT: [[16, 'n']],
  PT: [[21, 'n']],
  SE: [[20, 'n']],
  NO: [[11, 'n']],
  LU: [
    [3, 'n'],
    [13, 'c'],
  ],
};

/** Mod 97 of a long string of digits. */
function mod97(numeric: string): number {
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + Number(char)) % 97;
  return remainder;
}

const letterValue = (text: string) =>
  [...text].map((char) => (/\d/.test(char) ? char : String(char.charCodeAt(0) - 55))).join('');

/**
 * An IBAN of `country` whose check digits pass mod 97 (or fail, with `valid: false`), in
 * groups of four (`print`) or `compact`.
 *
 * @example
 * iban(random, 'DE', 'print') // 'DE44 5001 0517 5407 3249 31'
 */
export function iban(
  random: Random,
  country: string,
  format: 'print' | 'compact',
  valid = true,
): string {
  const shape = ibanShapes[country];
  if (!shape) throw new TypeError(`no IBAN shape for ${country}`);
  const bban = shape
    .map(([count, kind]) =>
      drawn(
        random,
        count,
        kind === 'n' ? digitChars : kind === 'a' ? upperChars : `${digitChars}${upperChars}`,
      ),
    )
    .join('');
  let check = 98 - mod97(letterValue(`${bban}${country}00`));
  if (!valid) check = ((check + between(random, 1, 50)) % 97) + 2;
  const compact = `${country}${String(check).padStart(2, '0')}${bban}`;
  return format === 'compact' ? compact : (compact.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * A US social security number that is valid (area not 000, 666 or 9xx; group not 00; serial
 * not 0000), or an invalid one with `valid: false`.
 *
 * @example
 * ssn(random) // '512-38-0941'
 */
export function ssn(random: Random, valid = true, separator = '-'): string {
  if (!valid) {
    const kind = between(random, 0, 4);
    const area = ['000', '666', `9${digits(random, 2)}`][Math.min(kind, 2)]!;
    const group = kind === 3 ? '00' : String(between(random, 1, 99)).padStart(2, '0');
    const serial = kind === 4 ? '0000' : String(between(random, 1, 9999)).padStart(4, '0');
    return [kind < 3 ? area : String(between(random, 1, 665)).padStart(3, '0'), group, serial].join(
      separator,
    );
  }
  let area = between(random, 1, 898);
  if (area === 666) area = 667;
  return [
    String(area).padStart(3, '0'),
    String(between(random, 1, 99)).padStart(2, '0'),
    String(between(random, 1, 9999)).padStart(4, '0'),
  ].join(separator);
}

/**
 * An IPv4 address; `private` draws from 10/8, 172.16/12 and 192.168/16.
 *
 * @example
 * ipv4(random) // '203.0.113.74'
 */
export function ipv4(random: Random, kind: 'public' | 'private' = 'public'): string {
  if (kind === 'private') {
    return pick(random, [
      `10.${between(random, 0, 255)}.${between(random, 0, 255)}.${between(random, 1, 254)}`,
      `172.${between(random, 16, 31)}.${between(random, 0, 255)}.${between(random, 1, 254)}`,
      `192.168.${between(random, 0, 255)}.${between(random, 1, 254)}`,
    ]);
  }
  return [
    between(random, 11, 223),
    between(random, 0, 255),
    between(random, 0, 255),
    between(random, 1, 254),
  ].join('.');
}

const hexGroup = (random: Random) =>
  drawn(random, between(random, 1, 4), hexChars).replace(/^0+(?=.)/, '');

/**
 * An IPv6 address, written in full, compressed with `::`, link-local or IPv4-mapped.
 *
 * @example
 * ipv6(random, 'compressed') // '2001:db8:85a3::8a2e:370:7334'
 */
export function ipv6(
  random: Random,
  form: 'full' | 'compressed' | 'link-local' | 'mapped',
): string {
  const groups = Array.from({ length: 8 }, () => hexGroup(random));
  groups[0] = pick(random, ['2001', '2a02', '2600', '2a01', '2804', '2400']);
  if (form === 'full') return groups.join(':');
  if (form === 'link-local') return `fe80::${groups.slice(4).join(':')}`;
  if (form === 'mapped') return `::ffff:${ipv4(random)}`;
  const cut = between(random, 2, 5);
  const gap = between(random, 2, 3);
  return `${groups.slice(0, cut).join(':')}::${groups.slice(cut + gap).join(':')}`;
}

const base64Url = `${base62}-_`;

/** Base64url of a string (no padding), for JWT parts. */
function base64UrlOf(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A credential in a provider's shape (made up, never a real one).
 *
 * @example
 * secretToken(random, 'github') // 'ghp_…'
 */
export function secretToken(
  random: Random,
  kind:
    | 'openai'
    | 'openai-project'
    | 'github'
    | 'github-pat'
    | 'aws-key-id'
    | 'aws-secret'
    | 'jwt'
    | 'slack-bot'
    | 'slack-user'
    | 'stripe'
    | 'google'
    | 'opaque',
): string {
  switch (kind) {
    case 'openai':
      return `sk-${drawn(random, 48, base62)}`;
    case 'openai-project':
      return `sk-proj-${drawn(random, between(random, 40, 64), base64Url)}`;
    case 'github':
      return `${pick(random, ['ghp', 'gho', 'ghs'])}_${drawn(random, 36, base62)}`;
    case 'github-pat':
      return `github_pat_${drawn(random, 22, base62)}_${drawn(random, 59, base62)}`;
    case 'aws-key-id':
      return `${pick(random, ['AKIA', 'AKIA', 'ASIA'])}${drawn(random, 16, `${upperChars}234567`)}`;
    case 'aws-secret':
      return drawn(random, 40, `${base62}/+`);
    case 'jwt': {
      const header = base64UrlOf(
        JSON.stringify({ alg: pick(random, ['HS256', 'RS256']), typ: 'JWT' }),
      );
      const payload = base64UrlOf(
        JSON.stringify({
          sub: digits(random, between(random, 5, 9)),
          iat: 1_700_000_000 + between(random, 0, 30_000_000),
          scope: pick(random, ['read', 'read write', 'admin']),
        }),
      );
      return `${header}.${payload}.${drawn(random, 43, base64Url)}`;
    }
    case 'slack-bot':
      return `xoxb-${digits(random, 11)}-${digits(random, 13)}-${drawn(random, 24, base62)}`;
    case 'slack-user':
      return `xoxp-${digits(random, 11)}-${digits(random, 11)}-${digits(random, 13)}-${drawn(random, 32, hexChars)}`;
    case 'stripe':
      return `${pick(random, ['sk_live_', 'sk_test_', 'rk_live_'])}${drawn(random, between(random, 24, 40), base62)}`;
    case 'google':
      return `AIza${drawn(random, 35, base64Url)}`;
    case 'opaque':
      return drawn(random, between(random, 24, 40), base62);
  }
}

/**
 * A password as people type them: letters, digits and a symbol or two; never ending in
 * sentence punctuation.
 *
 * @example
 * password(random) // 'Tulip#2291x'
 */
export function password(random: Random): string {
  const word = pick(random, [
    'Sunflower',
    'tiger',
    'Blue',
    'maple',
    'Orbit',
    'Kestrel',
    'lantern',
    'Copper',
    'Meadow',
    'winter',
    'Falcon',
    'nebula',
    'Harbor',
    'pepper',
    'Zephyr',
    'Quartz',
    'ember',
    'Velvet',
  ]);
  return pick(random, [
    `${word}${digits(random, between(random, 2, 4))}${pick(random, ['!', '#', '$', '@', '&', '*'])}`,
    `${word}${pick(random, ['_', '#', '@', '$'])}${digits(random, 4)}${pick(random, ['x', 'Q', 'z', 'k'])}`,
    drawn(random, between(random, 10, 16), `${base62}!#$%&*@^`),
    `${digits(random, 2)}${word}${pick(random, ['!', '?', '#'])}${digits(random, 2)}`,
  ]);
}

/**
 * A lowercase hex string (commit hashes, digests).
 *
 * @example
 * hex(random, 7) // '3f9a2c1'
 */
export function hex(random: Random, length: number): string {
  return drawn(random, length, hexChars);
}

/**
 * A random v4 UUID.
 *
 * @example
 * uuid(random) // '9b2f6c1e-…'
 */
export function uuid(random: Random): string {
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${pick(random, ['8', '9', 'a', 'b'])}${hex(random, 3)}-${hex(random, 12)}`;
}

/**
 * A string of decimal digits.
 *
 * @example
 * numeric(random, 5) // '48213'
 */
export function numeric(random: Random, length: number, first = '123456789'): string {
  return `${drawn(random, 1, first)}${digits(random, length - 1)}`;
}

/**
 * Letters and digits (ids, request ids, SKUs).
 *
 * @example
 * alphanumeric(random, 6, 'upper') // 'K2QX9B'
 */
export function alphanumeric(
  random: Random,
  length: number,
  kind: 'upper' | 'lower' | 'mixed',
): string {
  const letters =
    kind === 'upper' ? upperChars : kind === 'lower' ? lowerChars : `${upperChars}${lowerChars}`;
  return drawn(random, length, `${digitChars}${letters}`);
}
