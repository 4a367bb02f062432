import { InvalidInputError, LimitExceededError, PiiBlockedError } from '@ondevice/errors';
import { throwIfAborted } from '../util/abort.js';
import { checkOptions, optionRules } from '../util/check-options.js';
import { describeValue } from '../util/describe-value.js';
import { detectCreditCards } from './detect-credit-card.js';
import { detectEmails } from './detect-email.js';
import { detectIbans } from './detect-iban.js';
import { detectIpAddresses } from './detect-ip-address.js';
import { detectPersonsInContext } from './detect-person-in-context.js';
import { detectPhones } from './detect-phone.js';
import { detectSecrets } from './detect-secret.js';
import { detectUsSsns } from './detect-us-ssn.js';
import type { PiiSpan } from './pii-span.js';
import {
  type PiiAction,
  type PiiType,
  type RedactOptions,
  type Redaction,
  type RedactionPolicy,
  piiActions,
  piiTypes,
} from './pii-types.js';
import type * as personModelModule from './person-model.js';
import { applyPlaceholders } from './placeholders.js';
import { refinePersons } from './refine-persons.js';
import { resolveOverlaps } from './resolve-overlaps.js';

/**
 * The longest text `redactPII()` takes, in UTF-16 code units (about 1 MB of English).
 *
 * @example
 * if (text.length > maxRedactionLength) text = text.slice(0, maxRedactionLength)
 */
export const maxRedactionLength = 1_000_000;

// The name model's module, imported once (a dynamic import() resolves the specifier again at each
// call: 0.25 ms per call in the proxy's profile under load, bench (o)).
let personModel: Promise<typeof personModelModule> | undefined;

const policyRules = Object.fromEntries(
  piiTypes.map((type) => [type, optionRules.oneOf(...piiActions)]),
);

/**
 * Finds personal data in `text` (emails, phone numbers, payment cards, IBANs, US SSNs, IP
 * addresses, secrets and people's names), then applies `policy` type by type: `mask` (the
 * default) replaces each entity with a typed, numbered placeholder (`[EMAIL_1]`; the same value
 * twice, the same placeholder), `allow` leaves it, `block` makes the call reject. Runs on the
 * device, with no model to download: the structured types by pattern and checksum, names by
 * context rules and compromise's people() (imported on the first call whose PERSON is not
 * `allow`). `restore()` puts the values back into an answer to the redacted text.
 *
 * @param text what to redact, at most {@link maxRedactionLength} UTF-16 code units.
 * @param policy the action per type; a type left out is masked.
 * @throws {PiiBlockedError} when an entity of a blocked type is found: its `types` and `counts`
 *   say which and how many, never the values.
 * @throws {InvalidInputError} when `text` is not a string, or `policy` or `options` has an
 *   unknown type, action or option (`parameter` names it).
 * @throws {LimitExceededError} when `text` is longer than {@link maxRedactionLength}.
 * @throws {AbortError} when `options.signal` fires.
 * @example
 * const redaction = await redactPII('Hi, I am Maria Lopez, card 4111 1111 1111 1111.', {
 *   CREDIT_CARD: 'mask',
 *   US_SSN: 'block',
 * })
 * redaction.text // 'Hi, I am [PERSON_1], card [CREDIT_CARD_1].'
 * const answer = await llm(redaction.text) // 'Thanks [PERSON_1], …'
 * redaction.restore(answer) // 'Thanks Maria Lopez, …'
 */
export async function redactPII(
  text: string,
  policy?: RedactionPolicy,
  options?: RedactOptions,
): Promise<Redaction> {
  if (typeof text !== 'string') {
    throw new InvalidInputError({
      parameter: 'text',
      message: `redactPII() takes the text to redact as a string; got ${describeValue(text)}.`,
    });
  }
  if (text.length > maxRedactionLength) {
    throw new LimitExceededError({
      limit: 'maxRedactionLength',
      maximum: maxRedactionLength,
      actual: text.length,
      message: `redactPII() takes texts of up to ${maxRedactionLength.toLocaleString('en-US')} UTF-16 code units; got ${text.length.toLocaleString('en-US')}. Split the text and redact each part.`,
    });
  }
  checkOptions(policy, policyRules, 'redactPII()', 'policy');
  checkOptions(options, { signal: optionRules.signal }, 'redactPII()');
  const signal = options?.signal;
  throwIfAborted(signal, 'redactPII()');
  const actions = actionsOf(policy);

  const spans: PiiSpan[] = [
    ...detectSecrets(text),
    ...detectCreditCards(text),
    ...detectIbans(text),
    ...detectUsSsns(text),
    ...detectEmails(text),
    ...detectIpAddresses(text),
    ...detectPhones(text),
  ];
  if (actions.PERSON !== 'allow') {
    personModel ??= import('./person-model.js').catch((error: unknown) => {
      personModel = undefined; // a failed load (a chunk the network lost) is tried again next call
      throw error;
    });
    const { findPeople } = await personModel;
    const persons = [...detectPersonsInContext(text), ...(await findPeople(text, signal))];
    spans.push(...refinePersons(text, persons));
  }
  throwIfAborted(signal, 'redactPII()');
  const found = resolveOverlaps(spans);

  const counts = Object.fromEntries(piiTypes.map((type) => [type, 0])) as Record<PiiType, number>;
  for (const span of found) counts[span.type] += 1;
  const blocked = piiTypes.filter((type) => actions[type] === 'block' && counts[type] > 0);
  if (blocked.length > 0) {
    const blockedCounts = Object.fromEntries(blocked.map((type) => [type, counts[type]]));
    throw new PiiBlockedError({
      types: blocked,
      counts: blockedCounts,
      message: `redactPII() found ${blocked.map((type) => `${counts[type]} ${type}`).join(', ')}, which the policy blocks. Remove it from the text, or mask it with { ${blocked.map((type) => `${type}: 'mask'`).join(', ')} }.`,
    });
  }

  const applied = applyPlaceholders(text, found, (type) => actions[type]);
  return {
    text: applied.text,
    entities: applied.entities,
    counts,
    restore(textWithPlaceholders: string): string {
      if (typeof textWithPlaceholders !== 'string') {
        throw new InvalidInputError({
          parameter: 'textWithPlaceholders',
          message: `restore() takes a string; got ${describeValue(textWithPlaceholders)}.`,
        });
      }
      return applied.restore(textWithPlaceholders);
    },
  };
}

function actionsOf(policy: RedactionPolicy | undefined): Record<PiiType, PiiAction> {
  return Object.fromEntries(piiTypes.map((type) => [type, policy?.[type] ?? 'mask'])) as Record<
    PiiType,
    PiiAction
  >;
}
