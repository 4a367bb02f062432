import { UpstreamError } from '../errors/upstream-error.js';

/**
 * POSTs JSON to an upstream and returns its response when the status is 2xx. What fails is
 * classified as an {@link UpstreamError}: no connection, or an error status (the provider's
 * error text is not read into the message: it can quote the key). An abort of `signal` is
 * rethrown as it is, for the caller to tell a timeout from a client that left.
 *
 * @example
 * const response = await postUpstream({ upstream: 'openai', url, headers, body, signal })
 */
export async function postUpstream(options: {
  upstream: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...options.headers,
      },
      body: JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal.aborted) throw options.signal.reason;
    throw new UpstreamError({
      upstream: options.upstream,
      failure: 'connection',
      message: `Upstream "${options.upstream}" could not be reached.`,
      cause,
    });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new UpstreamError({
      upstream: options.upstream,
      failure: 'status',
      status: response.status,
      message: `Upstream "${options.upstream}" answered HTTP ${response.status}.`,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  if (!response.body) {
    throw new UpstreamError({
      upstream: options.upstream,
      failure: 'protocol',
      message: `Upstream "${options.upstream}" answered without a body.`,
    });
  }
  return response;
}

/**
 * The bytes of a response body; a read that fails (the connection dropped) becomes an
 * {@link UpstreamError} `dropped`, unless `signal` aborted it.
 *
 * @example
 * for await (const message of serverSentEvents(readBody(response, 'openai', signal))) …
 */
export async function* readBody(
  response: Response,
  upstream: string,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const reader = (response.body as NonNullable<Response['body']>).getReader();
  try {
    for (;;) {
      let result: Awaited<ReturnType<typeof reader.read>>;
      try {
        result = await reader.read();
      } catch (cause) {
        if (signal.aborted) throw signal.reason;
        throw new UpstreamError({
          upstream,
          failure: 'dropped',
          message: `Upstream "${upstream}" dropped the connection mid-answer.`,
          cause,
        });
      }
      if (result.done) return;
      yield result.value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * JSON of one event's data, or an {@link UpstreamError} `protocol` naming the upstream.
 *
 * @example
 * const chunk = parseEventJson(message.data, 'openai')
 */
export function parseEventJson(data: string, upstream: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UpstreamError({
    upstream,
    failure: 'protocol',
    message: `Upstream "${upstream}" sent an event that is not a JSON object.`,
  });
}
