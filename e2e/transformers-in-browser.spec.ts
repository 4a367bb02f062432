import { expect, test } from '@playwright/test';
import { openFixture } from './fixture-page';
import {
  asyncifyBuild,
  fixtures,
  fixturesPresent,
  noFixtures,
  noStories,
  plainWasmBuild,
  stories,
  storiesPresent,
  storyOf60Tokens,
  watchRequests,
} from './transformers-helpers';
import { urls } from './ports';

// The Transformers.js runtime in Chromium, in the ondevice worker, on onnxruntime-web served by
// @ondevice/vite: the model folders are served by e2e/fixtures/vite.config.ts (`modelFolders`).
test.describe('Transformers.js in Chromium (worker, onnxruntime-web from /ondevice/ort/)', () => {
  // A cold dev server pre-bundles Transformers.js on the first load; two cores share the lanes.
  test.describe.configure({ timeout: 240_000 });

  test('stories260K generates the reference greedy text, streamed in pieces', async ({ page }) => {
    test.skip(!storiesPresent, noStories);
    const requests = watchRequests(page);
    await openFixture(page);
    const outcome = await page.evaluate(async (model) => {
      const client = window.ondevice.createClient({ rememberBackend: false });
      const stream = client.generator({ model }).generate('Once upon a time', { maxNewTokens: 60 });
      const pieces: string[] = [];
      for await (const piece of stream) pieces.push(piece);
      const result = await stream.result;
      return { pieces, result, diagnostics: client.diagnostics() };
    }, stories);
    expect(outcome.pieces.join('')).toBe(storyOf60Tokens);
    expect(outcome.pieces.length).toBeGreaterThan(1);
    expect(outcome.result).toMatchObject({
      text: storyOf60Tokens,
      tokens: 60,
      promptTokens: 5,
      finishReason: 'length',
    });
    expect(outcome.result.tokensPerSecond).toBeGreaterThan(0);
    expect(outcome.result.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(outcome.diagnostics.worker).toMatchObject({ enabled: true, restarts: 0 });
    expect(outcome.diagnostics.models).toEqual([
      expect.objectContaining({
        id: stories,
        runtime: 'transformers',
        status: 'ready',
        backend: 'wasm',
      }),
    ]);
    expect(requests.workers.some((url) => url.includes('worker-entry'))).toBe(true);
    // No usable WebGPU here: the plain wasm build (14 MB), never the asyncify one (27 MB).
    expect(requests.all).toEqual(expect.arrayContaining(plainWasmBuild));
    for (const file of asyncifyBuild) expect(requests.all).not.toContain(file);
    expect(requests.all).toContain(`${urls.fixture}${stories}onnx/model.onnx`);
    expect(requests.foreign).toEqual([]);
  });

  test('tiny fixtures: embeddings, sentiment, NLI zero-shot and entities with exact offsets', async ({
    page,
  }) => {
    test.skip(!fixturesPresent, noFixtures);
    const requests = watchRequests(page);
    await openFixture(page);
    const outcome = await page.evaluate(async (fixtures) => {
      const { createClient, cosineSimilarity } = window.ondevice;
      const client = createClient({ rememberBackend: false });
      const embedded = await client
        .embedder({ model: `${fixtures}tiny-encoder/` })
        .embed(['a short text', 'a much longer text with many more words in it', 'a short text']);
      const [a, b, c] = embedded.embeddings as [Float32Array, Float32Array, Float32Array];
      const sentiment = await client
        .sentiment({ model: `${fixtures}tiny-sentiment/` })
        .analyze(['I love this great movie', 'The food was awful and I hate it']);
      const zeroShot = await client
        .zeroShot({
          model: `${fixtures}tiny-nli/`,
          labels: [
            { id: 'sports', descriptions: ['sports'] },
            { id: 'politics', descriptions: ['politics'] },
          ],
        })
        .classify('The team won the match');
      const texts = [
        'Alice Johnson works at Acme Corp in Paris.',
        // Offsets are UTF-16 units: an emoji (two units) and accents before the entities.
        '😀 Brûlée: Alice Johnson works at Acme Corp in Paris.',
      ];
      const entities = await client.entities({ model: `${fixtures}tiny-ner/` }).recognize(texts);
      return {
        dimensions: embedded.dimensions,
        backend: embedded.backend,
        length: a.length,
        norm: Math.hypot(...a),
        same: cosineSimilarity(a, c),
        different: cosineSimilarity(a, b),
        sentiment: sentiment.map((result) => result.label),
        zeroShot,
        texts,
        entities,
        models: client.diagnostics().models,
      };
    }, fixtures);
    expect(outcome.dimensions).toBe(256);
    expect(outcome.length).toBe(256);
    expect(outcome.backend).toBe('wasm');
    expect(outcome.norm).toBeCloseTo(1, 4);
    expect(outcome.same).toBeCloseTo(1, 5);
    expect(outcome.different).toBeLessThan(0.999);
    expect(outcome.sentiment).toEqual(['positive', 'negative']);
    expect(outcome.zeroShot.labels.map((label) => label.id).sort()).toEqual(['politics', 'sports']);
    expect(outcome.zeroShot.labels.reduce((sum, label) => sum + label.score, 0)).toBeCloseTo(1, 5);
    expect(outcome.zeroShot.selected).toHaveLength(1);
    expect(outcome.entities[0]?.map(({ type, text }) => [type, text])).toEqual([
      ['PER', 'Alice Johnson'],
      ['ORG', 'Acme Corp'],
      ['LOC', 'Paris'],
    ]);
    outcome.entities.forEach((spans, index) => {
      for (const span of spans) {
        expect(outcome.texts[index]?.slice(span.start, span.end)).toBe(span.text);
        expect(span.score).toBeGreaterThan(0);
        expect(span.score).toBeLessThanOrEqual(1);
      }
    });
    expect(outcome.entities[1]?.map((span) => span.text)).toEqual(
      expect.arrayContaining(['Alice Johnson', 'Acme Corp']),
    );
    expect(outcome.models.map((model) => [model.runtime, model.status, model.backend])).toEqual(
      Array.from({ length: 4 }, () => ['transformers', 'ready', 'wasm']),
    );
    // No usable WebGPU here: the plain wasm build (14 MB), never the asyncify one (27 MB).
    expect(requests.all).toEqual(expect.arrayContaining(plainWasmBuild));
    for (const file of asyncifyBuild) expect(requests.all).not.toContain(file);
    expect(requests.foreign).toEqual([]);
  });

  test('an AbortSignal stops a generation with AbortError, the worker reads the cancel, and the next call works', async ({
    page,
  }) => {
    test.skip(!storiesPresent, noStories);
    const requests = watchRequests(page);
    await openFixture(page);
    const outcome = await page.evaluate(async (model) => {
      const { createClient, AbortError } = window.ondevice;
      const client = createClient({ rememberBackend: false });
      const generator = client.generator({ model });
      await generator.load();
      const controller = new AbortController();
      // Far more tokens than arrive before the abort.
      const stream = generator.generate('Once upon a time', {
        maxNewTokens: 400,
        signal: controller.signal,
      });
      const pieces: string[] = [];
      let iterationError: unknown;
      try {
        for await (const piece of stream) {
          pieces.push(piece);
          if (pieces.length === 3) controller.abort();
        }
      } catch (error) {
        iterationError = error;
      }
      const resultError = await stream.result.then(
        () => undefined,
        (error: unknown) => error,
      );
      const next = await generator.generate('Once upon a time', { maxNewTokens: 10 }).result;
      return {
        pieces: pieces.length,
        iterationAborted: AbortError.isInstance(iterationError),
        resultAborted: AbortError.isInstance(resultError),
        next,
        worker: client.diagnostics().worker,
      };
    }, stories);
    expect(outcome.iterationAborted).toBe(true);
    expect(outcome.resultAborted).toBe(true);
    expect(outcome.pieces).toBe(3);
    // The cancel reached the worker between tokens: it was not replaced by the watchdog.
    expect(outcome.worker).toMatchObject({ enabled: true, restarts: 0, lastFailure: null });
    expect(outcome.next.text).toBe(', there was a little girl named Lily');
    expect(outcome.next.finishReason).toBe('length');
    expect(requests.foreign).toEqual([]);
  });

  test('unload frees the model (memory shows it gone) and the next call loads it again', async ({
    page,
  }) => {
    test.skip(!fixturesPresent, noFixtures);
    const requests = watchRequests(page);
    await openFixture(page);
    const outcome = await page.evaluate(async (model) => {
      const client = window.ondevice.createClient({ rememberBackend: false });
      const recognizer = client.entities({ model });
      const text = 'Alice Johnson works at Acme Corp in Paris.';
      const first = await recognizer.recognize(text);
      const loaded = await client.memory();
      const unloaded = await client.unload(model);
      const afterUnload = await client.memory();
      const worker = client.diagnostics().worker;
      const status = client.model(model).getSnapshot().status;
      const again = await recognizer.recognize(text);
      return {
        first,
        loaded,
        unloaded,
        afterUnload,
        worker,
        status,
        again,
        reloaded: await client.memory(),
        unloadAgain: await client.unload(model).then(() => client.unload(model)),
      };
    }, `${fixtures}tiny-ner/`);
    expect(outcome.loaded.transformers?.tensors).toBe(1);
    expect(outcome.loaded.transformers?.bytes).toBeGreaterThan(0);
    expect(outcome.unloaded).toBe(true);
    // The only model: the worker ended (a WebAssembly memory never shrinks), nothing is held.
    expect(outcome.afterUnload).toEqual({});
    expect(outcome.worker).toMatchObject({ idleEnds: 1, restarts: 0, lastFailure: null });
    expect(outcome.status).toBe('idle');
    expect(outcome.again).toEqual(outcome.first);
    expect(outcome.reloaded.transformers).toEqual(outcome.loaded.transformers);
    expect(outcome.unloadAgain).toBe(false); // nothing left to unload
    expect(requests.foreign).toEqual([]);
  });
});
