import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AddressInfo, createServer } from 'node:net';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

// The packages as a user gets them: packed with `npm pack`, installed into a fresh app from the
// current create-vite React + TypeScript template (outside the repository), type-checked with the
// template's own `tsc -b`, built, served by `vite preview` and used in Chromium.

const run = promisify(execFile);
const repository = path.resolve(import.meta.dirname, '..');
const packages = ['errors', 'core', 'react', 'vite'];
const environment = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', npm_config_yes: 'true' };

const appSource = {
  'vite.config.ts': `import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { ondevice } from '@ondevice/vite'

export default defineConfig({ plugins: [react(), ondevice()] })
`,
  'src/main.tsx': `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from '@ondevice/core'
import { OnDeviceProvider } from '@ondevice/react'
import App from './App.tsx'

const client = createClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OnDeviceProvider client={client}>
      <App />
    </OnDeviceProvider>
  </StrictMode>,
)
`,
  'src/App.tsx': `import { cosineSimilarity } from '@ondevice/core'
import { ModelProgress, SentimentBadge, useEmbeddings } from '@ondevice/react'
import '@ondevice/react/theme.css'

function Similarity({ a, b }: { a: string; b: string }) {
  const { status, data } = useEmbeddings([a, b])
  if (status !== 'success') return <ModelProgress />
  const [first, second] = data.embeddings
  return <p data-testid="similarity">{cosineSimilarity(first!, second!).toFixed(2)}</p>
}

export default function App() {
  return (
    <main>
      <Similarity a="Reset my password" b="I forgot my login" />
      <SentimentBadge text="The export finally works, great job!" />
    </main>
  )
}
`,
};

let folder: string;
let preview: ChildProcess | undefined;
let port = 0;

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as AddressInfo;
      server.close(() => resolve(free));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  folder = await mkdtemp(path.join(tmpdir(), 'ondevice-installable-'));
  const packs = path.join(folder, 'packs');
  await mkdir(packs);
  for (const name of packages) {
    await run('npm', ['pack', '--pack-destination', packs], {
      cwd: path.join(repository, 'packages', name),
      env: environment,
    });
  }
  await run(
    'npm',
    [
      'exec',
      '--yes',
      'create-vite@latest',
      '--',
      'app',
      '--template',
      'react-ts',
      '--no-interactive',
    ],
    { cwd: folder, env: environment },
  );
  const app = path.join(folder, 'app');
  const tarballs = (await readdir(packs)).map((file) => path.join(packs, file));
  await run('npm', ['install', '--no-audit', '--no-fund', ...tarballs], {
    cwd: app,
    env: environment,
  });
  for (const [file, text] of Object.entries(appSource)) await writeFile(path.join(app, file), text);
  // The template's own build: `tsc -b && vite build`.
  await run('npm', ['run', 'build'], { cwd: app, env: environment });
  // Vite's own entry run by this Node (not through npx), so killing it stops the server.
  port = await freePort();
  preview = spawn(
    process.execPath,
    [
      path.join(app, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: app, env: environment, stdio: 'ignore' },
  );
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${port}/`).then(
          (response) => response.ok,
          () => false,
        ),
      {
        timeout: 60_000,
      },
    )
    .toBe(true);
});

test.afterAll(async () => {
  if (preview && preview.exitCode === null) {
    const exited = new Promise((resolve) => preview?.once('exit', resolve));
    preview.kill();
    await exited;
  }
  if (folder) await rm(folder, { recursive: true, force: true });
});

test('the packed packages work in a fresh create-vite app: a hook and a widget, no console error, no other host', async ({
  page,
}) => {
  const errors: string[] = [];
  const otherHosts: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(blob:|data:|http:\/\/127\.0\.0\.1:)/.test(url)) otherHosts.push(url);
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await expect(page.getByTestId('similarity')).toHaveText(/^0\.\d\d$/, { timeout: 120_000 });
  await expect(page.getByLabel(/^Sentiment: positive, \d{1,3} %$/)).toBeVisible({
    timeout: 60_000,
  });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(errors).toEqual([]);
  expect(otherHosts).toEqual([]);
});
