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
});
