import { afterAll, describe, expect, it, vi } from 'vitest';
import { testEngineOptions } from '../test-support/engine-options.test.support.js';
import { InProcessWorker } from '../test-support/in-process-worker.test.support.js';
import {
  AbortError,
  InvalidClassifierDataError,
  WorkerCrashedError,
  createClient,
} from '../index.js';
import {
  createHashingModelManifest,
  hashingModelManifest,
} from '../runtimes/hashing/hashing-model-manifest.js';
import { createWorkerConnection } from './worker-connection.js';
import type { WorkerRequest } from './protocol.js';

vi.stubGlobal('Worker', InProcessWorker);
afterAll(() => {
  vi.unstubAllGlobals();
});

/** Workers the client below started, oldest first. */
const clientWorkers: InProcessWorker[] = [];
const worker = createClient({
  backend: 'wasm',
  createWorker: () => {
    const created = new InProcessWorker();
    clientWorkers.push(created);
    return created as unknown as Worker;
  },
});
const inThread = createClient({ backend: 'wasm', worker: false });
const labels = [
  { id: 'billing', descriptions: ['invoice, payment or refund'] },
  { id: 'shipping', descriptions: ['delivery of a parcel'] },
];

describe('classifier tasks through the worker protocol', () => {
  it('give the same answers as in-thread', async () => {
    expect(worker.diagnostics().worker.enabled).toBe(true);
    const texts = ['I love it', 'Where is my parcel?'];
    expect(await worker.sentiment().analyze(texts, { explain: true })).toEqual(
      await inThread.sentiment().analyze(texts, { explain: true }),
    );
    expect(await worker.zeroShot({ labels }).classify(texts)).toEqual(
      await inThread.zeroShot({ labels }).classify(texts),
    );
    const posted = InProcessWorker.created.flatMap((created) => created.posted);
    expect(posted.some((message) => message.type === 'task' && message.task === 'sentiment')).toBe(
      true,
    );
  });

  it('rebuild typed errors thrown in the worker as their own classes', async () => {
    const classifier = worker.teachable({ id: 'errors', labels });
    await classifier.learn([{ text: 'refund please', label: 'billing' }]);
    const exported = await classifier.export();
    // The page checks imported heads; a request built by hand reaches the engine's own check.
    const head = exported.head as NonNullable<typeof exported.head>;
    const connection = createWorkerConnection({
      engineOptions: testEngineOptions(),
      createWorker: () => new InProcessWorker() as unknown as Worker,
      onFailure: () => {},
    });
    const error = await connection
      .task({
        task: 'teachable',
        modelId: 'use-lite',
        payload: { op: 'predict', texts: ['hello'], explain: false },
        instance: {
          id: 'hand-made',
          version: 1,
          state: {
            labels,
            examples: [],
            head: {
              labels: head.labels,
              weights: [0, 0, 0, 0, 0, 0, 0, 0],
              bias: [0, 0],
              dimensions: 4,
            },
            unsureBelow: 0.5,
          },
        },
      })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(InvalidClassifierDataError.isInstance(error)).toBe(true);
    connection.dispose();
    expect((error as InvalidClassifierDataError).path).toBe('head.dimensions');
  });

  it('map an AbortSignal to a cancel message and reject with AbortError', async () => {
    await worker.sentiment().analyze('warm up');
    const controller = new AbortController();
    const pending = worker.sentiment().analyze(
      Array.from({ length: 200 }, (_, index) => `sentence number ${index} to cancel`),
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toSatisfy((error: unknown) => AbortError.isInstance(error));
    const posted = InProcessWorker.created.flatMap((created) => created.posted);
    expect(posted.some((message) => message.type === 'cancel')).toBe(true);
  });

  it('fail pending work with WorkerCrashedError on a crash, and keep teachable state across the restart', async () => {
    const classifier = worker.teachable({ id: 'survivor', labels });
    await classifier.learn([
      { text: 'I was charged twice', label: 'billing' },
      { text: 'my parcel is late', label: 'shipping' },
    ]);
    const before = await classifier.predict(['refund my payment', 'where is the delivery']);
    const running = clientWorkers.at(-1) as InProcessWorker;
    const pending = worker.sentiment().analyze('this will not finish');
    // Crash once the task is in the worker's hands.
    await vi.waitFor(
      () => {
        const posted = running.posted.some(
          (message) =>
            message.type === 'task' &&
            message.task === 'sentiment' &&
            (message.payload as { texts: string[] }).texts[0] === 'this will not finish',
        );
        expect(posted).toBe(true);
      },
      { timeout: 10_000, interval: 1 },
    );
    running.crash();
    await expect(pending).rejects.toSatisfy((error: unknown) =>
      WorkerCrashedError.isInstance(error),
    );
    expect(worker.diagnostics().worker.restarts).toBe(1);
    const after = await classifier.predict(['refund my payment', 'where is the delivery']);
    expect(clientWorkers.at(-1)).not.toBe(running); // a fresh worker answered
    expect(after).toEqual(before);
    await classifier.learn({ text: 'the invoice is wrong', label: 'billing' }); // retraining works on the new worker
    expect(classifier.getSnapshot().examples).toHaveLength(3);
  });
});

/** A worker client with two hashing models, and the workers it started, oldest first. */
function twoModelClient() {
  const created: InProcessWorker[] = [];
  const client = createClient({
    models: [hashingModelManifest, createHashingModelManifest({ id: 'hashing-8', dimensions: 8 })],
    defaultModel: hashingModelManifest.id,
    createWorker: () => {
      const next = new InProcessWorker();
      created.push(next);
      return next as unknown as Worker;
    },
  });
  return { client, created };
}

describe('unloading the last model', () => {
  it('ends the worker (its memory goes back); the next request starts a new one with the state it needs', async () => {
    const { client, created } = twoModelClient();
    const classifier = client.teachable({ id: 'kept-across-workers', labels });
    await classifier.learn([
      { text: 'refund my invoice', label: 'billing' },
      { text: 'the parcel is late', label: 'shipping' },
    ]);
    const before = await classifier.predict(['invoice refund please']);
    await client.embedder({ model: 'hashing-8' }).embed(['a second model']);
    expect(Object.keys(await client.memory())).toEqual(['hashing']);

    expect(await client.unload('hashing-8')).toBe(true);
    expect(created).toHaveLength(1); // one model left: the worker stays
    expect(client.diagnostics().worker.idleEnds).toBe(0);

    expect(await client.unload('hashing-test')).toBe(true);
    expect(client.diagnostics().worker).toMatchObject({
      idleEnds: 1,
      restarts: 0,
      lastFailure: null,
    });
    expect(await client.memory()).toEqual({}); // no worker, no runtime: nothing held
    expect(created).toHaveLength(1); // asking for memory started no worker
    expect(await client.unload('hashing-test')).toBe(false);

    // The next request starts a new worker; the classifier sends its examples again.
    expect(await classifier.predict(['invoice refund please'])).toEqual(before);
    expect(created).toHaveLength(2);
    expect(client.model('hashing-test').getSnapshot().status).toBe('ready');
    client.dispose();
  });

  it('keeps the worker while other requests are still pending', async () => {
    const { client, created } = twoModelClient();
    await client.embedder().embed(['loaded']);
    // Asked after the unload: still pending when the unload's answer arrives.
    const unloading = client.unload('hashing-test');
    const memory = client.memory();
    expect(await unloading).toBe(true);
    expect(await memory).toEqual({ hashing: { tensors: 0, bytes: 0 } });
    expect(client.diagnostics().worker.idleEnds).toBe(0);
    // A load of another model sent after the unload: the engine holds it when it answers.
    await client.embedder().embed(['loaded again']);
    const unloadingAgain = client.unload('hashing-test');
    const other = client.embedder({ model: 'hashing-8' }).embed(['still coming']);
    expect(await unloadingAgain).toBe(true);
    expect((await other).dimensions).toBe(8);
    expect(created).toHaveLength(1);
    expect(client.diagnostics().worker.idleEnds).toBe(0);
    client.dispose();
  });
});

/** A worker stuck in work that never yields: it reads nothing after its first embed request. */
class StuckWorker extends InProcessWorker {
  private stuck = false;

  override postMessage(message: WorkerRequest) {
    if (this.stuck) {
      this.posted.push(structuredClone(message));
      return;
    }
    if (message.type === 'embed') this.stuck = true;
    super.postMessage(message);
  }
}

describe('a worker that does not yield', () => {
  it('is replaced when it does not acknowledge a cancel; other pending requests go to the new worker', async () => {
    const failures: string[] = [];
    const created: InProcessWorker[] = [];
    const connection = createWorkerConnection({
      engineOptions: testEngineOptions(),
      createWorker: () => {
        const next = created.length === 0 ? new StuckWorker() : new InProcessWorker();
        created.push(next);
        return next as unknown as Worker;
      },
      onFailure: (error) => failures.push(error.message),
      cancelAcknowledgementMs: 200,
    });
    const controller = new AbortController();
    const stuckCall = connection.embed('use-lite', ['this request never ends'], controller.signal);
    // Sent after the stuck request: it waits behind it, and must not be lost.
    const waiting = connection.embed('use-lite', ['and this one waits behind it']);
    controller.abort();
    await expect(stuckCall).rejects.toSatisfy((error) => AbortError.isInstance(error));
    const { vectors, truncated } = await waiting;
    expect(vectors).toHaveLength(512);
    expect(truncated).toEqual([false]);
    expect(created).toHaveLength(2);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('did not answer a cancel within 200 ms');
    connection.dispose();
  });

  it('a worker that acknowledges the cancel is kept', async () => {
    const created: InProcessWorker[] = [];
    const connection = createWorkerConnection({
      engineOptions: testEngineOptions(),
      createWorker: () => {
        const next = new InProcessWorker();
        created.push(next);
        return next as unknown as Worker;
      },
      onFailure: () => {},
    });
    await connection.load('use-lite', () => {});
    const controller = new AbortController();
    // Long enough to be running when the cancel arrives; the engine reads messages between runs.
    const job = Array.from({ length: 300 }, (_, index) => `text ${index} ${'word '.repeat(60)}`);
    const call = connection.embed('use-lite', job, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toSatisfy((error) => AbortError.isInstance(error));
    // Past the acknowledgement time (the default, 1 s): a missing acknowledgement would have
    // replaced the worker by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await connection.embed('use-lite', ['still the same worker']);
    expect(created).toHaveLength(1);
    connection.dispose();
  });
});
