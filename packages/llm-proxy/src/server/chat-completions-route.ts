import { randomUUID } from 'node:crypto';
import { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Handler } from 'hono';
import type { ProxyConfig } from '../config/proxy-config-schema.js';
import type { ProxyStore, Reservation } from '../state/proxy-store.js';
import type { ChatUpstream, FinishReason, UpstreamEvent } from '../upstreams/chat-upstream.js';
import { estimateTokens, tokenCost } from './accounting.js';
import {
  chatCompletion,
  completionChunk,
  completionUsage,
  type CompletionIdentity,
} from './completion-chunks.js';
import { openUpstreamStream, type UpstreamStream } from './open-upstream-stream.js';
import { openAIError } from './openai-error.js';
import { prepareChatRequest, type PreparedChatRequest } from './prepare-chat-request.js';
import type { ProxyEnv } from './proxy-env.js';
import type { ProxyLogger } from './proxy-logger.js';
import type { Redactor } from './redactor.js';
import { errorName, finishRequest, type RequestRecord } from './request-record.js';
import { corsHeadersFor } from './tenant-cors.js';
import { streamFailureOutcome, upstreamFailure } from './upstream-failure.js';

/**
 * What the chat completions route needs.
 *
 * @example
 * app.post('/v1/chat/completions', chatCompletionsRoute({ config, store, upstreams, redactor, logger, clock }))
 */
export interface ChatCompletionsRouteOptions {
  config: ProxyConfig;
  store: ProxyStore;
  upstreams: ReadonlyMap<string, ChatUpstream>;
  redactor: Redactor;
  logger: ProxyLogger;
  clock: () => number;
  /** Waits between retries. @default setTimeout */
  sleep?: (milliseconds: number) => Promise<void>;
}

/**
 * `POST /v1/chat/completions`: check and redact ({@link prepareChatRequest}), admit (reserve
 * the prompt estimate + max tokens and their cost; 429 with `Retry-After` and the limit when
 * refused; 503 when the store is down), call the upstream (retried only before its first event),
 * then answer: a `chat.completion` JSON, or an SSE stream of `chat.completion.chunk`s ending in
 * `data: [DONE]` (a failure mid-stream is a `data: {"error":…}` event, then the end). The
 * reservation is settled with the upstream's usage (or an estimate from the text) whatever
 * happened, and the request is audited once.
 *
 * @example
 * app.post('/v1/chat/completions', chatCompletionsRoute(options))
 */
export function chatCompletionsRoute(options: ChatCompletionsRouteOptions): Handler<ProxyEnv> {
  const { store, logger, clock } = options;
  return async (c) => {
    const record = c.get('record');
    const tenant = c.get('tenant');
    record.audit = true;
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw openAIError(400, {
        message: 'The request body is not valid JSON.',
        type: 'invalid_request_error',
        code: 'invalid_json',
      });
    }
    const prepared = await prepareChatRequest(body, {
      config: options.config,
      tenant,
      redactor: options.redactor,
      record,
    });
    const reservation = await admit(prepared, record, options);
    const spent = {
      text: '',
      usage: undefined as { promptTokens: number; completionTokens: number } | undefined,
      began: false,
    };
    const settle = async () => {
      const tokensIn = spent.usage?.promptTokens ?? (spent.began ? prepared.promptTokens : 0);
      const tokensOut = spent.usage?.completionTokens ?? estimateTokens(spent.text);
      record.tokensIn = tokensIn;
      record.tokensOut = tokensOut;
      record.cost = tokenCost(prepared.model, tokensIn, tokensOut);
      await store
        .settle(reservation, { tokensIn, tokensOut, cost: record.cost })
        .catch((error: unknown) => {
          logger.log({
            level: 'error',
            event: 'settle-failed',
            requestId: record.requestId,
            message: errorName(error),
          });
        });
    };
    const upstream = options.upstreams.get(prepared.upstream.name) as ChatUpstream;
    let opened: UpstreamStream;
    try {
      opened = await openUpstreamStream(upstream, prepared.request, {
        timeoutMs: prepared.upstream.timeoutMs,
        retries: prepared.upstream.retries,
        signal: record.controller.signal,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        onRetry: (error, attempt) =>
          logger.log({
            level: 'warn',
            event: 'upstream-retry',
            requestId: record.requestId,
            message: `attempt ${attempt + 1} after ${error.failure}${error.status ? ` ${error.status}` : ''}`,
          }),
      });
    } catch (error) {
      await settle();
      throw upstreamFailure(error, record);
    }
    spent.began = true;
    const identity: CompletionIdentity = {
      id: `chatcmpl-${randomUUID()}`,
      created: Math.floor(clock() / 1000),
      model: prepared.model.id,
    };
    let finishReason: FinishReason = 'stop';
    const consume = (event: UpstreamEvent) => {
      if (event.type === 'text') spent.text += event.text;
      else if (event.type === 'finish') finishReason = event.reason;
      else
        spent.usage = {
          promptTokens: event.promptTokens,
          completionTokens: event.completionTokens,
        };
    };
    const usage = () =>
      completionUsage(
        spent.usage?.promptTokens ?? prepared.promptTokens,
        spent.usage?.completionTokens ?? estimateTokens(spent.text),
      );

    if (!prepared.stream) {
      try {
        await forEachEvent(opened, consume);
      } catch (error) {
        await settle();
        throw upstreamFailure(error, record);
      }
      await settle();
      record.outcome = 'ok';
      return c.json(chatCompletion(identity, { text: spent.text, finishReason, usage: usage() }));
    }

    record.deferred = true;
    const chunkOptions = { includeUsage: prepared.includeUsage };
    // The SSE frames of the answer, produced as the client reads them: one pull of the body is
    // one upstream event (no writer, transform or second stream between the upstream and the
    // socket: bench (o) measured them as a third of the proxy's CPU per streamed chunk).
    let clientLeft = false;
    async function* frames(): AsyncGenerator<string> {
      const frame = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
      try {
        yield frame(
          completionChunk(identity, { delta: { role: 'assistant', content: '' } }, chunkOptions),
        );
        for await (const event of opened.events) {
          consume(event);
          if (event.type === 'text')
            yield frame(
              completionChunk(identity, { delta: { content: event.text } }, chunkOptions),
            );
        }
        const tail = [frame(completionChunk(identity, { finishReason }, chunkOptions))];
        if (prepared.includeUsage)
          tail.push(frame(completionChunk(identity, { usage: usage() }, chunkOptions)));
        tail.push('data: [DONE]\n\n');
        record.outcome = 'ok';
        yield tail.join('');
      } catch (error) {
        record.outcome = clientLeft ? 'client-aborted' : streamFailureOutcome(error, record);
        if (record.outcome !== 'client-aborted') {
          const message =
            record.outcome === 'shutdown'
              ? 'The proxy is shutting down.'
              : `The upstream stream ended early (${record.outcome}).`;
          yield frame({
            error: {
              message,
              type: 'api_error',
              param: null,
              code: record.outcome.replace(/-/g, '_'),
            },
          });
        }
      } finally {
        if (clientLeft) {
          record.outcome = 'client-aborted';
          record.status = 499;
        }
        await settle();
        await finishRequest(record, 200, { store, logger, now: clock() });
        record.bodyEnded = true;
        record.onBodyEnd?.();
      }
    }
    const sseHeaders = {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    };
    const clientGone = async () => {
      clientLeft = true;
      abortByClient(record);
      await pending.return(undefined);
    };
    const pending = frames();
    const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
    if (outgoing instanceof ServerResponse) {
      // On @hono/node-server the frames go straight to the socket: no web stream between (bench
      // (o): its pull and read promises were a tenth of the proxy's CPU with 1,000 open streams).
      outgoing.writeHead(200, {
        ...sseHeaders,
        'x-request-id': record.requestId,
        ...corsHeadersFor(c.req.header('origin'), tenant.corsOrigins),
      });
      void writeFrames(pending, outgoing, clientGone);
      // @hono/node-server's marker (one shared response): it leaves the written answer alone.
      return RESPONSE_ALREADY_SENT;
    }
    const encoder = new TextEncoder();
    const sseBody = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const next = await pending.next();
          if (clientLeft) return; // cancelled while this frame was on its way
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
        cancel: clientGone,
      },
      { highWaterMark: 0 },
    );
    return c.body(sseBody, 200, sseHeaders);
  };
}

