import type { PiiEntityType, RedactionAction } from '../config/proxy-config-schema.js';

/**
 * A tenant's policy, complete: one action per entity type.
 *
 * @example
 * const policy: RedactionPolicy = { EMAIL: 'mask', PHONE: 'mask', CREDIT_CARD: 'block', … }
 */
export type RedactionPolicy = Record<PiiEntityType, RedactionAction>;

/**
 * What redacting one text gave: the text to send (placeholders such as `[EMAIL_1]` in place of
 * masked entities) and the entities found by type; or, when the policy blocks a type found, the
 * blocked types (never the values).
 *
 * @example
 * const outcome: RedactionOutcome = { blocked: false, text: 'Write to [EMAIL_1]', counts: { EMAIL: 1 } }
 */
export type RedactionOutcome =
  | { blocked: false; text: string; counts: Partial<Record<string, number>> }
  | { blocked: true; types: string[]; counts: Partial<Record<string, number>> };

/**
 * Redacts one text with a policy. The proxy's default is `@ondevice/core`'s `redactPII`
 * ({@link coreRedactor}); tests and deployments with their own detector pass another.
 *
 * @example
 * const redactor: Redactor = async (text) => ({ blocked: false, text, counts: {} })
 */
export type Redactor = (text: string, policy: RedactionPolicy) => Promise<RedactionOutcome>;
