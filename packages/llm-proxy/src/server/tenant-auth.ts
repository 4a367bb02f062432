import { createMiddleware } from 'hono/factory';
import type { TenantConfig } from '../config/proxy-config-schema.js';
import { hashApiKey } from '../hash-api-key.js';
import { openAIError } from './openai-error.js';
import type { ProxyEnv } from './proxy-env.js';

/**
 * Options of {@link tenantAuth}.
 *
 * @example
 * const options: TenantAuthOptions = { tenants: config.tenants }
 */
export interface TenantAuthOptions {
  tenants: readonly TenantConfig[];
}

/**
 * Authenticates `Authorization: Bearer <key>`: the key is hashed (`hashApiKey`) and looked up
 * among the tenants' `keyHash`; the tenant is set as `c.var.tenant`. No key, or an unknown one,
 * is a 401 that never repeats the key.
 *
 * @example
 * app.use('/v1/*', tenantAuth({ tenants: config.tenants }))
 */
export function tenantAuth(options: TenantAuthOptions) {
  const byHash = new Map(options.tenants.map((tenant) => [tenant.keyHash, tenant]));
  return createMiddleware<ProxyEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const tenant = match?.[1] === undefined ? undefined : byHash.get(hashApiKey(match[1]));
    if (!tenant) {
      throw openAIError(401, {
        message: match
          ? 'Invalid API key.'
          : 'Missing API key: send "Authorization: Bearer <key>".',
        type: 'authentication_error',
        code: 'invalid_api_key',
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    c.set('tenant', tenant);
    c.get('record').tenant = tenant;
    await next();
  });
}
