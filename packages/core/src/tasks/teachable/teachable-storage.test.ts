import { afterAll, describe, expect, it } from 'vitest';
import {
  ClassifierStorageError,
  InvalidClassifierDataError,
  InvalidInputError,
  LimitExceededError,
  RuntimeError,
  createClient,
} from '../../index.js';
import type { TeachableClassifier, TeachableExport } from '../../index.js';
import { resolveLimits } from '../../util/limits.js';
import { ModelHandle } from '../../client/model-handle.js';
import { createTaskRunner } from '../../client/task-runner.js';
import { testEngineOptions } from '../../test-support/engine-options.test.support.js';
import { createInThreadConnection } from '../../worker/in-thread-connection.js';
import type { TaskRunner } from '../task-definition.js';
import { type ClassifierStore, type StoredRecord, createMemoryStore } from './classifier-store.js';
import { createTeachableClassifier, teachableSettings } from './teachable-classifier.js';
import { headScores } from './teachable-handler.js';
import type { TeachableOutcome } from './teachable-task.js';

// Real USE-lite weights, tfjs wasm, in-thread (Node). Two classifiers over one store stand for
// two tabs over one IndexedDB database.
const connection = createInThreadConnection(testEngineOptions());
const model = new ModelHandle(
  'use-lite',
  () => connection,
  () => {},
);
/** Texts the engine embedded for examples in each training (the outcome's new vectors). */
const embeddedPerTraining: string[][] = [];
const baseRunner = createTaskRunner(
  model,
  () => connection,
  () => 512,
  resolveLimits(undefined),
);
const runner: TaskRunner = {
  modelId: baseRunner.modelId,
  dimensions: baseRunner.dimensions,
  limits: baseRunner.limits,
  load: (options) => baseRunner.load(options),
  async run(task, payload, options) {
    const result = await baseRunner.run(task, payload, options);
    const outcome = result as TeachableOutcome;
    if (outcome.op === 'train') embeddedPerTraining.push(outcome.vectors.texts);
    return result;
  },
};
afterAll(() => connection.dispose());

const labels = [
  { id: 'greeting', descriptions: ['hello, hi, good morning'] },
  { id: 'goodbye', descriptions: ['goodbye, see you later'] },
];
const examples = [
  { text: 'hello there', label: 'greeting' },
  { text: 'good morning to you', label: 'greeting' },
  { text: 'see you tomorrow', label: 'goodbye' },
  { text: 'bye for now', label: 'goodbye' },
];
let instances = 0;
function open(store: ClassifierStore, id = 'intents', limits = resolveLimits(undefined)) {
  instances += 1;
  return createTeachableClassifier(
    runner,
    `tab-${instances}`,
    teachableSettings({ id, labels }, limits),
    async () => store,
  );
}
/** Settles once the classifier read its stored state. */
const opened = async (classifier: TeachableClassifier) => {
  await classifier.storedRecord();
  return classifier;
};
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('a teachable classifier whose stored data cannot be read', () => {
  it('opens in error, refuses every change, keeps the record, and reset() discards it', async () => {
    const store = createMemoryStore();
    const first = await opened(open(store));
    await first.learn(examples);
    const stored = (await store.read('intents')) as StoredRecord;
    // As a newer version of ondevice would write it.
    const newer = { ...(stored.meta as object), version: 3, revision: stored.revision };
    await store.commit('intents', stored.revision, {
      meta: newer as never,
      put: [],
      remove: [],
      clear: false,
    });
    const before = await store.read('intents');

    const classifier = await opened(open(store));
    const state = classifier.getSnapshot();
    expect(state.status).toBe('error');
    expect(ClassifierStorageError.isInstance(state.error)).toBe(true);
    const error = state.error as ClassifierStorageError;
    expect(error.reason).toBe('newer-version');
    expect(error.classifierId).toBe('intents');
    expect(error.message).toMatch(/newer version of ondevice/);
    expect(error.message).toMatch(/reset\(\)/);
    for (const attempt of [
      classifier.learn({ text: 'hi', label: 'greeting' }),
      classifier.forget({ label: 'greeting' }),
      classifier.import(await first.export()),
      classifier.export(),
      classifier.predict('hello'),
    ]) {
      expect(await rejection(attempt)).toBe(error);
    }
    expect(classifier.getSnapshot().status).toBe('error');
    expect(await store.read('intents')).toEqual(before);
    expect(await classifier.storedRecord()).toEqual(before);

    await classifier.reset();
    expect(classifier.getSnapshot()).toMatchObject({ status: 'ready', error: null, examples: [] });
    expect(await store.read('intents')).toBeUndefined();
    await classifier.learn({ text: 'hi there', label: 'greeting' });
    expect(classifier.getSnapshot().examples).toHaveLength(1);
  });

  it('says which field is invalid when the record is not a newer version but malformed', async () => {
    const store = createMemoryStore({
      intents: { format: 'ondevice.teachable', version: 1, id: 'intents', modelId: 'use-lite' },
    });
    const classifier = await opened(open(store));
    const error = classifier.getSnapshot().error as ClassifierStorageError;
    expect(error.reason).toBe('invalid');
    expect(InvalidClassifierDataError.isInstance(error.cause)).toBe(true);
    expect((error.cause as InvalidClassifierDataError).path).toBe('labels');
    await expect(classifier.learn(examples)).rejects.toBe(error);
    expect(await classifier.storedRecord()).toMatchObject({ layout: 1 });
  });
});

