import { createMiddleware } from 'hono/factory';
import type { TenantConfig } from '../config/proxy-config-schema.js';
import { openAIError } from './openai-error.js';
import type { ProxyEnv } from './proxy-env.js';

/**
 * Options of {@link tenantCors}.
 *
 * @example
 * const options: TenantCorsOptions = { tenants: config.tenants }
 */
export interface TenantCorsOptions {
  tenants: readonly TenantConfig[];
  /** @default 600 */
  maxAgeSeconds?: number;
}

/**
 * CORS by tenant. A preflight (`OPTIONS`) carries no key, so it is answered before
 * authentication, for an origin that any tenant lists in `corsOrigins`. The actual request is
 * checked against its own tenant's list once authenticated: an `Origin` the tenant does not list
 * is refused with 403 before anything is spent, and an allowed one gets
 * `Access-Control-Allow-Origin` on every answer, errors included, so the page can read them.
 *
 * @example
 * app.use('*', tenantCors({ tenants: config.tenants }))
 */
export function tenantCors(options: TenantCorsOptions) {
  const anyTenant = new Set(options.tenants.flatMap((tenant) => tenant.corsOrigins));
  const maxAge = String(options.maxAgeSeconds ?? 600);
  return createMiddleware<ProxyEnv>(async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (origin === undefined || !anyTenant.has(origin)) {
        throw openAIError(403, {
          message:
            origin === undefined
              ? 'A CORS preflight needs an Origin header.'
              : `Origin ${origin} is not allowed by any tenant of this proxy.`,
          type: 'permission_error',
          code: 'origin_not_allowed',
        });
      }
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers':
          c.req.header('access-control-request-headers') ?? 'authorization, content-type',
        'access-control-max-age': maxAge,
        vary: 'Origin',
      });
    }
    await next();
    if (origin === undefined) return;
    const tenant = c.get('tenant') as TenantConfig | undefined;
    // Before authentication (a 401), any tenant's origin may read the error.
    const allowed = tenant ? tenant.corsOrigins.includes(origin) : anyTenant.has(origin);
    if (allowed) {
      for (const [name, value] of Object.entries(corsHeadersFor(origin, [origin])))
        if (name === 'vary') c.res.headers.append(name, value);
        else c.res.headers.set(name, value);
    }
  });
}

/**
 * The CORS headers of an answer to `origin` when `allowedOrigins` holds it (none otherwise):
 * what {@link tenantCors} adds after the handler, for a handler that writes its head itself.
 *
 * @example
 * corsHeadersFor('https://app.example.com', tenant.corsOrigins) // { 'access-control-allow-origin': …, … }
 */
export function corsHeadersFor(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): Record<string, string> {
  if (origin === undefined || !allowedOrigins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'retry-after, x-request-id',
    vary: 'Origin',
  };
}

/**
 * Refuses a request whose `Origin` the authenticated tenant does not list (403). Requests
 * without `Origin` (servers, SDKs in Node) pass.
 *
 * @example
 * app.use('/v1/*', tenantAuth(options), tenantOriginCheck())
 */
export function tenantOriginCheck() {
  return createMiddleware<ProxyEnv>(async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !c.get('tenant').corsOrigins.includes(origin)) {
      throw openAIError(403, {
        message: `Origin ${origin} is not allowed for this API key.`,
        type: 'permission_error',
        code: 'origin_not_allowed',
      });
    }
    await next();
  });
}
