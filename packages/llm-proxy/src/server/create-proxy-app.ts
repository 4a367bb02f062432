import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { ProxyConfig } from '../config/proxy-config-schema.js';
import type { ProxyStore } from '../state/proxy-store.js';
import type { ChatUpstream } from '../upstreams/chat-upstream.js';
import { chatCompletionsRoute } from './chat-completions-route.js';
import { openAIError } from './openai-error.js';
import { coreRedactor } from './core-redactor.js';
import type { ProxyEnv } from './proxy-env.js';
import { createJsonLogger, type ProxyLogger } from './proxy-logger.js';
import type { Redactor } from './redactor.js';
import { errorName, finishRequest, type RequestRecord } from './request-record.js';
import { tenantAuth } from './tenant-auth.js';
import { tenantCors, tenantOriginCheck } from './tenant-cors.js';
import { tenantRoutes } from './tenant-routes.js';

/**
 * Options of {@link createProxyApp}.
 *
 * @example
 * const options: ProxyAppOptions = { config, store, upstreams, redactor }
 */
export interface ProxyAppOptions {
  config: ProxyConfig;
  store: ProxyStore;
  /** The upstreams by name (`createUpstreams(config, secrets)`); tests pass fakes. */
  upstreams: ReadonlyMap<string, ChatUpstream>;
  /** Redacts every message before it leaves. @default coreRedactor (`@ondevice/core`'s `redactPII`) */
  redactor?: Redactor;
  /** Milliseconds since the epoch. @default Date.now */
  clock?: () => number;
  /** @default JSON lines on stdout */
  logger?: ProxyLogger;
  /** Waits between upstream retries (tests pass a fast one). @default setTimeout */
  sleep?: (milliseconds: number) => Promise<void>;
}

/**
 * The proxy as a web-standard app (Hono): its `fetch`, and `drain` for a graceful shutdown.
 *
 * @example
 * const proxy = createProxyApp(options); await proxy.fetch(new Request('http://proxy/v1/models'))
 */
export interface ProxyApp {
  readonly app: Hono<ProxyEnv>;
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
  /** Requests still running (streams included). */
  readonly activeRequests: number;
  /**
   * Refuses new requests (503) and waits for the running ones to end; at `deadline` (ms since
   * the epoch, the proxy's clock) it aborts those left (a stream gets an error event).
   */
  drain(options: { deadlineMs: number }): Promise<void>;
}

/**
 * Builds the proxy's app: CORS (preflight before authentication), a request record and log
 * line per request, `Authorization: Bearer` tenant authentication, then
 * `POST /v1/chat/completions` (body limited to `server.bodyLimitBytes`, 413 above),
 * `GET /v1/models`, `GET /v1/usage` and `GET /v1/audit` (the caller's tenant only). Every error
 * is an OpenAI-style JSON body; no answer, header or log line carries an API key.
 *
 * @example
 * const proxy = createProxyApp({ config, store, upstreams: createUpstreams(config, secrets), redactor })
 * serve({ fetch: proxy.fetch, port: 8787 })
 */
export function createProxyApp(options: ProxyAppOptions): ProxyApp {
  const { config, store } = options;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? createJsonLogger();
  const running = new Set<RequestRecord>();
  const idle: (() => void)[] = [];
  let draining = false;
  const app = new Hono<ProxyEnv>();

  const release = (record: RequestRecord) => {
    running.delete(record);
    if (running.size === 0) idle.splice(0).forEach((resolve) => resolve());
  };
  const recording = createMiddleware<ProxyEnv>(async (c, next) => {
    const url = new URL(c.req.url);
    const record: RequestRecord = {
      requestId: randomUUID(),
      startedAt: clock(),
      method: c.req.method,
      path: url.pathname,
      stream: false,
      redactions: {},
      tokensIn: 0,
      tokensOut: 0,
      cost: 0,
      audit: false,
      deferred: false,
      controller: new AbortController(),
    };
    c.set('record', record);
    if (draining) {
      throw openAIError(503, {
        message: 'The proxy is shutting down.',
        type: 'api_error',
        code: 'shutting_down',
        headers: { connection: 'close' },
      });
    }
    running.add(record);
    const clientSignal = c.req.raw.signal;
    const onClientAbort = () => {
      record.abortedBy ??= 'client';
      record.controller.abort(new DOMException('The client disconnected.', 'AbortError'));
    };
    clientSignal.addEventListener('abort', onClientAbort, { once: true });
    try {
      await next();
    } finally {
      c.res.headers.set('x-request-id', record.requestId);
      // Refused before its body was read (401, 403, 404…): the rest of the body is still on the
      // socket, so the connection is not reused.
      if (c.req.raw.body !== null && !c.req.raw.bodyUsed && c.res.status >= 400)
        c.res.headers.set('connection', 'close');
      if (!record.deferred) {
        clientSignal.removeEventListener('abort', onClientAbort);
        const finished = finishRequest(record, c.res.status, { store, logger, now: clock() });
        // A 503 means the store is down or hung: its audit write would only fail after the
        // store's timeout, so the answer does not wait for it (the failure is logged).
        if (c.res.status !== 503) await finished;
        else void finished.catch(() => undefined);
        release(record);
      }
    }
    if (record.deferred) {
      // A stream ends after this middleware: release it when its body is done or cancelled.
      const ended = () => {
        clientSignal.removeEventListener('abort', onClientAbort);
        release(record);
      };
      if (record.bodyEnded) ended();
      else record.onBodyEnd = ended;
    }
  });

  app.use('*', tenantCors({ tenants: config.tenants }), recording);
  app.use('/v1/*', tenantAuth({ tenants: config.tenants }), tenantOriginCheck());
  app.post(
    '/v1/chat/completions',
    bodyLimit({
      maxSize: config.server.bodyLimitBytes,
      onError: () => {
        throw openAIError(413, {
          message: `The request body is larger than ${config.server.bodyLimitBytes} bytes.`,
          type: 'invalid_request_error',
          code: 'request_too_large',
        });
      },
    }),
    chatCompletionsRoute({ ...options, redactor: options.redactor ?? coreRedactor, clock, logger }),
  );
  app.route('/v1', tenantRoutes({ config, store, clock }));
  app.notFound(() => {
    throw openAIError(404, {
      message: 'Unknown route.',
      type: 'invalid_request_error',
      code: 'unknown_route',
    });
  });
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    logger.log({
      level: 'error',
      event: 'internal-error',
      requestId: c.get('record')?.requestId,
      message: errorName(error),
    });
    return openAIError(500, {
      message: 'Internal proxy error.',
      type: 'server_error',
      code: 'internal_error',
    }).getResponse();
  });

  return {
    app,
    fetch: (request, env) => app.fetch(request, env),
    get activeRequests() {
      return running.size;
    },
    async drain({ deadlineMs }) {
      draining = true;
      if (running.size === 0) return;
      const allDone = new Promise<void>((resolve) => idle.push(resolve));
      const timer = setTimeout(
        () => {
          for (const record of running) {
            record.abortedBy ??= 'shutdown';
            record.controller.abort(new DOMException('The proxy is shutting down.', 'AbortError'));
          }
        },
        Math.max(0, deadlineMs - clock()),
      );
      // A stream whose client stopped reading cannot end by itself: give up a second after the
      // deadline (the server then closes every connection).
      const giveUp = new Promise<void>((resolve) =>
        setTimeout(resolve, Math.max(0, deadlineMs - clock()) + 1000).unref(),
      );
      await Promise.race([allDone, giveUp]);
      clearTimeout(timer);
    },
  };
}
