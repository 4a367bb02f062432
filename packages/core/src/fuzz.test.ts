import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OnDeviceError, createClient } from './index.js';
import { createTestClient } from './testing/index.js';

// Property-based tests of the public API: generated inputs (texts, options, labels) must end
// in a result of the right shape with finite numbers, or in a typed error — never an untyped
// error, a hang or a crash. Seeded, so a failure reproduces; the hashing test model keeps
// thousands of cases fast (the wrapping code under test is the same for every model).

const seed = 20261201;
const client = createTestClient({ limits: { maxTextsPerCall: 64, maxLabels: 16 } });

/** Whatever a careless or hostile caller might pass. */
const anything = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'x'.repeat(20_000), 'word '.repeat(3000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.object(),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.sparseArray(fc.string(), { maxLength: 6 }),
);
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('x'.repeat(100_000), ' '.repeat(5000), '😀'.repeat(3000)),
  },
);
const texts = fc.oneof(
  { weight: 6, arbitrary: fc.array(text, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.sparseArray(text, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(fc.constant('many'), { minLength: 65, maxLength: 70 }) },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: anything },
);
const options = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      truncation: fc.oneof(fc.constantFrom('end', 'error'), anything),
      explain: fc.oneof(fc.boolean(), anything),
      signal: fc.oneof(fc.constant(AbortSignal.abort()), anything),
    },
    { requiredKeys: [] },
  ),
  anything,
);

/** Settles `promise`; fails the property on an untyped error or a message with holes in it. */
async function outcome(run: () => unknown): Promise<{ value?: unknown; error?: OnDeviceError }> {
  try {
    return { value: await run() };
  } catch (error) {
    if (!OnDeviceError.isInstance(error)) {
      throw new Error(`untyped error: ${String(error)}`, { cause: error });
    }
    expect(error.message).not.toMatch(/undefined undefined|\[object Object\]/);
    return { error };
  }
}

const allFinite = (vector: Float32Array) => vector.every((value) => Number.isFinite(value));

