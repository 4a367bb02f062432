import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../util/limits.js';
import { testEngineOptions } from '../../test-support/engine-options.test.support.js';
import {
  AbortError,
  InvalidClassifierDataError,
  InvalidInputError,
  createClient,
} from '../../index.js';
import type { TeachableExport } from '../../index.js';
import { ModelHandle } from '../../client/model-handle.js';
import { createTaskRunner } from '../../client/task-runner.js';
import { fewShotSplit } from '../../evaluation/index.js';
import { parseCsv, readSharedData } from '../../test-support/shared-data.test.support.js';
import { createInThreadConnection } from '../../worker/in-thread-connection.js';
import { createMemoryStore } from './classifier-store.js';
import { createTeachableClassifier, teachableSettings } from './teachable-classifier.js';

// Real USE-lite weights, tfjs wasm, in-thread (Node): storage falls back to memory.
const client = createClient({ backend: 'wasm' });
const intents = [
  { id: 'greeting', descriptions: ['hello, hi, good morning'] },
  { id: 'goodbye', descriptions: ['goodbye, see you later'] },
];
const examples = [
  { text: 'hello there', label: 'greeting' },
  { text: 'good morning to you', label: 'greeting' },
  { text: 'hey, how are you?', label: 'greeting' },
  { text: 'see you tomorrow', label: 'goodbye' },
  { text: 'bye for now', label: 'goodbye' },
  { text: 'I have to go, take care', label: 'goodbye' },
  { text: 'I want my money back', label: 'refund' },
  { text: 'please refund my order', label: 'refund' },
  { text: 'can I get a refund for this?', label: 'refund' },
];
let next = 0;
const freshId = () => `test-classifier-${(next += 1)}`;

/** Evaluation data from ../shared/data; the test is skipped, with a note, when it is absent. */
const banking77Train = readSharedData('banking77/train.csv');

