import { ProxyConfigError } from '../errors/proxy-config-error.js';
import type { ProxyConfig } from './proxy-config-schema.js';

/**
 * Each upstream's API key, read from the environment variable its `apiKeyEnv` names (keys never
 * live in the config file). Kept in this map and in the upstream that sends it, nowhere else.
 *
 * @example
 * const secrets: UpstreamSecrets = new Map([['openai', process.env.OPENAI_API_KEY!]])
 */
export type UpstreamSecrets = ReadonlyMap<string, string>;

/**
 * Reads the upstreams' keys from `environment`. A variable that is named but unset (or empty) is
 * a startup error naming the variable and the upstream, never a value.
 *
 * @throws {ProxyConfigError} for the first missing variable.
 * @example
 * const secrets = readUpstreamSecrets(config, process.env)
 */
export function readUpstreamSecrets(
  config: ProxyConfig,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): UpstreamSecrets {
  const secrets = new Map<string, string>();
  config.upstreams.forEach((upstream, index) => {
    if (upstream.kind === 'local' || upstream.apiKeyEnv === undefined) return;
    const value = environment[upstream.apiKeyEnv];
    if (value === undefined || value === '') {
      throw new ProxyConfigError({
        field: `upstreams[${index}].apiKeyEnv`,
        message: `The environment variable ${upstream.apiKeyEnv} is not set: upstream "${upstream.name}" (upstreams[${index}].apiKeyEnv) reads its API key from it.`,
      });
    }
    secrets.set(upstream.name, value);
  });
  return secrets;
}
