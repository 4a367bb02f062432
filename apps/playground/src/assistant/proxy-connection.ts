import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { redactionMiddleware } from '@ondevice/ai-sdk';
import { InvalidInputError } from '@ondevice/core';
import { type LanguageModel, wrapLanguageModel } from 'ai';

/** The key of the proxy's dev tenant (`ondevice-proxy --dev`): for a laptop, never a deployment. */
export const proxyApiKey = 'ondevice-dev';

/** The model `ondevice-proxy --dev` serves: its `local` upstream, stories260K here. */
export const proxyModelId = 'local';

/**
 * Whether the LLM proxy answers at `/v1` of the page's own server.
 *
 * @example
 * const status: ProxyStatus = { state: 'unavailable', reason: 'the production build has no proxy' }
 */
export type ProxyStatus =
  { state: 'checking' } | { state: 'available' } | { state: 'unavailable'; reason: string };

/**
 * The proxy's base URL: `/v1` on the page's own origin (the dev server forwards it, so there is
 * no CORS to set up). Absolute, as the AI SDK's provider needs.
 *
 * @example
 * proxyBaseUrl('http://127.0.0.1:5173') // 'http://127.0.0.1:5173/v1'
 */
export function proxyBaseUrl(origin: string): string {
  return `${origin}/v1`;
}

/**
 * Asks `GET /v1/models` with the dev key whether the proxy runs and serves `local`. Never
 * rejects: anything else (a network error, the production build's HTML page) is `unavailable`.
 *
 * @example
 * const status = await checkProxy(proxyBaseUrl(location.origin))
 */
export async function checkProxy(baseUrl: string, signal?: AbortSignal): Promise<ProxyStatus> {
  try {
    const response = await fetch(`${baseUrl}/models`, {
      headers: { authorization: `Bearer ${proxyApiKey}` },
      signal: signal ?? null,
    });
    const body = (await response.json().catch(() => null)) as {
      data?: { id?: unknown }[];
    } | null;
    if (body?.data?.some((model) => model.id === proxyModelId)) return { state: 'available' };
    return {
      state: 'unavailable',
      reason: `/v1/models answered ${response.status} without the "${proxyModelId}" model`,
    };
  } catch (error) {
    return {
      state: 'unavailable',
      reason: `/v1 could not be reached (${(error as Error).message})`,
    };
  }
}

/**
 * Why the proxy is unavailable, in words a reader can act on.
 *
 * @example
 * explainUnavailable({ production: true, modelServed: true, detail: '…' })
 * // 'this is the production build, which starts no proxy (`npm start` runs the dev server with one)'
 */
export function explainUnavailable(context: {
  production: boolean;
  modelServed: boolean;
  detail: string;
}): string {
  if (context.production)
    return 'this is the production build, which starts no proxy (`npm start` runs the dev server with one)';
  if (!context.modelServed)
    return 'the dev server starts it only when the shared test models are checked out beside the repository (../shared/models/converted/llama2.c-stories260K)';
  return `it does not answer: ${context.detail} (the dev server's terminal says why)`;
}

/**
 * The proxy's `local` model through the AI SDK, wrapped in `redactionMiddleware`: the prompt is
 * redacted on the device before it leaves and the answer's placeholders are put back on the
 * device. The redacted prompt must be exactly `expectedText` (what the user confirmed in the
 * preview); otherwise the call rejects before anything is sent.
 *
 * @example
 * streamText({ model: draftModel({ baseUrl, expectedText: redaction.text }), prompt })
 */
export function draftModel(options: { baseUrl: string; expectedText: string }): LanguageModel {
  const proxy = createOpenAICompatible({
    name: 'ondevice-proxy',
    baseURL: options.baseUrl,
    apiKey: proxyApiKey,
    includeUsage: true,
  });
  return wrapLanguageModel({
    model: proxy(proxyModelId),
    middleware: redactionMiddleware({
      onRedacted: (report) => {
        const sent = report.messages.map((message) => message.text).join('\n');
        if (sent !== options.expectedText) {
          throw new InvalidInputError({
            parameter: 'prompt',
            message:
              'The redacted prompt differs from the text you confirmed, so nothing was sent. Draft the reply again.',
          });
        }
      },
    }),
  });
}