describe('stored classifiers', () => {
  it('open a version-1 record (a whole export) and rewrite it in the current layout on the next change', async () => {
    const source = await opened(open(createMemoryStore(), 'v1-source'));
    await source.learn(examples);
    const exported = { ...(await source.export()), id: 'old' };
    const store = createMemoryStore({ old: exported });
    const classifier = await opened(open(store, 'old'));
    expect(classifier.getSnapshot().status).toBe('ready');
    expect(classifier.getSnapshot().examples.map((example) => example.text)).toEqual(
      exported.examples.map((example) => example.text),
    );
    expect(await classifier.predict('hello friend')).toEqual(await source.predict('hello friend'));
    await classifier.learn({ text: 'farewell, friends', label: 'goodbye' });
    const stored = (await store.read('old')) as StoredRecord;
    expect(stored.layout).toBe(2);
    expect(stored.examples).toHaveLength(5);
  });

  it('keep each example with its vector, so a reloaded classifier embeds only new texts', async () => {
    const store = createMemoryStore();
    const first = await opened(open(store, 'vectors'));
    await first.learn(examples);
    const stored = (await store.read('vectors')) as StoredRecord;
    for (const example of stored.examples as { vector: unknown }[]) {
      expect(example.vector).toBeInstanceOf(Float32Array);
      expect((example.vector as Float32Array).length).toBe(512);
      // Its own buffer: a view into a shared one would store the whole buffer per example.
      expect((example.vector as Float32Array).buffer.byteLength).toBe(512 * 4);
    }
    const reloaded = await opened(open(store, 'vectors'));
    embeddedPerTraining.length = 0;
    await reloaded.learn({ text: 'take care, bye', label: 'goodbye' });
    expect(embeddedPerTraining).toEqual([['take care, bye']]);
    const explanation = await reloaded.explain('hello, good morning');
    expect(explanation.nearestExamples?.[0]?.label).toBe('greeting');
  });
});

describe('two tabs teaching one classifier', () => {
  it('keep both tabs’ examples when they learn at the same time, and each sees the other’s', async () => {
    const memory = createMemoryStore();
    let conflicts = 0;
    const store: ClassifierStore = {
      ...memory,
      kind: 'memory',
      commit: async (id, expected, change) => {
        const committed = await memory.commit(id, expected, change);
        if (!committed) conflicts += 1;
        return committed;
      },
    };
    const left = await opened(open(store, 'shared'));
    const right = await opened(open(store, 'shared'));
    await Promise.all([left.learn(examples.slice(0, 2)), right.learn(examples.slice(2))]);
    // The second to commit found the first's revision, adopted it and trained again.
    expect(conflicts).toBe(1);
    await left.learn({ text: 'hey, how are you?', label: 'greeting' });
    await right.storedRecord(); // the notification's refresh has run
    const texts = (classifier: TeachableClassifier) =>
      classifier
        .getSnapshot()
        .examples.map((example) => example.text)
        .sort();
    const all = [...examples.map((example) => example.text), 'hey, how are you?'].sort();
    expect(texts(left)).toEqual(all);
    expect(texts(right)).toEqual(all);
    expect(
      ((await store.read('shared')) as StoredRecord).examples.map(
        (example) => (example as { text: string }).text,
      ),
    ).toHaveLength(5);
    expect(await right.predict('bye bye')).toEqual(await left.predict('bye bye'));
    await right.forget({ text: 'hello there', label: 'greeting' });
    await left.storedRecord();
    expect(texts(left)).not.toContain('hello there');
  });
});

describe('a failed write', () => {
  it('is a ClassifierStorageError, and leaves the stored and the in-memory state as they were', async () => {
    const store = createMemoryStore();
    let full = false;
    const flaky: ClassifierStore = {
      ...store,
      kind: 'memory',
      commit: async (id, expected, change) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return store.commit(id, expected, change);
      },
    };
    const classifier = await opened(open(flaky, 'quota'));
    await classifier.learn(examples);
    const state = classifier.getSnapshot();
    const stored = await store.read('quota');
    const prediction = await classifier.predict('see you soon');
    full = true;
    const error = await rejection(classifier.learn({ text: 'so long', label: 'goodbye' }));
    expect(ClassifierStorageError.isInstance(error)).toBe(true);
    expect((error as ClassifierStorageError).reason).toBe('quota-exceeded');
    expect(classifier.getSnapshot().examples).toBe(state.examples);
    expect(classifier.getSnapshot().status).toBe('error');
    expect(await store.read('quota')).toEqual(stored);
    expect(await classifier.predict('see you soon')).toEqual(prediction);
    full = false;
    await classifier.learn({ text: 'so long', label: 'goodbye' });
    expect(classifier.getSnapshot()).toMatchObject({ status: 'ready', error: null });
  });
});

