/* eslint-disable no-sparse-arrays -- holes are the inputs under test */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, LimitExceededError, OnDeviceError, createClient } from '../index.js';

const client = createClient({ backend: 'wasm', limits: { maxTextsPerCall: 3, maxLabels: 2 } });

/** Calls that must fail with InvalidInputError naming `parameter` (and never untyped). */
const invalid: [string, () => unknown, string][] = [
  ['createClient(null)', () => createClient(null as never), 'options'],
  ["worker: 'yes'", () => createClient({ worker: 'yes' as never }), 'options.worker'],
  ['worker: 0', () => createClient({ worker: 0 as never }), 'options.worker'],
  ["modelCache: 'disk'", () => createClient({ modelCache: 'disk' as never }), 'options.modelCache'],
  ["a typo: bakend: 'wasm'", () => createClient({ bakend: 'wasm' } as never), 'options.bakend'],
  ["assetBaseUrl: '::bad' (Node)", () => createClient({ assetBaseUrl: '::bad' }), 'assetBaseUrl'],
  [
    'limits: { maxTexts: 1 }',
    () => createClient({ limits: { maxTexts: 1 } as never }),
    'limits.maxTexts',
  ],
  ['limits.maxLabels: 0', () => createClient({ limits: { maxLabels: 0 } }), 'limits.maxLabels'],
  ["embedder('x')", () => client.embedder('x' as never), 'options'],
  ['embedder({ cache: 1 })', () => client.embedder({ cache: 1 } as never), 'options.cache'],
  ['embed([, "a"])', () => client.embedder().embed([, 'a'] as never), 'texts[0]'],
  ["embed('a', 'x')", () => client.embedder().embed('a', 'x' as never), 'options'],
  [
    "embed truncation: 'start'",
    () => client.embedder().embed('a', { truncation: 'start' as never }),
    'options.truncation',
  ],
  [
    'embed signal: {}',
    () => client.embedder().embed('a', { signal: {} as never }),
    'options.signal',
  ],
  ['sentiment({ modle })', () => client.sentiment({ modle: 'x' } as never), 'options.modle'],
  ['analyze([, "good"])', () => client.sentiment().analyze([, 'good'] as never), 'texts[0]'],
  [
    "analyze('a', { explain: 'yes' })",
    () => client.sentiment().analyze('a', { explain: 'yes' as never }),
    'options.explain',
  ],
  [
    'zeroShot labels [, x]',
    () => client.zeroShot({ labels: [, { id: 'a', descriptions: [] }] as never }),
    'labels[0]',
  ],
  [
    'zeroShot({ labels, treshold })',
    () => client.zeroShot({ labels: [{ id: 'a', descriptions: [] }], treshold: 1 } as never),
    'options.treshold',
  ],
  [
    'teachable({ id, lables })',
    () => client.teachable({ id: 'v', lables: [] } as never),
    'options.lables',
  ],
  [
    'learn(example, { signl })',
    () => client.teachable({ id: 'v' }).learn({ text: 'a', label: 'b' }, { signl: 1 } as never),
    'options.signl',
  ],
  ['predict([, "a"])', () => client.teachable({ id: 'v' }).predict([, 'a'] as never), 'texts[0]'],
  [
    'learn([, example])',
    () => client.teachable({ id: 'v' }).learn([, { text: 'a', label: 'b' }] as never),
    'examples[0]',
  ],
];

describe('one validation layer: every bad input is a typed error naming the field', () => {
  it.each(invalid)('%s', async (_name, call, parameter) => {
    const error = await (async () => call())().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(OnDeviceError.isInstance(error), String(error)).toBe(true);
    expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
    expect((error as InvalidInputError).parameter).toBe(parameter);
  });

  it('a typo gets a "did you mean"', () => {
    expect(() => createClient({ wroker: true } as never)).toThrow('Did you mean "worker"?');
  });

  it('limits are LimitExceededError naming the limit and how to raise it', async () => {
    const error = await client
      .embedder()
      .embed(['a', 'b', 'c', 'd'])
      .catch((caught) => caught);
    expect(LimitExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'maxTextsPerCall', maximum: 3, actual: 4 });
    expect(error.message).toContain('createClient({ limits: { maxTextsPerCall: 4 } })');
    const labels = ['a', 'b', 'c'].map((id) => ({ id, descriptions: [] }));
    expect(() => client.zeroShot({ labels })).toThrow(
      expect.objectContaining({ code: 'limit-exceeded', limit: 'maxLabels' }),
    );
    await expect(client.sentiment().analyze(['a', 'b', 'c', 'd'])).rejects.toMatchObject({
      code: 'limit-exceeded',
    });
  });
});
