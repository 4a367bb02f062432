import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ProxyConfigError } from '../errors/proxy-config-error.js';
import { firstIssue } from './issue-path.js';
import { proxyConfigSchema, type ProxyConfig } from './proxy-config-schema.js';

/**
 * Validates a configuration object: the schema (every field, unknown fields refused so typos
 * show), then what the schema cannot see: unique tenant ids, key hashes, model ids and upstream
 * names; each model's upstream exists; each tenant's models exist (or are `*`). Relative paths
 * (`state.path`, a local upstream's `modelFolder`) are resolved from `baseDirectory`.
 *
 * @throws {ProxyConfigError} naming the first bad field (`tenants[1].limits.dailyTokens: …`).
 * @example
 * const config = parseProxyConfig(JSON.parse(text), { baseDirectory: '/etc/ondevice' })
 */
export function parseProxyConfig(
  input: unknown,
  options: { baseDirectory?: string } = {},
): ProxyConfig {
  const result = proxyConfigSchema.safeParse(input);
  if (!result.success) {
    const { path, message } = firstIssue(result.error.issues);
    throw new ProxyConfigError({ field: path, message: `Invalid proxy config: ${message}` });
  }
  const config = result.data;
  unique(
    config.tenants.map((tenant) => tenant.id),
    'tenants',
    'id',
  );
  unique(
    config.tenants.map((tenant) => tenant.keyHash),
    'tenants',
    'keyHash',
  );
  unique(
    config.models.map((model) => model.id),
    'models',
    'id',
  );
  unique(
    config.upstreams.map((upstream) => upstream.name),
    'upstreams',
    'name',
  );
  const upstreamNames = config.upstreams.map((upstream) => upstream.name);
  config.models.forEach((model, index) => {
    if (!upstreamNames.includes(model.upstream)) {
      fail(
        `models[${index}].upstream`,
        `"${model.upstream}" is not an upstream (${upstreamNames.join(', ')})`,
      );
    }
  });
  const modelIds = config.models.map((model) => model.id);
  config.tenants.forEach((tenant, tenantIndex) => {
    tenant.models.forEach((id, index) => {
      if (id !== '*' && !modelIds.includes(id)) {
        fail(
          `tenants[${tenantIndex}].models[${index}]`,
          `"${id}" is not a model (${modelIds.join(', ')}) nor "*"`,
        );
      }
    });
  });
  const base = options.baseDirectory ?? process.cwd();
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(base, path));
  return {
    ...config,
    state:
      config.state.kind === 'sqlite' && config.state.path !== ':memory:'
        ? { ...config.state, path: absolute(config.state.path) }
        : config.state,
    upstreams: config.upstreams.map((upstream) =>
      upstream.kind === 'local'
        ? { ...upstream, modelFolder: absolute(upstream.modelFolder) }
        : upstream,
    ),
  };
}

/**
 * Reads and validates `proxy.config.json`; relative paths in it are taken from its folder.
 *
 * @throws {ProxyConfigError} when the file cannot be read, is not JSON, or is invalid.
 * @example
 * const config = await loadProxyConfig('proxy.config.json')
 */
export async function loadProxyConfig(path: string): Promise<ProxyConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ProxyConfigError({
      field: '',
      message: `Cannot read the proxy config ${path}.`,
      cause,
    });
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (cause) {
    throw new ProxyConfigError({
      field: '',
      message: `The proxy config ${path} is not valid JSON: ${(cause as Error).message}`,
      cause,
    });
  }
  return parseProxyConfig(input, { baseDirectory: dirname(resolve(path)) });
}

function unique(values: readonly string[], list: string, field: string): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    // A repeated key hash is reported without its value: it identifies a key.
    if (seen.has(value))
      fail(
        `${list}[${index}].${field}`,
        field === 'keyHash' ? 'is used by another tenant' : `"${value}" is used twice`,
      );
    seen.add(value);
  });
}

function fail(field: string, message: string): never {
  throw new ProxyConfigError({ field, message: `Invalid proxy config: ${field}: ${message}` });
}
