import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { UpstreamError } from '../errors/upstream-error.js';

/**
 * An upstream's answer whose status was 2xx: its body still to be read with {@link readBody}.
 *
 * @example
 * const response: UpstreamResponse = await postUpstream({ upstream: 'openai', url, headers, body, signal })
 */
export interface UpstreamResponse {
  status: number;
  /** The response itself (a Node readable stream of the body's bytes). */
  message: IncomingMessage;
}

/**
 * POSTs JSON to an upstream and returns its response when the status is 2xx. What fails is
 * classified as an {@link UpstreamError}: no connection, or an error status (the provider's
 * error text is not read into the message: it can quote the key). An abort of `signal` is
 * rethrown as it is, for the caller to tell a timeout from a client that left.
 *
 * node:http (keep-alive global agents) rather than `fetch`: the proxy pipes bytes and needs no
 * WHATWG streams, and undici's fetch and its web streams were a third of the proxy's CPU per
 * request under load (bench (o)).
 *
 * @example
 * const response = await postUpstream({ upstream: 'openai', url, headers, body, signal })
 */
export function postUpstream(options: {
  upstream: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
}): Promise<UpstreamResponse> {
  const { upstream, signal } = options;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<UpstreamResponse>((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(options.body), 'utf8');
    let url: URL;
    try {
      url = new URL(options.url);
    } catch (cause) {
      reject(connectionError(upstream, cause));
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...options.headers,
        'content-length': String(payload.byteLength),
      },
    });
    // Until the response's head arrives; then readBody listens while the body is read.
    const onAbort = () => request.destroy(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    const settled = () => signal.removeEventListener('abort', onAbort);
    request.once('error', (cause) => {
      settled();
      reject(signal.aborted ? signal.reason : connectionError(upstream, cause));
    });
    request.once('response', (message) => {
      settled();
      const status = message.statusCode ?? 0;
      if (status < 200 || status > 299) {
        message.resume();
        request.destroy();
        const retryAfter = Number(message.headers['retry-after']);
        reject(
          new UpstreamError({
            upstream,
            failure: 'status',
            status,
            message: `Upstream "${upstream}" answered HTTP ${status}.`,
            ...(Number.isFinite(retryAfter) && retryAfter > 0
              ? { retryAfterSeconds: retryAfter }
              : {}),
          }),
        );
        return;
      }
      resolve({ status, message });
    });
    request.end(payload);
  });
}

function connectionError(upstream: string, cause: unknown): UpstreamError {
  return new UpstreamError({
    upstream,
    failure: 'connection',
    message: `Upstream "${upstream}" could not be reached.`,
    cause,
  });
}

/**
 * The bytes of a response body; a read that fails (the connection dropped, or the body ended
 * before its length) becomes an {@link UpstreamError} `dropped`, unless `signal` aborted it.
 *
 * A caller that stops reading once the answer is complete (an upstream's last event, such as
 * `[DONE]`, usually comes just before the end of the body) leaves the rest to drain, so the
 * keep-alive connection goes back to the pool; after a failure or an abort, or when the rest
 * takes over a second, the connection is closed instead.
 *
 * @example
 * for await (const message of serverSentEvents(readBody(response, 'openai', signal))) …
 */
export async function* readBody(
  response: UpstreamResponse,
  upstream: string,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const { message } = response;
  const onAbort = () => message.destroy(signal.reason as Error);
  signal.addEventListener('abort', onAbort, { once: true });
  let failed = false;
  try {
    try {
      for await (const chunk of message.iterator({ destroyOnReturn: false }))
        yield chunk as Uint8Array;
    } catch (cause) {
      failed = true;
      if (signal.aborted) throw signal.reason;
      throw droppedError(upstream, cause);
    }
    if (signal.aborted) throw signal.reason;
    // A body cut short of its content-length, or a chunked body without its last chunk.
    if (!message.complete) {
      failed = true;
      throw droppedError(upstream, undefined);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (!message.complete && !message.destroyed) {
      if (failed || signal.aborted) message.destroy();
      else drain(message);
    }
  }
}

function drain(message: IncomingMessage): void {
  const timer = setTimeout(() => message.destroy(), 1_000);
  timer.unref();
  message.once('close', () => clearTimeout(timer));
  message.on('error', () => undefined);
  message.resume();
}

function droppedError(upstream: string, cause: unknown): UpstreamError {
  return new UpstreamError({
    upstream,
    failure: 'dropped',
    message: `Upstream "${upstream}" dropped the connection mid-answer.`,
    ...(cause === undefined ? {} : { cause }),
  });
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
