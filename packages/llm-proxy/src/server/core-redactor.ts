import { LimitExceededError } from '@ondevice/errors';
import { ProxyConfigError } from '../errors/proxy-config-error.js';
import { openAIError } from './openai-error.js';
import type { RedactionOutcome, RedactionPolicy, Redactor } from './redactor.js';

interface CoreRedaction {
  redactPII(
    text: string,
    policy?: Partial<RedactionPolicy>,
  ): Promise<{ text: string; counts: Record<string, number> }>;
  PiiBlockedError: {
    isInstance(error: unknown): error is { types: string[]; counts: Record<string, number> };
  };
}

let core: Promise<CoreRedaction> | undefined;

/**
 * The proxy's default {@link Redactor}: `@ondevice/core`'s `redactPII` with the tenant's policy
 * (masked entities become placeholders such as `[EMAIL_1]`; a `block` type found rejects with
 * `PiiBlockedError`, turned into a blocked outcome naming the types).
 *
 * The proxy never restores the placeholders in the answer: the mapping back to the real values
 * stays on the device that redacted (the one place allowed to hold them), and a proxy that
 * restored would have to keep every tenant's personal data in memory for the length of each
 * request and put it back into text the upstream wrote. Clients that redact on the device first
 * restore there; with the proxy alone, users see the placeholders.
 *
 * Core is imported on first use; a core without `redactPII` fails the request (500) rather than
 * letting an unredacted prompt leave.
 *
 * @example
 * createProxyApp({ config, store, upstreams, redactor: coreRedactor })
 */
export const coreRedactor: Redactor = async (text, policy) =>
  redactionOutcome(await redactWithCore(text, policy));

/**
 * The outcome of a {@link CoreRedactionResult}; a text too long to redact is not sent: a 413
 * (`prompt_too_long`) for the client to split it.
 *
 * @throws {HTTPException} 413 when the text was over the redactor's length.
 * @example
 * const outcome = redactionOutcome(await redactWithCore(text, policy))
 */
export function redactionOutcome(result: CoreRedactionResult): RedactionOutcome {
  if ('outcome' in result) return result.outcome;
  throw openAIError(413, {
    message: `The prompt is longer than the proxy redacts in one request (${result.tooLong.toLocaleString('en-US')} characters); send less.`,
    type: 'invalid_request_error',
    code: 'prompt_too_long',
  });
}

/**
 * What {@link redactWithCore} gave, as plain data (it crosses a thread): the outcome, or the
 * redactor's longest text when `text` was longer.
 *
 * @example
 * const result: CoreRedactionResult = { outcome: { blocked: false, text: 'Hi [PERSON_1]', counts: { PERSON: 1 } } }
 */
export type CoreRedactionResult = { outcome: RedactionOutcome } | { tooLong: number };

/**
 * `@ondevice/core`'s `redactPII` with a tenant's policy, its blocked and too-long answers as
 * data: what {@link coreRedactor} runs on the event loop and the redaction threads run off it.
 *
 * @throws {ProxyConfigError} when this `@ondevice/core` has no `redactPII`.
 * @example
 * const result = await redactWithCore('Mail maria@example.com', policy) // { outcome: { blocked: false, text: 'Mail [EMAIL_1]', … } }
 */
export async function redactWithCore(
  text: string,
  policy: RedactionPolicy,
): Promise<CoreRedactionResult> {
  core ??= import('@ondevice/core').then((module) => {
    const candidate = module as unknown as Partial<CoreRedaction>;
    if (typeof candidate.redactPII !== 'function' || candidate.PiiBlockedError === undefined) {
      throw new ProxyConfigError({
        field: '',
        message:
          'This @ondevice/core has no redactPII: the proxy refuses to send prompts unredacted. Update @ondevice/core.',
      });
    }
    return candidate as CoreRedaction;
  });
  const { redactPII, PiiBlockedError } = await core;
  try {
    const result = await redactPII(text, policy);
    return { outcome: { blocked: false, text: result.text, counts: result.counts } };
  } catch (error) {
    if (PiiBlockedError.isInstance(error))
      return { outcome: { blocked: true, types: [...error.types], counts: error.counts } };
    if (LimitExceededError.isInstance(error)) return { tooLong: error.maximum };
    throw error;
  }
}
