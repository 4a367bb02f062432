import type { HTTPException } from 'hono/http-exception';
import { UpstreamError } from '../errors/upstream-error.js';
import { openAIError } from './openai-error.js';
import type { RequestRecord } from './request-record.js';

/**
 * The error a client gets, and the outcome audited, when the upstream failed before the answer
 * began:
 * - the client left / the proxy is shutting down → `client-aborted` / `shutdown` (499 recorded);
 * - timeout → 504 `upstream_timeout`, outcome `upstream-timeout`;
 * - the upstream refused the request itself (400, 404, 413, 422) → 400 `upstream_rejected_request`;
 * - anything else (connection, 401/403: the proxy's own key, 429 and 5xx after retries, an
 *   unreadable answer) → 502 `upstream_error`, outcome `upstream-error`.
 * Messages name the upstream and its status, never its error text (it can quote the key).
 *
 * @example
 * catch (error) { throw upstreamFailure(error, record) }
 */
export function upstreamFailure(error: unknown, record: RequestRecord): HTTPException {
  if (record.abortedBy !== undefined) {
    record.outcome = record.abortedBy === 'client' ? 'client-aborted' : 'shutdown';
    record.status = 499;
    return openAIError(503, {
      message: 'The request was cancelled.',
      type: 'api_error',
      code: 'cancelled',
    });
  }
  if (UpstreamError.isInstance(error) && error.failure === 'timeout') {
    record.outcome = 'upstream-timeout';
    return openAIError(504, {
      message: error.message,
      type: 'api_error',
      code: 'upstream_timeout',
    });
  }
  record.outcome = 'upstream-error';
  if (
    UpstreamError.isInstance(error) &&
    error.failure === 'status' &&
    [400, 404, 413, 422].includes(error.status ?? 0)
  ) {
    return openAIError(400, {
      message: `${error.message} The request was not accepted.`,
      type: 'invalid_request_error',
      code: 'upstream_rejected_request',
    });
  }
  const message = UpstreamError.isInstance(error) ? error.message : 'The upstream call failed.';
  return openAIError(502, { message, type: 'api_error', code: 'upstream_error' });
}

/**
 * The outcome of a stream that failed after it began (the client has a 200 and part of the text).
 *
 * @example
 * record.outcome = streamFailureOutcome(error, record) // 'stream-dropped'
 */
export function streamFailureOutcome(error: unknown, record: RequestRecord): string {
  if (record.abortedBy === 'client') return 'client-aborted';
  if (record.abortedBy === 'shutdown') return 'shutdown';
  if (UpstreamError.isInstance(error) && error.failure === 'timeout') return 'upstream-timeout';
  return 'stream-dropped';
}
