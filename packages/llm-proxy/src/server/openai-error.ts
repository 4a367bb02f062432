import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The body of every error the proxy answers, in OpenAI's shape, so that SDKs show it as they
 * show OpenAI's own (`APIError.message`, `.code`, `.param`).
 *
 * @example
 * const body: OpenAIErrorBody = { error: { message: 'Invalid API key.', type: 'authentication_error', param: null, code: 'invalid_api_key' } }
 */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/**
 * What an error answer says.
 *
 * @example
 * const details: OpenAIErrorDetails = { message: 'Unknown model.', type: 'invalid_request_error', code: 'model_not_found', param: 'model' }
 */
export interface OpenAIErrorDetails {
  message: string;
  type: string;
  code: string;
  param?: string;
  /** Extra response headers (`Retry-After`). */
  headers?: Record<string, string>;
}

/**
 * An `HTTPException` whose response is an OpenAI-style error JSON: throw it anywhere in a
 * handler or middleware; the app's error handler answers with `getResponse()`.
 *
 * @example
 * throw openAIError(404, { message: 'The model `x` does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found', param: 'model' })
 */
export function openAIError(
  status: ContentfulStatusCode,
  details: OpenAIErrorDetails,
): HTTPException {
  const body: OpenAIErrorBody = {
    error: {
      message: details.message,
      type: details.type,
      param: details.param ?? null,
      code: details.code,
    },
  };
  const res = new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...details.headers },
  });
  return new HTTPException(status, { res, message: details.message });
}

/**
 * The OpenAI-style error of a response built by {@link openAIError}, or of any JSON error body
 * (for logs and tests).
 *
 * @example
 * const { code } = await readOpenAIError(response)
 */
export async function readOpenAIError(response: Response): Promise<OpenAIErrorBody['error']> {
  const body = (await response.clone().json()) as OpenAIErrorBody;
  return body.error;
}
