import { LimitExceededError } from '@ondevice/errors';
import { ProxyConfigError } from '../errors/proxy-config-error.js';
import { openAIError } from './openai-error.js';
import type { RedactionPolicy, Redactor } from './redactor.js';

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
export const coreRedactor: Redactor = async (text, policy) => {
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
    return { blocked: false, text: result.text, counts: result.counts };
  } catch (error) {
    if (PiiBlockedError.isInstance(error))
      return { blocked: true, types: [...error.types], counts: error.counts };
    if (LimitExceededError.isInstance(error)) {
      // Not redacted, so not sent: a prompt over the redactor's length is the client's to split.
      throw openAIError(413, {
        message: `The prompt is longer than the proxy redacts in one request (${error.maximum.toLocaleString('en-US')} characters); send less.`,
        type: 'invalid_request_error',
        code: 'prompt_too_long',
      });
    }
    throw error;
  }
};
