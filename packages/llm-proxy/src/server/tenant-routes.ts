import { Hono } from 'hono';
import type { ProxyConfig } from '../config/proxy-config-schema.js';
import type { ProxyStore } from '../state/proxy-store.js';
import { openAIError } from './openai-error.js';
import type { ProxyEnv } from './proxy-env.js';
import { errorName } from './request-record.js';

/**
 * The read-only routes of an authenticated tenant, each answering for the caller's own tenant
 * only (there is no tenant parameter to change):
 * - `GET /models` and `GET /models/:id`: the models its key may call, as OpenAI lists them (another
 *   tenant's model is "not found", like an unknown one);
 * - `GET /usage`: its use this minute, day and month, and its limits (`store.usage`);
 * - `GET /audit?limit=n`: its latest audit records, newest first (at most 1,000).
 *
 * @example
 * app.route('/v1', tenantRoutes({ config, store, clock: Date.now }))
 */
export function tenantRoutes(options: {
  config: ProxyConfig;
  store: ProxyStore;
  clock: () => number;
}): Hono<ProxyEnv> {
  const { config, store } = options;
  const routes = new Hono<ProxyEnv>();
  const unavailable = (error: unknown, requestId: string) =>
    openAIError(503, {
      message: `The proxy's state store is unavailable; retry later. (request ${requestId}, ${errorName(error)})`,
      type: 'api_error',
      code: 'store_unavailable',
      headers: { 'retry-after': '1' },
    });

  routes.get('/models', (c) => {
    const tenant = c.get('tenant');
    const allowed = config.models.filter(
      (model) => tenant.models.includes('*') || tenant.models.includes(model.id),
    );
    return c.json({
      object: 'list',
      data: allowed.map((model) => ({
        id: model.id,
        object: 'model',
        created: 0,
        owned_by: 'ondevice-proxy',
      })),
    });
  });

  routes.get('/models/:id', (c) => {
    const tenant = c.get('tenant');
    const id = c.req.param('id');
    const model = config.models.find((candidate) => candidate.id === id);
    if (!model || !(tenant.models.includes('*') || tenant.models.includes(model.id))) {
      throw openAIError(404, {
        message: `The model \`${id}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        code: 'model_not_found',
        param: 'model',
      });
    }
    return c.json({ id: model.id, object: 'model', created: 0, owned_by: 'ondevice-proxy' });
  });

  routes.get('/usage', async (c) => {
    const tenant = c.get('tenant');
    try {
      return c.json(await store.usage(tenant.id, tenant.limits, options.clock()));
    } catch (error) {
      throw unavailable(error, c.get('record').requestId);
    }
  });

  routes.get('/audit', async (c) => {
    const tenant = c.get('tenant');
    const limit = Math.min(
      Math.max(Number.parseInt(c.req.query('limit') ?? '100', 10) || 100, 1),
      1000,
    );
    try {
      return c.json({ object: 'list', data: await store.auditRecords(tenant.id, { limit }) });
    } catch (error) {
      throw unavailable(error, c.get('record').requestId);
    }
  });
  return routes;
}