/**
 * Writes each frame to the response as the socket takes it (the next frame is asked for once
 * the last one is written or drained: a slow client holds the upstream back, as a stream's
 * reader does), then ends it. A response closed before its end is a client that left.
 */
async function writeFrames(
  frames: AsyncGenerator<string>,
  outgoing: ServerResponse,
  clientGone: () => Promise<void>,
): Promise<void> {
  let ended = false;
  const left = new Promise<void>((resolve) =>
    outgoing.once('close', () => {
      if (!ended) void clientGone();
      resolve();
    }),
  );
  outgoing.on('error', () => undefined); // a reset socket: 'close' follows
  for (let next = await frames.next(); !next.done; next = await frames.next()) {
    if (outgoing.destroyed) return;
    if (!outgoing.write(next.value))
      await Promise.race([new Promise((resolve) => outgoing.once('drain', resolve)), left]);
  }
  ended = true;
  if (!outgoing.destroyed) outgoing.end();
}

async function forEachEvent(
  stream: UpstreamStream,
  each: (event: UpstreamEvent) => void | Promise<void>,
): Promise<void> {
  for await (const event of stream.events) await each(event);
}

function abortByClient(record: RequestRecord): void {
  if (record.controller.signal.aborted) return;
  record.abortedBy ??= 'client';
  record.controller.abort(new DOMException('The client disconnected.', 'AbortError'));
}

async function admit(
  prepared: PreparedChatRequest,
  record: RequestRecord,
  options: ChatCompletionsRouteOptions,
): Promise<Reservation> {
  const tenant = record.tenant as NonNullable<RequestRecord['tenant']>;
  const tokens = prepared.promptTokens + prepared.request.maxTokens;
  let decision;
  try {
    decision = await options.store.admit({
      tenantId: tenant.id,
      tokens,
      cost: tokenCost(prepared.model, prepared.promptTokens, prepared.request.maxTokens),
      limits: tenant.limits,
      now: options.clock(),
    });
  } catch (error) {
    record.outcome = 'store-unavailable';
    options.logger.log({
      level: 'error',
      event: 'store-error',
      requestId: record.requestId,
      message: errorName(error),
    });
    throw openAIError(503, {
      message: 'The proxy cannot check limits right now; retry later.',
      type: 'api_error',
      code: 'store_unavailable',
      headers: { 'retry-after': '1' },
    });
  }
  if (decision.admitted) return decision.reservation;
  const rate = decision.limit === 'requestsPerMinute' || decision.limit === 'tokensPerMinute';
  record.outcome = rate ? 'rate-limited' : 'over-budget';
  throw openAIError(429, {
    message: `Limit ${decision.limit} reached for this API key; retry after ${decision.retryAfterSeconds} s.`,
    type: rate ? 'rate_limit_error' : 'insufficient_quota',
    code: decision.limit,
    headers: { 'retry-after': String(decision.retryAfterSeconds) },
  });
}