describe('validation and limits', () => {
  const client = createClient({
    backend: 'wasm',
    limits: { maxExamples: 5, maxLabels: 3, maxImportBytes: 200_000 },
  });
  afterAll(() => client.dispose());

  it('rejects a sparse learn() naming the hole, and the classifier stays ready and unchanged', async () => {
    const classifier = client.teachable({ id: 'sparse', labels });
    await classifier.learn(examples.slice(0, 1));
    const before = classifier.getSnapshot();
    // eslint-disable-next-line no-sparse-arrays
    const error = await rejection(classifier.learn([, examples[1]] as never));
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).parameter).toBe('examples[0]');
    expect(classifier.getSnapshot().status).toBe('ready');
    expect(classifier.getSnapshot().examples).toBe(before.examples);
  });

  it('rejects numbers that are not finite as float32, holes and unknown fields in imports', async () => {
    const source = client.teachable({ id: 'valid-source', labels });
    await source.learn(examples);
    const valid = JSON.parse(JSON.stringify(await source.export())) as TeachableExport;
    const head = valid.head as NonNullable<TeachableExport['head']>;
    const weights = [...head.weights];
    weights[5] = 1e308;
    const sparseExamples = [...valid.examples];
    delete sparseExamples[1];
    const cases: [unknown, string][] = [
      [{ ...valid, head: { ...head, weights } }, 'head.weights[5]'],
      [{ ...valid, head: { ...head, bias: [0, -1e39] } }, 'head.bias[1]'],
      [{ ...valid, examples: sparseExamples }, 'examples[1]'],
      [{ ...valid, extra: true }, 'extra'],
      [{ ...valid, head: { ...head, scale: 2 } }, 'head.scale'],
      [{ ...valid, version: 2 }, 'version'],
    ];
    const target = client.teachable({ id: 'import-target', labels });
    for (const [data, path] of cases) {
      const error = await rejection(target.import(data));
      expect(InvalidClassifierDataError.isInstance(error), path).toBe(true);
      expect((error as InvalidClassifierDataError).path).toBe(path);
    }
    expect(((await rejection(target.import({ ...valid, version: 2 }))) as Error).message).toMatch(
      /newer version of ondevice/,
    );
    expect(target.getSnapshot().status).toBe('ready');
  });

  it('enforces maxExamples, maxLabels and maxImportBytes with LimitExceededError', async () => {
    const classifier = client.teachable({ id: 'limited', labels });
    await classifier.learn(examples);
    const limit = async (promise: Promise<unknown>, name: string) => {
      const error = await rejection(promise);
      expect(LimitExceededError.isInstance(error), name).toBe(true);
      expect((error as LimitExceededError).limit).toBe(name);
    };
    await limit(
      classifier.learn([
        { text: 'one more', label: 'greeting' },
        { text: 'and another', label: 'greeting' },
      ]),
      'maxExamples',
    );
    await limit(
      classifier.learn([
        { text: 'a', label: 'third' },
        { text: 'b', label: 'fourth' },
      ]),
      'maxLabels',
    );
    expect(classifier.getSnapshot()).toMatchObject({
      status: 'ready',
      labels: ['greeting', 'goodbye'],
    });
    expect(classifier.getSnapshot().examples).toHaveLength(4);
    const exported = await classifier.export();
    await limit(
      classifier.import({
        ...exported,
        labels: [...exported.labels, { id: 'big', descriptions: ['x'.repeat(200_000)] }],
      }),
      'maxImportBytes',
    );
    expect(() =>
      client.teachable({
        id: 'too-many-labels',
        labels: ['a', 'b', 'c', 'd'].map((id) => ({ id, descriptions: [] })),
      }),
    ).toThrow(LimitExceededError);
  });
});

describe('predictions', () => {
  it('never come out NaN: a non-finite score is a typed error', () => {
    const head = {
      labels: ['a', 'b'],
      weights: Float32Array.from([Number.POSITIVE_INFINITY, 0, 0, 0]),
      bias: new Float32Array(2),
      dimensions: 2,
    };
    expect(() => headScores(head, Float32Array.from([1, 0]))).toThrow(RuntimeError);
    expect(() => headScores(head, Float32Array.from([1, 0]))).toThrow(/non-finite/);
  });
});
