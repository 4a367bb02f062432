import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadProxyConfig } from '../config/parse-proxy-config.js';
import type { ProxyConfig } from '../config/proxy-config-schema.js';
import { readUpstreamSecrets } from '../config/upstream-secrets.js';
import { ProxyConfigError } from '../errors/proxy-config-error.js';
import { hashApiKey } from '../hash-api-key.js';
import { createJsonLogger } from '../server/proxy-logger.js';
import { startProxy, type RunningProxy } from '../server/start-proxy.js';
import { createUpstreams } from '../upstreams/create-upstreams.js';
import { devApiKey, devConfig, devModelId } from './dev-config.js';
import { openConfiguredStore } from './open-store.js';

/**
 * Where the CLI writes, and the environment it reads upstream keys from (tests pass their own).
 *
 * @example
 * const io: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), environment: process.env }
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  environment: Readonly<Record<string, string | undefined>>;
}

/**
 * What a command left running (the server), or its exit code.
 *
 * @example
 * const outcome = await runCli(['hash-key', 'secret'], io) // { exitCode: 0 }
 */
export type CliOutcome = { exitCode: number } | { server: RunningProxy; stop(): Promise<void> };

/** The help text. */
export const usage = `Usage:
  ondevice-proxy --config proxy.config.json       start the proxy
  ondevice-proxy --dev --model <folder> [--port n] zero-config local start (key ${devApiKey})
  ondevice-proxy hash-key <key>                    print the keyHash of a key (or "-": read it from stdin)
  ondevice-proxy audit verify --config <file>      check the audit chain (exit 1 when broken)
`;

/**
 * Runs `ondevice-proxy` with `args` (without `node` and the script). Usage errors exit with 2,
 * configuration and verification failures with 1; a started server is returned with its `stop`.
 *
 * @example
 * const outcome = await runCli(process.argv.slice(2), { stdout, stderr, environment: process.env })
 */
export async function runCli(
  args: readonly string[],
  io: CliIo,
  stdin?: () => Promise<string>,
): Promise<CliOutcome> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        dev: { type: 'boolean' },
        model: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${usage}`);
    return { exitCode: 2 };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return { exitCode: 0 };
  }
  try {
    if (positionals[0] === 'hash-key') {
      const key =
        positionals[1] === '-' || positionals[1] === undefined
          ? (await stdin?.())?.trim()
          : positionals[1];
      if (!key) return usageError(io, 'hash-key needs a key (or "-" to read it from stdin).');
      io.stdout(`${hashApiKey(key)}\n`);
      return { exitCode: 0 };
    }
    if (positionals[0] === 'audit' && positionals[1] === 'verify') {
      if (values.config === undefined) return usageError(io, 'audit verify needs --config <file>.');
      return { exitCode: await verifyAudit(await loadProxyConfig(values.config), io) };
    }
    if (positionals.length > 0) return usageError(io, `Unknown command: ${positionals.join(' ')}`);
    if (values.dev) return await startDev(values, io);
    if (values.config === undefined)
      return usageError(io, 'Give --config <file>, or --dev --model <folder>.');
    const config = await loadProxyConfig(values.config);
    const port = values.port === undefined ? undefined : parsePort(values.port);
    if (port === null)
      return usageError(io, `--port must be an integer from 0 to 65535; got "${values.port}".`);
    return await serve(config, io, {
      ...(port === undefined ? {} : { port }),
      ...(values.host ? { host: values.host } : {}),
    });
  } catch (error) {
    if (ProxyConfigError.isInstance(error)) {
      io.stderr(`${error.message}\n`);
      return { exitCode: 1 };
    }
    throw error;
  }
}

async function startDev(
  values: { model?: string; port?: string; host?: string },
  io: CliIo,
): Promise<CliOutcome> {
  if (values.model === undefined)
    return usageError(
      io,
      '--dev needs --model <folder>: a Transformers.js text-generation model folder.',
    );
  if (!existsSync(values.model) || !statSync(values.model).isDirectory()) {
    io.stderr(`--model ${values.model}: no such folder.\n`);
    return { exitCode: 1 };
  }
  const port = parsePort(values.port ?? '8787');
  if (port === null)
    return usageError(io, `--port must be an integer from 0 to 65535; got "${values.port}".`);
  const config = await devConfig({
    modelFolder: values.model,
    port,
    ...(values.host ? { host: values.host } : {}),
  });
  const outcome = await serve(config, io, {});
  if ('server' in outcome) {
    const base = `${outcome.server.url}/v1`;
    io.stdout(
      [
        `ondevice-proxy (dev) listening on ${base}`,
        `  API key: ${devApiKey}   model: ${devModelId}   state: ${config.state.kind === 'sqlite' ? config.state.path : ''}`,
        `  curl ${base}/chat/completions -H "Authorization: Bearer ${devApiKey}" -H "Content-Type: application/json" \\`,
        `    -d '{"model":"${devModelId}","messages":[{"role":"user","content":"Once upon a time"}],"max_tokens":40}'`,
        '',
      ].join('\n'),
    );
  }
  return outcome;
}

async function serve(
  config: ProxyConfig,
  io: CliIo,
  listen: { port?: number; host?: string },
): Promise<CliOutcome> {
  const upstreams = createUpstreams(config, readUpstreamSecrets(config, io.environment));
  const store = await openConfiguredStore(config.state);
  const server = await startProxy({
    config,
    store,
    upstreams,
    logger: createJsonLogger(io.stdout),
    ...listen,
  });
  if (!config.tenants.some((tenant) => tenant.id === 'dev'))
    io.stdout(`ondevice-proxy listening on ${server.url}/v1\n`);
  return {
    server,
    stop: async () => {
      await server.close({ drainMs: 10_000 });
      await store.close();
    },
  };
}

async function verifyAudit(config: ProxyConfig, io: CliIo): Promise<number> {
  const store = await openConfiguredStore(config.state);
  try {
    const result = await store.verifyAudit();
    if (result.ok) {
      io.stdout(`Audit chain intact: ${result.records} records.\n`);
      return 0;
    }
    io.stdout(
      `Audit chain broken at record ${result.sequence} (of ${result.records}): ${result.reason}\n`,
    );
    return 1;
  } finally {
    await store.close();
  }
}

function parsePort(text: string): number | null {
  const port = Number(text);
  return /^\d+$/.test(text) && port <= 65_535 ? port : null;
}

function usageError(io: CliIo, message: string): CliOutcome {
  io.stderr(`${message}\n\n${usage}`);
  return { exitCode: 2 };
}