describe('fuzzing the public API (seeded)', () => {
  it('embed: vectors of the right shape with finite numbers, or a typed error (4,000 cases)', async () => {
    const embedder = client.embedder();
    await fc.assert(
      fc.asyncProperty(texts, options, async (input, given) => {
        const { value } = await outcome(() => embedder.embed(input as never, given as never));
        if (!value) return;
        const result = value as Awaited<ReturnType<typeof embedder.embed>>;
        const count = typeof input === 'string' ? 1 : (input as unknown[]).length;
        expect(result.embeddings).toHaveLength(count);
        expect(result.truncated).toHaveLength(count);
        for (const vector of result.embeddings) {
          expect(vector).toHaveLength(result.dimensions);
          expect(allFinite(vector)).toBe(true);
        }
      }),
      { seed, numRuns: 4000 },
    );
  });

  it('zero-shot: labels and texts generated together (2,500 cases)', async () => {
    const label = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          id: fc.string({ maxLength: 12 }),
          descriptions: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
        }),
      },
      { weight: 1, arbitrary: anything },
    );
    const labels = fc.oneof(
      fc.array(label, { maxLength: 20 }),
      fc.sparseArray(label, { maxLength: 5 }),
      anything,
    );
    const zeroShotOptions = fc.record(
      {
        labels,
        multiLabel: fc.oneof(fc.boolean(), anything),
        threshold: fc.oneof(fc.double(), anything),
      },
      { requiredKeys: ['labels'] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(zeroShotOptions, anything),
        texts,
        options,
        async (settings, input, given) => {
          const created = await outcome(() => client.zeroShot(settings as never));
          if (!created.value) return;
          const classifier = created.value as ReturnType<typeof client.zeroShot>;
          const { value } = await outcome(() =>
            classifier.classify(input as never, given as never),
          );
          if (!value) return;
          const results = (Array.isArray(value) ? value : [value]) as {
            labels: { score: number }[];
          }[];
          for (const result of results) {
            for (const scored of result.labels) expect(Number.isFinite(scored.score)).toBe(true);
          }
        },
      ),
      { seed, numRuns: 2500 },
    );
  });

  it('createClient: a client or a typed error, whatever the options (2,500 cases)', async () => {
    const clientOptions = fc.oneof(
      fc.record(
        {
          backend: fc.oneof(fc.constantFrom('auto', 'wasm', 'cpu', 'webgl', 'tpu'), anything),
          worker: fc.oneof(fc.boolean(), anything),
          assetBaseUrl: fc.oneof(
            fc.constantFrom('/ondevice/', 'ondevice/', '::bad', 'http://127.0.0.1:1/'),
            anything,
          ),
          modelCache: fc.oneof(fc.constantFrom('persistent', 'memory', 'disk'), anything),
          autoBackendBudgetMs: fc.oneof(fc.integer(), anything),
          limits: fc.oneof(
            fc.record({ maxTextsPerCall: fc.oneof(fc.integer(), anything) }, { requiredKeys: [] }),
            anything,
          ),
          models: anything,
          defaultModel: anything,
        },
        { requiredKeys: [] },
      ),
      fc.dictionary(fc.string({ maxLength: 12 }), anything, { maxKeys: 3 }),
      anything,
    );
    await fc.assert(
      fc.asyncProperty(clientOptions, async (given) => {
        const { value } = await outcome(() => createClient(given as never));
        (value as { dispose?: () => void } | undefined)?.dispose?.();
      }),
      { seed, numRuns: 2500 },
    );
  });

  it('sentiment on the real model: a label and finite scores, or a typed error (300 cases)', async () => {
    const real = createClient({ backend: 'wasm', limits: { maxTextsPerCall: 16 } });
    const analyzer = real.sentiment();
    await fc.assert(
      fc.asyncProperty(texts, options, async (input, given) => {
        const { value } = await outcome(() => analyzer.analyze(input as never, given as never));
        if (!value) return;
        const results = (Array.isArray(value) ? value : [value]) as {
          score: number;
          label: string;
        }[];
        for (const result of results) {
          expect(['positive', 'negative', 'neutral']).toContain(result.label);
          expect(Number.isFinite(result.score)).toBe(true);
        }
      }),
      { seed, numRuns: 300 },
    );
    real.dispose();
  });
  it('teachable import: a valid export with one field mutated is imported whole or refused with a typed error (2,000 cases)', async () => {
    const source = client.teachable({ id: 'fuzz-source' });
    await source.learn([
      { text: 'refund my last invoice', label: 'billing' },
      { text: 'the parcel never arrived', label: 'shipping' },
      { text: 'charged twice this month', label: 'billing' },
    ]);
    const valid = (await source.export()) as unknown as Record<string, unknown>;
    const paths: string[][] = [
      ['format'],
      ['version'],
      ['id'],
      ['modelId'],
      ['labels'],
      ['labels', '0'],
      ['labels', '0', 'id'],
      ['labels', '0', 'descriptions'],
      ['examples'],
      ['examples', '0'],
      ['examples', '0', 'text'],
      ['examples', '0', 'label'],
      ['examples', '1', 'taughtAt'],
      ['head'],
      ['head', 'labels'],
      ['head', 'weights'],
      ['head', 'weights', '3'],
      ['head', 'bias'],
      ['head', 'bias', '0'],
      ['head', 'dimensions'],
      ['unsureBelow'],
      ['extra'],
    ];
    const replacement = fc.oneof(
      anything,
      fc.constantFrom(1e308, -1e308, Number.NaN, Infinity, 3.5e38, -0, 2 ** 53),
      fc.sparseArray(fc.double(), { maxLength: 4 }),
    );
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        replacement,
        fc.boolean(),
        async (path, value, remove) => {
          const data = structuredClone(valid);
          let node = data as Record<string, unknown>;
          for (const key of path.slice(0, -1))
            node = (node?.[key] ?? {}) as Record<string, unknown>;
          const last = path.at(-1) as string;
          if (remove) delete node[last];
          else node[last] = value;
          const target = client.teachable({ id: 'fuzz-target' });
          const before = await target.export();
          const { error } = await outcome(() => target.import(data));
          if (error) {
            // Nothing half-imported: the classifier is as it was.
            expect(await target.export()).toEqual(before);
            return;
          }
          imported += 1;
          const predictions = await target.predict(['refund please', 'where is my parcel']);
          for (const prediction of predictions) {
            expect(Number.isFinite(prediction.confidence)).toBe(true);
            for (const label of prediction.labels) expect(Number.isFinite(label.score)).toBe(true);
          }
        },
      ),
      { seed, numRuns: 2000 },
    );
    // Some mutations are harmless (another label id, description): the property saw both sides.
    expect(imported).toBeGreaterThan(0);
  });
});
