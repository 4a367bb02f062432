import type { RedactionPolicy, Redactor } from './redactor.js';

/** Between messages while they are redacted together: blank lines around an invisible separator. */
const separator = '\n\n\u2063\n\n';

/**
 * What redacting a whole conversation gave: each message's text, or the blocked types.
 *
 * @example
 * const outcome: ConversationRedaction = { blocked: false, texts: ['Hi [PERSON_1]', 'Mail [EMAIL_1]'], counts: { PERSON: 1, EMAIL: 1 } }
 */
export type ConversationRedaction =
  | { blocked: false; texts: string[]; counts: Partial<Record<string, number>> }
  | { blocked: true; types: string[]; counts: Partial<Record<string, number>> };

/**
 * Redacts the messages of one request in a single call, so that placeholders are numbered
 * across the conversation: the same address is `[EMAIL_1]` in every message, and a different
 * one in a later message is `[EMAIL_2]`, not a second `[EMAIL_1]`. The texts are joined by blank
 * lines around an invisible separator (U+2063) and split again; when a message already holds
 * that character, or the redacted text does not split back into as many parts, each message is
 * redacted on its own instead (placeholders then numbered per message).
 *
 * @example
 * const outcome = await redactConversation(['Mail a@b.io', 'or c@d.io'], policy, redactor)
 * // { blocked: false, texts: ['Mail [EMAIL_1]', 'or [EMAIL_2]'], counts: { EMAIL: 2 } }
 */
export async function redactConversation(
  texts: readonly string[],
  policy: RedactionPolicy,
  redactor: Redactor,
): Promise<ConversationRedaction> {
  if (texts.length > 1 && !texts.some((text) => text.includes('\u2063'))) {
    const outcome = await redactor(texts.join(separator), policy);
    if (outcome.blocked) return outcome;
    const parts = outcome.text.split(separator);
    if (parts.length === texts.length)
      return { blocked: false, texts: parts, counts: outcome.counts };
  }
  const counts: Record<string, number> = {};
  const blocked = new Set<string>();
  const redacted: string[] = [];
  for (const text of texts) {
    const outcome = await redactor(text, policy);
    for (const [type, count] of Object.entries(outcome.counts))
      counts[type] = (counts[type] ?? 0) + (count ?? 0);
    if (outcome.blocked) outcome.types.forEach((type) => blocked.add(type));
    else redacted.push(outcome.text);
  }
  return blocked.size > 0
    ? { blocked: true, types: [...blocked], counts }
    : { blocked: false, texts: redacted, counts };
}
