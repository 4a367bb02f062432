/** Readable names of `redactPII()`'s types: singular, plural. */
const names: Readonly<Record<string, readonly [string, string]>> = {
  EMAIL: ['email address', 'email addresses'],
  PHONE: ['phone number', 'phone numbers'],
  CREDIT_CARD: ['payment card number', 'payment card numbers'],
  IBAN: ['bank account number (IBAN)', 'bank account numbers (IBAN)'],
  US_SSN: ['US social security number', 'US social security numbers'],
  IP_ADDRESS: ['IP address', 'IP addresses'],
  SECRET: ['secret (key, token or password)', 'secrets (keys, tokens or passwords)'],
  PERSON: ["person's name", "people's names"],
};

/**
 * How a type of personal data reads, for `count` of them: `EMAIL` → "email address" (1) or
 * "email addresses" (2); a type `redactPII()` does not have reads as it is.
 *
 * @example
 * piiTypeName('PHONE', 2) // 'phone numbers'
 * piiTypeName('ACCOUNT_ID') // 'ACCOUNT_ID'
 */
export function piiTypeName(type: string, count = 1): string {
  const name = names[type];
  return name ? name[count === 1 ? 0 : 1] : type;
}
