import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { ondevice } from '@ondevice/vite';
import react from '@vitejs/plugin-react';
import { type Plugin, type ProxyOptions, defaultClientConditions, defineConfig } from 'vite';

const repository = path.resolve(import.meta.dirname, '../..');

/**
 * Transformers.js model folders the lab (`#/lab`) offers offline, by the name they are served
 * under (`/ondevice/models/<name>/`): the generated fixtures (`npm run fixtures`, run by
 * `npm install`) and the stories260K generator from the shared test models checked out beside
 * the repository. A folder that is missing is left out, and the lab says it is unavailable.
 */
const candidateFolders: Record<string, string> = {
  'ondevice-fixtures/tiny-encoder': 'packages/core/fixtures/models/ondevice-fixtures/tiny-encoder',
  'ondevice-fixtures/tiny-sentiment':
    'packages/core/fixtures/models/ondevice-fixtures/tiny-sentiment',
  'ondevice-fixtures/tiny-nli': 'packages/core/fixtures/models/ondevice-fixtures/tiny-nli',
  'ondevice-fixtures/tiny-ner': 'packages/core/fixtures/models/ondevice-fixtures/tiny-ner',
  'converted/llama2.c-stories260K': '../shared/models/converted/llama2.c-stories260K',
};
const modelFolders = Object.fromEntries(
  Object.entries(candidateFolders)
    .map(([name, folder]) => [name, path.resolve(repository, folder)] as const)
    .filter(([, folder]) => existsSync(folder)),
);

/** The key and model id of `ondevice-proxy --dev` (packages/llm-proxy/src/cli/dev-config.ts). */
const proxyDevKey = 'ondevice-dev';
const proxyDevModel = 'local';

/** The proxy child this process started, kept across Vite's restarts (the config is re-read). */
const runningProxyKey = Symbol.for('ondevice.playground.llm-proxy');
interface RunningProxy {
  child: ChildProcess;
  port: number;
  stop(): void;
  /** The dev server that stops it when it closes: the latest one, after a restart. */
  owner: object;
}
const registry = globalThis as { [runningProxyKey]?: RunningProxy };

/**
 * Starts the LLM proxy (`ondevice-proxy --dev`, from source, with stories260K as its `local`
 * model) beside the dev server and forwards `/v1` to it, so the assistant page (`#/assistant`)
 * calls its own origin and needs no CORS. Dev server only; nothing when the model folder is
 * missing. A proxy already answering on the port with the dev key is reused; the one started
 * here stops when the dev server closes or this process exits.
 */
function llmProxy({ port, modelFolder }: { port: number; modelFolder: string | undefined }) {
  const target = `http://127.0.0.1:${port}`;
  const plugin: Plugin = {
    name: 'ondevice-playground:llm-proxy',
    apply: 'serve',
    config(_config, env) {
      if (env.isPreview || modelFolder === undefined) return;
      const forward: ProxyOptions = {
        target,
        configure: (proxy) => proxy.on('proxyReq', dropSameOrigin),
      };
      return { server: { proxy: { '/v1': forward } } };
    },
    async configureServer(server) {
      const log = (message: string) =>
        server.config.logger.info(`[ondevice] ${message}`, { timestamp: true });
      if (modelFolder === undefined) {
        log(
          'LLM proxy not started: ../shared/models/converted/llama2.c-stories260K is missing, so the assistant page answers on the device only.',
        );
        return;
      }
      const owner = {};
      const previous = registry[runningProxyKey];
      const alive = previous?.child.exitCode === null && previous.child.signalCode === null;
      if (previous?.port === port && alive) {
        previous.owner = owner; // a restart: the proxy keeps running for the new server
      } else {
        const found = await probe(target);
        if (found !== 'none') {
          log(
            found === 'proxy'
              ? `LLM proxy: reusing the one already on ${target}/v1 (forwarded from /v1).`
              : `LLM proxy not started: port ${port} is taken by something that is not an ondevice proxy; set ONDEVICE_PROXY_PORT to a free port.`,
          );
          return;
        }
        registry[runningProxyKey] = { ...startProxy(port, modelFolder, log), port, owner };
      }
      const stop = () => {
        process.off('exit', stop);
        const running = registry[runningProxyKey];
        if (running?.owner !== owner) return;
        delete registry[runningProxyKey];
        running.stop();
      };
      server.httpServer?.once('close', stop);
      process.once('exit', stop);
    },
  };
  return plugin;
}

function startProxy(port: number, modelFolder: string, log: (message: string) => void) {
  const cli = path.join(repository, 'packages/llm-proxy/src/cli.ts');
  const args = ['--import', 'tsx', '--conditions=@ondevice/source', cli, '--dev'];
  args.push('--port', String(port), '--model', modelFolder);
  const child = spawn(process.execPath, args, {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let listening = false;
  let stopping = false;
  let errors = '';
  // The first line says it listens; the rest is one JSON line per request, left out here.
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    if (listening || !text.includes('listening on')) return;
    listening = true;
    log(
      `LLM proxy running on http://127.0.0.1:${port}/v1 (forwarded from /v1; key ${proxyDevKey}, model "${proxyDevModel}" = stories260K).`,
    );
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    errors = (errors + text).slice(-2_000);
  });
  child.on('error', (error) => {
    log(`LLM proxy could not start: ${error.message}`);
  });
  child.on('exit', (code, signal) => {
    if (stopping) return; // stopped with the dev server
    const last = errors.trim().split('\n').at(-1) ?? '';
    log(`LLM proxy exited (${signal ?? `code ${code}`})${last ? `: ${last}` : ''}`);
  });
  const stop = () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  return { child, stop };
}

/** What answers on the proxy's port: an ondevice proxy with the dev tenant, something else, or nothing. */
async function probe(target: string): Promise<'proxy' | 'other' | 'none'> {
  try {
    const response = await fetch(`${target}/v1/models`, {
      headers: { authorization: `Bearer ${proxyDevKey}` },
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.json().catch(() => null)) as { data?: { id?: string }[] } | null;
    return body?.data?.some((model) => model.id === proxyDevModel) ? 'proxy' : 'other';
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === 'ECONNREFUSED' ? 'none' : 'other';
  }
}

/**
 * The proxy refuses an `Origin` its tenant does not list (the dev tenant lists none). A request
 * from the dev server's own page is same-origin, so its `Origin` is dropped; a request from any
 * other origin keeps it, and the proxy refuses it.
 */
function dropSameOrigin(
  proxyRequest: { removeHeader(name: string): void },
  request: IncomingMessage,
) {
  const origin = request.headers.origin;
  if (origin && URL.canParse(origin) && new URL(origin).host === request.headers.host)
    proxyRequest.removeHeader('origin');
}

export default defineConfig({
  plugins: [
    react(),
    ondevice({ modelFolders }),
    llmProxy({
      port: Number(process.env.ONDEVICE_PROXY_PORT ?? 8787),
      modelFolder: modelFolders['converted/llama2.c-stories260K'],
    }),
  ],
  // The lab lists what is served; see src/lab/lab-models.ts.
  define: { __ONDEVICE_LAB_FOLDERS__: JSON.stringify(Object.keys(modelFolders)) },
  // Workspace packages resolve to their TypeScript sources, so edits show up without a build.
  resolve: { conditions: ['@ondevice/source', ...defaultClientConditions] },
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
