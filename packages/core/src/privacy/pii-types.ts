/**
 * The kinds of personal data `redactPII()` finds.
 *
 * - `EMAIL`: email addresses.
 * - `PHONE`: phone numbers, international (`+44 20 7946 0958`) and national (`(415) 555-0132`,
 *   `020 7946 0958`, `06 12 34 56 78`).
 * - `CREDIT_CARD`: payment card numbers, 13 to 19 digits, Luhn-checked.
 * - `IBAN`: international bank account numbers, mod-97-checked.
 * - `US_SSN`: US social security numbers (`123-45-6789`), areas, groups and serials never issued excluded.
 * - `IP_ADDRESS`: IPv4 and IPv6 addresses.
 * - `SECRET`: API keys, tokens, passwords and credentials in URLs.
 * - `PERSON`: people's names.
 *
 * @example
 * const sensitive: PiiType[] = ['CREDIT_CARD', 'IBAN', 'US_SSN']
 */
export type PiiType =
  'EMAIL' | 'PHONE' | 'CREDIT_CARD' | 'IBAN' | 'US_SSN' | 'IP_ADDRESS' | 'SECRET' | 'PERSON';

/**
 * Every {@link PiiType}, in the order reports list them.
 *
 * @example
 * for (const type of piiTypes) console.log(type, redaction.counts[type])
 */
export const piiTypes: readonly PiiType[] = Object.freeze([
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'IP_ADDRESS',
  'SECRET',
  'PERSON',
]);

/**
 * What `redactPII()` does with an entity of a type: `mask` replaces it with a typed, numbered
 * placeholder (`[EMAIL_1]`); `block` makes the call reject with `PiiBlockedError`; `allow` leaves
 * it in the text (it is still listed in `entities`, except `PERSON`, which is then not looked for).
 *
 * @example
 * const action: PiiAction = 'block'
 */
export type PiiAction = 'mask' | 'block' | 'allow';

/**
 * The actions, for messages and checks.
 *
 * @example
 * piiActions.includes(value) // is it an action?
 */
export const piiActions: readonly PiiAction[] = Object.freeze(['mask', 'block', 'allow']);

/**
 * What to do with each type; a type left out is masked.
 *
 * @example
 * const policy: RedactionPolicy = { CREDIT_CARD: 'block', US_SSN: 'block', PERSON: 'allow' }
 */
export type RedactionPolicy = Partial<Record<PiiType, PiiAction>>;

/**
 * One piece of personal data found in the text.
 *
 * @example
 * const entity: PiiEntity = { start: 9, end: 25, type: 'EMAIL', action: 'mask', placeholder: '[EMAIL_1]' }
 * text.slice(entity.start, entity.end) // 'jane@example.com'
 */
export interface PiiEntity {
  /** Offset of its first UTF-16 code unit in the original text. */
  start: number;
  /** Offset just after its last UTF-16 code unit in the original text (exclusive). */
  end: number;
  type: PiiType;
  /** The policy's action for its type: `mask` or `allow` (a `block` rejects the call). */
  action: PiiAction;
  /** The placeholder that replaced it, when masked (`[EMAIL_1]`). */
  placeholder?: string;
}

/**
 * What `redactPII()` resolves with.
 *
 * @example
 * const { text, entities, counts, restore } = await redactPII('Mail jane@example.com')
 * text // 'Mail [EMAIL_1]'
 * restore('I wrote to [EMAIL_1].') // 'I wrote to jane@example.com.'
 */
export interface Redaction {
  /**
   * The text with every masked entity replaced by a typed, numbered placeholder (`[EMAIL_1]`,
   * `[PERSON_2]`…); the same value twice gets the same placeholder.
   */
  text: string;
  /** Every entity found, in text order, with the action applied. */
  entities: PiiEntity[];
  /** Entities found per type: every type present, 0 when none. */
  counts: Record<PiiType, number>;
  /**
   * Puts the original values back in place of this redaction's placeholders (in an LLM's answer
   * to the redacted text, on the device). Placeholders it did not make are left as they are.
   */
  restore(textWithPlaceholders: string): string;
}

/**
 * Options of `redactPII()`.
 *
 * @example
 * await redactPII(text, {}, { signal: AbortSignal.timeout(1000) })
 */
export interface RedactOptions {
  /** Cancels the call: it rejects with `AbortError`. */
  signal?: AbortSignal;
}
