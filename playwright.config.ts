import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/chromium';
import { ports, urls } from './e2e/ports';

if (!existsSync(chromiumPath)) {
  console.error(
    `The browser tests need Chromium at ${chromiumPath}, and it is missing. Install it (Debian/Ubuntu: sudo apt-get install -y chromium), or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
  );
  process.exit(1);
}
// Two lanes on two cores, each running its files one at a time. The specs that time the worker
// (cancel acknowledgements, stalls, retries) share a lane with the app and packaging checks; the
// Storybook sweep (mostly waiting for each story to settle) and the widget and storage flows,
// which wait on states only, run beside them. Every spec must be in a lane.
const lanes = {
  runtime: [
    'core-in-browser.spec.ts',
    'reliability.spec.ts',
    'network-faults.spec.ts',
    'playground.spec.ts',
    'installable-packages.spec.ts',
    'transformers-in-browser.spec.ts',
    'transformers-webgpu.spec.ts',
    'ai-sdk-in-browser.spec.ts',
  ],
  widgets: [
    'stories.spec.ts',
    'teachable-storage.spec.ts',
    'inbox.spec.ts',
    'text-understanding.spec.ts',
    'lab-page.spec.ts',
    'generation-widgets.spec.ts',
    'search-and-recommend.spec.ts',
    'catalog-page.spec.ts',
    'assistant-page.spec.ts',
  ],
};
const unassigned = readdirSync('e2e')
  .filter((name) => name.endsWith('.spec.ts'))
  .filter((name) => !Object.values(lanes).flat().includes(name));
if (unassigned.length > 0) {
  console.error(`Add ${unassigned.join(', ')} to a lane in playwright.config.ts.`);
  process.exit(1);
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 2,
  projects: Object.entries(lanes).map(([name, files]) => ({ name, testMatch: files, workers: 1 })),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  webServer: [
    {
      // Starts the LLM proxy beside it too (when the shared stories260K model is there).
      command: `npm run dev --workspace @ondevice/playground -- --port ${ports.playground} --strictPort`,
      env: { ONDEVICE_PROXY_PORT: String(ports.llmProxy) },
      url: `${urls.playground}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The production build, served as built: catches what only minified bundles break.
      command: `npm run build --workspace @ondevice/playground && npm run preview --workspace @ondevice/playground -- --port ${ports.preview} --strictPort`,
      url: `${urls.preview}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: 'npx vite --config e2e/fixtures/vite.config.ts',
      url: `${urls.fixture}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: 'npx vite preview --config e2e/fixtures/storybook-preview.config.ts',
      url: `${urls.storybook}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
