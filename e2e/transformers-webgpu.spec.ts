import { expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';
import { openFixture } from './fixture-page';
import {
  asyncifyBuild,
  fixtures,
  fixturesPresent,
  noFixtures,
  plainWasmBuild,
  watchRequests,
} from './transformers-helpers';

// The other onnxruntime-web build: a client whose models may run on WebGPU keeps the build
// Transformers.js imports itself (asyncify, wasm and webgpu devices). Chromium's WebGPU here is
// SwiftShader, exposed only with --enable-unsafe-webgpu: a browser of this file's own.
test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--enable-unsafe-webgpu'],
  },
});

test.describe('Transformers.js in Chromium with WebGPU (SwiftShader, --enable-unsafe-webgpu)', () => {
  test.describe.configure({ timeout: 240_000 });

  test("a client that may use WebGPU runs on Transformers.js's own asyncify build, with the same answers", async ({
    page,
  }) => {
    test.skip(!fixturesPresent, noFixtures);
    const requests = watchRequests(page);
    await openFixture(page);
    const outcome = await page.evaluate(async (model) => {
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      const adapter = await gpu?.requestAdapter();
      // A software adapter is allowed here, so WebGPU is usable and the engine needs the build
      // that runs both devices; wasm is asked for explicitly per model by nothing, 'auto' decides.
      const client = window.ondevice.createClient({
        rememberBackend: false,
        allowSoftwareRenderer: true,
      });
      const spans = await client
        .entities({ model })
        .recognize('Alice Johnson works at Acme Corp in Paris.');
      return {
        adapter: adapter !== null && adapter !== undefined,
        spans: spans.map(({ type, text }) => [type, text]),
        models: client.diagnostics().models,
      };
    }, `${fixtures}tiny-ner/`);
    test.skip(!outcome.adapter, 'this Chromium gives no WebGPU adapter even with the flag');
    expect(outcome.spans).toEqual([
      ['PER', 'Alice Johnson'],
      ['ORG', 'Acme Corp'],
      ['LOC', 'Paris'],
    ]);
    expect(outcome.models[0]?.status).toBe('ready');
    expect(requests.all).toEqual(expect.arrayContaining(asyncifyBuild));
    for (const file of plainWasmBuild) expect(requests.all).not.toContain(file);
    expect(requests.foreign).toEqual([]);
  });
});