describe('client.teachable()', () => {
  it('predicts zero-shot from label descriptions before it has examples', async () => {
    const classifier = client.teachable({ id: freshId(), labels: intents });
    const prediction = await classifier.predict('hi, nice to meet you');
    expect(prediction).toMatchObject({ source: 'zero-shot', label: 'greeting', unsure: false });
    expect(prediction.labels.reduce((sum, label) => sum + label.score, 0)).toBeCloseTo(1, 6);
    expect(classifier.getSnapshot()).toMatchObject({
      status: 'ready',
      storage: 'memory',
      examples: [],
    });
  });

  it('learns examples (new labels included), retrains, and predicts from them', async () => {
    const id = freshId();
    const classifier = client.teachable({ id, labels: intents });
    expect(client.teachable({ id })).toBe(classifier);
    const statuses: string[] = [];
    classifier.subscribe(() => statuses.push(classifier.getSnapshot().status));
    await classifier.learn(examples);
    const state = classifier.getSnapshot();
    expect(state).toBe(classifier.getSnapshot()); // stable until it changes
    expect(state.labels).toEqual(['greeting', 'goodbye', 'refund']);
    expect(state.examples).toHaveLength(9);
    expect(state.status).toBe('ready');
    expect(state.lastTrainingMs).toBeGreaterThan(0);
    expect(statuses).toContain('training');
    expect(statuses.at(-1)).toBe('ready');
    const predictions = await classifier.predict(['hi!', 'bye bye', 'give me a refund']);
    expect(predictions.map((prediction) => prediction.label)).toEqual([
      'greeting',
      'goodbye',
      'refund',
    ]);
    expect(predictions.every((prediction) => prediction.source === 'taught')).toBe(true);
    await classifier.learn({ text: 'farewell, friends', label: 'goodbye' });
    expect(classifier.getSnapshot().examples).toHaveLength(10);
  });

  it('replaces an example when the same text is taught again (a correction)', async () => {
    const classifier = client.teachable({ id: freshId(), labels: intents });
    await classifier.learn(examples);
    await classifier.learn({ text: 'hey, how are you?', label: 'goodbye' });
    const taught = classifier
      .getSnapshot()
      .examples.filter((example) => example.text === 'hey, how are you?');
    expect(taught.map((example) => example.label)).toEqual(['goodbye']);
  });

  it('forgets one example, or every example of a label', async () => {
    const classifier = client.teachable({ id: freshId(), labels: intents });
    await classifier.learn(examples);
    await classifier.forget({ text: 'bye for now', label: 'goodbye' });
    expect(classifier.getSnapshot().examples).toHaveLength(8);
    await classifier.forget({ label: 'refund' });
    // 'refund' was learnt, not declared: with no examples left, the label goes too.
    expect(classifier.getSnapshot().labels).toEqual(['greeting', 'goodbye']);
    expect(
      (await classifier.predict('give me a refund')).labels.map((label) => label.id),
    ).not.toContain('refund');
    await classifier.forget({ label: 'greeting' });
    await classifier.forget({ label: 'goodbye' });
    expect(classifier.getSnapshot().labels).toEqual(['greeting', 'goodbye']); // declared labels stay
    expect((await classifier.predict('hello')).source).toBe('zero-shot');
  });

  it('is unsure (no label) below the confidence threshold', async () => {
    const classifier = client.teachable({ id: freshId(), labels: intents, unsureBelow: 0.9 });
    await classifier.learn(examples);
    const [inScope, outOfScope] = await classifier.predict([
      'please refund my order',
      'Penguins cannot fly, but they swim very well.',
    ]);
    expect(inScope).toMatchObject({ unsure: false, label: 'refund' });
    expect(outOfScope?.unsure).toBe(true);
    expect(outOfScope?.label).toBeNull();
    expect(outOfScope?.confidence).toBeLessThan(0.9);
    expect(outOfScope?.labels).toHaveLength(3);
  });

  it('explains a prediction with word weights and the nearest taught examples', async () => {
    const classifier = client.teachable({ id: freshId(), labels: intents });
    await classifier.learn(examples);
    const explanation = await classifier.explain('hi, I want a refund');
    expect(explanation.label).toBe('refund');
    expect(explanation.spans.map((span) => span.text)).toEqual(['hi', 'I', 'want', 'a', 'refund']);
    expect(explanation.nearestExamples).toHaveLength(3);
    const similarities = explanation.nearestExamples?.map((example) => example.similarity) ?? [];
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    expect(explanation.nearestExamples?.[0]?.label).toBe('refund');
    const [predicted] = await classifier.predict(['hi, I want a refund'], { explain: true });
    expect(predicted?.explanation?.nearestExamples).toEqual(explanation.nearestExamples);
    await expect(classifier.explain('x', { label: 'nope' })).rejects.toSatisfy((error: unknown) =>
      InvalidInputError.isInstance(error),
    );
  });

  it('exports versioned JSON that another classifier imports and predicts with identically', async () => {
    const source = client.teachable({ id: freshId(), labels: intents });
    await source.learn(examples);
    const exported = JSON.parse(JSON.stringify(await source.export())) as TeachableExport;
    expect(exported).toMatchObject({
      format: 'ondevice.teachable',
      version: 1,
      modelId: 'use-lite',
    });
    expect(exported.head?.weights).toHaveLength(3 * 512);
    const target = client.teachable({ id: freshId() });
    await target.import(exported);
    expect(target.getSnapshot().labels).toEqual(['greeting', 'goodbye', 'refund']);
    const texts = ['hello friend', 'refund please', 'see ya', 'what time is it?'];
    expect(await target.predict(texts)).toEqual(await source.predict(texts));
    // A second client (a fresh engine) predicts the same from the imported head.
    const other = createClient({ backend: 'wasm' });
    const copy = other.teachable({ id: 'copy' });
    await copy.import(exported);
    expect(await copy.predict(texts)).toEqual(await source.predict(texts));
    other.dispose();
  });

  it('rejects malformed or mismatched imports with InvalidClassifierDataError naming the field', async () => {
    const source = client.teachable({ id: freshId(), labels: intents });
    await source.learn(examples);
    const valid = await source.export();
    const target = client.teachable({ id: freshId(), labels: intents });
    await target.export(); // settled: restored from (empty) storage
    const before = target.getSnapshot();
    const cases: [unknown, string][] = [
      [null, '$'],
      [{ ...valid, format: 'something-else' }, 'format'],
      [{ ...valid, version: 2 }, 'version'],
      [{ ...valid, modelId: 'another-model' }, 'modelId'],
      [{ ...valid, labels: 'greeting' }, 'labels'],
      [{ ...valid, labels: [...valid.labels, valid.labels[0]] }, 'labels[3].id'],
      [
        { ...valid, examples: [...valid.examples, { ...valid.examples[0], label: 'unknown' }] },
        'examples[9].label',
      ],
      [
        {
          ...valid,
          examples: [{ text: 1, label: 'greeting', taughtAt: valid.examples[0]?.taughtAt }],
        },
        'examples[0].text',
      ],
      [{ ...valid, unsureBelow: 3 }, 'unsureBelow'],
      [{ ...valid, head: { ...valid.head, weights: [1, 2, 3] } }, 'head.weights'],
      [{ ...valid, head: { ...valid.head, dimensions: 384 } }, 'head.dimensions'],
      [
        { ...valid, head: { ...valid.head, labels: ['greeting', 'goodbye', 'other'] } },
        'head.labels',
      ],
      [{ ...valid, head: { ...valid.head, bias: [0, 0, 'x'] } }, 'head.bias[2]'],
      [{ ...valid, head: null }, 'head'],
    ];
    for (const [data, path] of cases) {
      const error = await target.import(data).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(InvalidClassifierDataError.isInstance(error), path).toBe(true);
      expect((error as InvalidClassifierDataError).path).toBe(path);
      expect((error as Error).message).toContain(path);
    }
    expect(target.getSnapshot()).toBe(before);
  });

  it('rejects bad arguments with typed errors', async () => {
    expect(() => client.teachable({ id: '' })).toThrow(InvalidInputError);
    expect(() => client.teachable({ id: freshId(), unsureBelow: 2 })).toThrow(/unsureBelow/);
    const classifier = client.teachable({ id: freshId() });
    await expect(classifier.learn([{ text: 'x', label: '' }])).rejects.toThrow(
      /examples\[0\]\.label/,
    );
    await expect(classifier.forget(null as never)).rejects.toSatisfy((error: unknown) =>
      InvalidInputError.isInstance(error),
    );
  });

  it('keeps its state when a retraining is aborted', async () => {
    const classifier = client.teachable({ id: freshId(), labels: intents });
    await classifier.learn(examples);
    const controller = new AbortController();
    const pending = classifier.learn(
      { text: 'a brand new text to embed', label: 'goodbye' },
      {
        signal: controller.signal,
      },
    );
    controller.abort();
    await expect(pending).rejects.toSatisfy((error: unknown) => AbortError.isInstance(error));
    expect(classifier.getSnapshot().examples).toHaveLength(9);
    expect(classifier.getSnapshot().status).toBe('ready');
  });

  it('restores its examples and head from storage', async () => {
    const connection = createInThreadConnection(testEngineOptions());
    const runner = createTaskRunner(
      new ModelHandle(
        'use-lite',
        () => connection,
        () => {},
      ),
      () => connection,
      () => 512,
      defaultLimits,
    );
    const store = createMemoryStore();
    const first = createTeachableClassifier(
      runner,
      'first',
      teachableSettings({ id: 'kept', labels: intents }),
      async () => store,
    );
    await first.learn(examples);
    const second = createTeachableClassifier(
      runner,
      'second',
      teachableSettings({ id: 'kept' }),
      async () => store,
    );
    expect(await second.export()).toEqual(await first.export());
    expect(await second.predict('refund please')).toEqual(await first.predict('refund please'));
    connection.dispose();
  });

  it.skipIf(!banking77Train)(
    'reaches its accuracy on BANKING77, 10 shots per label (small held-out sample)',
    async () => {
      const csv = banking77Train as string;
      const rows = parseCsv(csv)
        .slice(1)
        .map(([text, label]) => ({ text: text as string, label: label as string }));
      expect(rows.length).toBe(10003);
      const { shots, test } = fewShotSplit(rows, { shots: 10, testPerLabel: 3, seed: 2024 });
      expect([shots.length, test.length]).toEqual([770, 231]);
      const classifier = client.teachable({ id: freshId() });
      await classifier.learn(shots);
      const predictions = await classifier.predict(test.map((row) => row.text));
      const correct = predictions.filter(
        (prediction, index) => prediction.labels[0]?.id === test[index]?.label,
      );
      expect(correct.length / test.length).toBeGreaterThan(0.65);
    },
  );
});
