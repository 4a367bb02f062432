import { describe, expect, it } from 'vitest';
import { AbortError, InvalidInputError, LimitExceededError, createClient } from '../index.js';

// Real USE-lite weights, tfjs wasm, in-thread (Node): the engine shares the app's event loop.
const client = createClient({ backend: 'wasm' });
const embedder = client.embedder({ cacheSize: 0 });

describe('bounded work', () => {
  it('embeds a 1 MB text from its start and says it was truncated', async () => {
    const megabyte = 'Our invoices arrive late and support never answers. '.repeat(20_000);
    expect(megabyte.length).toBeGreaterThan(1_000_000);
    const { embeddings, truncated } = await embedder.embed([megabyte, 'short text']);
    expect(truncated).toEqual([true, false]);
    expect(embeddings[0]?.every(Number.isFinite)).toBe(true);
    // A 10 MB text without spaces (a pathological input for a quadratic tokenizer) too.
    const { truncated: flags } = await embedder.embed('x'.repeat(10_000_000));
    expect(flags).toEqual([true]);
  });

  it("truncation: 'error' rejects a text over the token limit with LimitExceededError", async () => {
    const long = 'word '.repeat(400);
    const error = await embedder.embed(['fine', long], { truncation: 'error' }).catch((e) => e);
    expect(LimitExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'maxTokens', maximum: 128 });
    expect(String(error.message)).toContain('texts[1]');
    await expect(embedder.embed('fine', { truncation: 'error' })).resolves.toMatchObject({
      truncated: [false],
    });
  });

  it('an abort of a long job frees the engine: it rejects, and the next call runs', async () => {
    await embedder.load();
    const job = Array.from({ length: 200 }, (_, index) => `${index} ${'a'.repeat(30_000)}`);
    const controller = new AbortController();
    const running = embedder.embed(job, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toSatisfy((error) => AbortError.isInstance(error));
    const next = await embedder.embed('the engine is free again');
    expect(next.embeddings).toHaveLength(1);
  });

  it('timers fire while a 1,000-sentence job runs: the event loop is not held for the whole job', async () => {
    const sentences = Array.from(
      { length: 1000 },
      (_, index) => `Sentence ${index} about the weather in town.`,
    );
    const events: string[] = [];
    const job = embedder.embed(sentences).then(() => events.push('job done'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    events.push('timer fired');
    await job;
    expect(events).toEqual(['timer fired', 'job done']);
  });

  it('rejects a sparse array with a typed error naming the hole', async () => {
    // eslint-disable-next-line no-sparse-arrays
    const error = await embedder.embed([, 'a'] as string[]).catch((e) => e);
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error.parameter).toBe('texts[0]');
  });
});

describe('bounded teaching', () => {
  it('an abort of learn() over 5,000 examples of 10 kB each ends it promptly and keeps the previous state', async () => {
    const classifier = client.teachable({ id: 'bounded-learn' });
    await classifier.learn({ text: 'refund my invoice', label: 'billing' });
    const before = classifier.getSnapshot().examples.length;
    const examples = Array.from({ length: 5000 }, (_, index) => ({
      text: `${index} ${'a long ticket about billing and shipping '.repeat(250)}`,
      label: index % 2 === 0 ? 'billing' : 'shipping',
    }));
    const controller = new AbortController();
    const learning = classifier.learn(examples, { signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    // Before: not finished after 15 minutes. The test's own timeout bounds it here.
    await expect(learning).rejects.toSatisfy((error) => AbortError.isInstance(error));
    expect(classifier.getSnapshot().examples).toHaveLength(before);
    expect(classifier.getSnapshot().status).toBe('ready');
  });
});
