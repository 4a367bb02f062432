import type { ProxyConfig } from '../config/proxy-config-schema.js';
import type { ProxyStore } from '../state/proxy-store.js';

/**
 * Opens the store a configuration names: SQLite (one process) or Redis (several). Each is
 * imported on use, so a SQLite deployment never loads the Redis client.
 *
 * @example
 * const store = await openConfiguredStore(config.state)
 */
export async function openConfiguredStore(state: ProxyConfig['state']): Promise<ProxyStore> {
  if (state.kind === 'sqlite') {
    const { openSqliteStore } = await import('../state/sqlite-store.js');
    return openSqliteStore({ path: state.path, synchronous: state.synchronous });
  }
  const { openRedisStore } = await import('../state/redis-store.js');
  return openRedisStore({ url: state.url });
}
