import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseProxyConfig } from '../config/parse-proxy-config.js';
import type { ProxyConfig } from '../config/proxy-config-schema.js';
import { hashApiKey } from '../hash-api-key.js';

/** The API key of `--dev`: printed at start; for a laptop, never a deployment. */
export const devApiKey = 'ondevice-dev';

/** The model id `--dev` exposes. */
export const devModelId = 'local';

/**
 * The zero-config setup of `ondevice-proxy --dev`: one tenant (`dev`, key {@link devApiKey},
 * every model, 256 tokens per request (small local models have short contexts), no limits, every PII type masked), one model `local`
 * on the `local` upstream (the folder given), and a SQLite file in a new temporary folder.
 *
 * @example
 * const config = await devConfig({ modelFolder: '../shared/models/converted/llama2.c-stories260K', port: 8787 })
 */
export async function devConfig(options: {
  modelFolder: string;
  port: number;
  host?: string;
}): Promise<ProxyConfig> {
  const folder = await mkdtemp(join(tmpdir(), 'ondevice-proxy-dev-'));
  return parseProxyConfig({
    tenants: [
      { id: 'dev', keyHash: hashApiKey(devApiKey), models: ['*'], maxTokensPerRequest: 256 },
    ],
    models: [{ id: devModelId, upstream: 'local', upstreamModel: 'local' }],
    upstreams: [{ name: 'local', kind: 'local', modelFolder: resolve(options.modelFolder) }],
    state: { kind: 'sqlite', path: join(folder, 'proxy.db') },
    server: { port: options.port, host: options.host ?? '127.0.0.1' },
  });
}
