import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createProxyApp, type ProxyAppOptions } from './create-proxy-app.js';
import { createJsonLogger } from './proxy-logger.js';
import { errorName } from './request-record.js';
import { createThreadRedactor } from './thread-redactor.js';

/**
 * Options of {@link startProxy}: those of the app, and where to listen.
 *
 * @example
 * const options: StartProxyOptions = { config, store, upstreams, redactor, port: 0 }
 */
export interface StartProxyOptions extends ProxyAppOptions {
  /** @default config.server.port (0: any free port) */
  port?: number;
  /** @default config.server.host (127.0.0.1) */
  host?: string;
}

/**
 * A listening proxy.
 *
 * @example
 * const proxy = await startProxy(options); console.log(proxy.url); await proxy.close()
 */
export interface RunningProxy {
  /** `http://host:port` (add `/v1` for an SDK's `baseURL`). */
  readonly url: string;
  readonly port: number;
  /** Requests still running. */
  readonly activeRequests: number;
  /**
   * Stops accepting connections, lets running requests (streams too) finish for up to
   * `drainMs`, aborts what is left, closes the upstreams (a local model) and the server. The
   * store is the caller's to close.
   */
  close(options?: { drainMs?: number }): Promise<void>;
}

/**
 * Starts the proxy with `@hono/node-server` and resolves once it listens.
 *
 * @example
 * const proxy = await startProxy({ config, store, upstreams: createUpstreams(config, secrets), redactor })
 * process.on('SIGTERM', () => void proxy.close({ drainMs: 10_000 }))
 */
export async function startProxy(options: StartProxyOptions): Promise<RunningProxy> {
  // Without a redactor of the caller's: core's redactPII in `server.redactionThreads` threads.
  const threads = options.config.server.redactionThreads;
  const logger = options.logger ?? createJsonLogger();
  const owned =
    options.redactor === undefined && threads > 0
      ? createThreadRedactor({
          threads,
          onThreadError: (error) =>
            logger.log({
              level: 'error',
              event: 'redaction-thread-failed',
              message: errorName(error),
            }),
        })
      : undefined;
  const proxy = createProxyApp({
    ...options,
    logger,
    ...(owned ? { redactor: owned.redactor } : {}),
  });
  const host = options.host ?? options.config.server.host;
  const clock = options.clock ?? Date.now;
  const { server, info } = await new Promise<{
    server: ReturnType<typeof serve>;
    info: AddressInfo;
  }>((resolve, reject) => {
    const server = serve(
      { fetch: proxy.fetch, port: options.port ?? options.config.server.port, hostname: host },
      (info) => resolve({ server, info }),
    );
    server.once('error', reject);
  });
  const httpServer = server as Server;
  const urlHost = info.address.includes(':') ? `[${info.address}]` : info.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${info.port}`,
    port: info.port,
    get activeRequests() {
      return proxy.activeRequests;
    },
    close({ drainMs = 10_000 } = {}) {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        await proxy.drain({ deadlineMs: clock() + drainMs });
        httpServer.closeAllConnections();
        await closed;
        await Promise.all([...options.upstreams.values()].map((upstream) => upstream.close?.()));
        await owned?.close();
      })();
      return closing;
    },
  };
}
