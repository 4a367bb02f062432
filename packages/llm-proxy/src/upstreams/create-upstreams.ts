import type { ProxyConfig, UpstreamConfig } from '../config/proxy-config-schema.js';
import type { UpstreamSecrets } from '../config/upstream-secrets.js';
import { createAnthropicUpstream } from './anthropic-upstream.js';
import type { ChatUpstream } from './chat-upstream.js';
import { createLocalUpstream } from './local-upstream.js';
import { createOpenAIUpstream } from './openai-upstream.js';

type Factory<Kind extends UpstreamConfig['kind']> = (
  config: Extract<UpstreamConfig, { kind: Kind }>,
  apiKey: string | undefined,
) => ChatUpstream;

/**
 * How each upstream `kind` of the config is built: one entry per kind, so adding a provider is
 * a file of its own and a line here.
 *
 * @example
 * const upstream = upstreamFactories.openai(config, apiKey)
 */
export const upstreamFactories: { [Kind in UpstreamConfig['kind']]: Factory<Kind> } = {
  openai: (config, apiKey) =>
    createOpenAIUpstream({
      name: config.name,
      baseURL: config.baseURL,
      kind: 'openai',
      ...(apiKey === undefined ? {} : { apiKey }),
    }),
  'openai-compatible': (config, apiKey) =>
    createOpenAIUpstream({
      name: config.name,
      baseURL: config.baseURL,
      kind: 'openai-compatible',
      ...(apiKey === undefined ? {} : { apiKey }),
    }),
  anthropic: (config, apiKey) =>
    createAnthropicUpstream({ name: config.name, baseURL: config.baseURL, apiKey: apiKey ?? '' }),
  local: (config) => createLocalUpstream({ name: config.name, modelFolder: config.modelFolder }),
};

/**
 * The upstreams of a configuration, by name, with their keys from `secrets`
 * (see `readUpstreamSecrets`).
 *
 * @example
 * const upstreams = createUpstreams(config, readUpstreamSecrets(config, process.env))
 */
export function createUpstreams(
  config: ProxyConfig,
  secrets: UpstreamSecrets,
): Map<string, ChatUpstream> {
  const upstreams = new Map<string, ChatUpstream>();
  for (const upstream of config.upstreams) {
    const factory = upstreamFactories[upstream.kind] as Factory<typeof upstream.kind>;
    upstreams.set(upstream.name, factory(upstream as never, secrets.get(upstream.name)));
  }
  return upstreams;
}
