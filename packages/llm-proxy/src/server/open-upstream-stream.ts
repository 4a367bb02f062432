import { UpstreamError } from '../errors/upstream-error.js';
import type {
  ChatUpstream,
  UpstreamChatRequest,
  UpstreamEvent,
} from '../upstreams/chat-upstream.js';

/**
 * Options of {@link openUpstreamStream}.
 *
 * @example
 * const options: UpstreamCallOptions = { timeoutMs: 30_000, retries: 2, signal: request.signal }
 */
export interface UpstreamCallOptions {
  /** Longest wait for the first event, and then between two events (not while the client reads). */
  timeoutMs: number;
  /** Further attempts after a retryable failure, before the first event. */
  retries: number;
  /** Aborted when the client leaves or the proxy shuts down: stops the upstream at once. */
  signal: AbortSignal;
  /** Waits between attempts (tests pass a fast one). @default setTimeout */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Called before each retry, with the failure that caused it. */
  onRetry?: (error: UpstreamError, attempt: number) => void;
}

/**
 * An upstream answer that has begun: its events, the first already received.
 *
 * @example
 * for await (const event of stream.events) write(event)
 */
export interface UpstreamStream {
  events: AsyncIterable<UpstreamEvent>;
  /** Attempts made (1 when the first one answered). */
  attempts: number;
}

/**
 * Calls an upstream and waits for its first event, so that nothing has been sent to the client
 * yet when it fails: a retryable failure (no connection, HTTP 408/409/429/5xx) is tried again
 * after a jittered exponential backoff (full jitter on 250 ms × 2^attempt, at least the
 * upstream's `Retry-After` up to 10 s), at most `retries` times. A timeout is not retried (the
 * client has already waited `timeoutMs`). After the first event nothing is retried: a failure
 * surfaces from iterating `events`.
 *
 * Timeouts are per wait, not for the whole answer (a long answer streaming steadily is fine), and
 * the clock stops while the caller writes to a slow client.
 *
 * @throws {UpstreamError} the last failure; `failure: 'timeout'` when the upstream was too slow.
 * @throws the `signal`'s reason when it aborted.
 * @example
 * const { events } = await openUpstreamStream(upstream, request, { timeoutMs: 30_000, retries: 2, signal })
 */
export async function openUpstreamStream(
  upstream: ChatUpstream,
  request: UpstreamChatRequest,
  options: UpstreamCallOptions,
): Promise<UpstreamStream> {
  const sleep =
    options.sleep ??
    ((milliseconds) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  for (let attempt = 0; ; attempt++) {
    const call = startAttempt(upstream, request, options);
    try {
      const first = await call.next();
      return { events: call.rest(first), attempts: attempt + 1 };
    } catch (error) {
      call.cancel();
      if (options.signal.aborted) throw options.signal.reason;
      if (!UpstreamError.isInstance(error) || !error.retryable || attempt >= options.retries)
        throw error;
      options.onRetry?.(error, attempt + 1);
      const backoff = Math.random() * 250 * 2 ** attempt;
      await sleep(Math.max(backoff, Math.min(error.retryAfterSeconds ?? 0, 10) * 1000));
      if (options.signal.aborted) throw options.signal.reason;
    }
  }
}

function startAttempt(
  upstream: ChatUpstream,
  request: UpstreamChatRequest,
  options: UpstreamCallOptions,
) {
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal.reason);
  options.signal.addEventListener('abort', onAbort, { once: true });
  const iterator = upstream.chat(request, controller.signal)[Symbol.asyncIterator]();
  const cancel = (finished = false) => {
    clearTimer();
    options.signal.removeEventListener('abort', onAbort);
    if (!finished && !controller.signal.aborted)
      controller.abort(
        new UpstreamError({ upstream: upstream.name, failure: 'dropped', message: 'cancelled' }),
      );
    void iterator.return?.().catch(() => undefined);
  };
  // One wait for the next event, bounded by the timeout and by an abort (an upstream that does
  // not listen to its signal cannot hold the request). One abort listener serves every wait.
  let stop: ((reason: unknown) => void) | undefined;
  controller.signal.addEventListener('abort', () => stop?.(controller.signal.reason), {
    once: true,
  });
  let waiting = false;
  // One timer per call, re-armed at each wait (refresh), ignored while the caller holds an event.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = () => {
    if (!waiting) return;
    controller.abort(
      new UpstreamError({
        upstream: upstream.name,
        failure: 'timeout',
        message: `Upstream "${upstream.name}" did not answer within ${options.timeoutMs} ms.`,
      }),
    );
  };
  const next = async (): Promise<IteratorResult<UpstreamEvent>> => {
    if (controller.signal.aborted) throw controller.signal.reason;
    if (timer) timer.refresh();
    else timer = setTimeout(timeout, options.timeoutMs);
    waiting = true;
    try {
      return await new Promise<IteratorResult<UpstreamEvent>>((resolve, reject) => {
        stop = reject;
        iterator.next().then(resolve, reject);
      });
    } finally {
      waiting = false;
      stop = undefined;
    }
  };
  const clearTimer = () => clearTimeout(timer);
  async function* rest(first: IteratorResult<UpstreamEvent>): AsyncGenerator<UpstreamEvent> {
    let finished = false;
    try {
      let result = first;
      while (!result.done) {
        yield result.value;
        result = await next();
      }
      finished = true;
    } catch (error) {
      throw controller.signal.aborted && !options.signal.aborted ? controller.signal.reason : error;
    } finally {
      cancel(finished);
    }
  }
  return { next, rest, cancel };
}
