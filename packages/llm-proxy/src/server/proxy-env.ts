import type { TenantConfig } from '../config/proxy-config-schema.js';
import type { RequestRecord } from './request-record.js';

/**
 * The Hono environment of the proxy's app: the record of the request, and its tenant once
 * authenticated.
 *
 * @example
 * const app = new Hono<ProxyEnv>()
 */
export interface ProxyEnv {
  Variables: {
    record: RequestRecord;
    tenant: TenantConfig;
  };
}
