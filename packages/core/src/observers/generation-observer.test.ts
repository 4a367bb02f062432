import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AbortError, InvalidInputError, RuntimeError } from '@ondevice/errors';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/create-client.js';
import type {
  GenerateOptions,
  GenerationResult,
  GenerationStream,
  TextGenerator,
} from '../tasks/generation/generation-types.js';
import { GenerationObserver, type GenerationState } from './generation-observer.js';

// The observer's own logic (streaming, stop, supersede, errors), driven by a generator whose
// stream the test controls. The model handle is a real client's, never loaded: it only
// reports `progress`. The real model runs in the last test.
const client = createClient({ backend: 'wasm' });

interface Call {
  input: unknown;
  options: GenerateOptions;
  push(piece: string): void;
  finish(result?: Partial<GenerationResult>): void;
  fail(error: unknown): void;
}

function fakeGenerator() {
  const calls: Call[] = [];
  const generator: TextGenerator = {
    modelId: 'use-lite',
    load: async () => {},
    generate(input, options = {}): GenerationStream {
      const pieces: string[] = [];
      let text = '';
      let waiting: (() => void) | undefined;
      let ended: { error?: unknown } | undefined;
      let settle!: { resolve(result: GenerationResult): void; reject(error: unknown): void };
      const result = new Promise<GenerationResult>((resolve, reject) => {
        settle = { resolve, reject };
      });
      result.catch(() => {});
      const end = (outcome: { error?: unknown }, value?: GenerationResult) => {
        if (ended) return;
        ended = outcome;
        if (outcome.error) settle.reject(outcome.error);
        else settle.resolve(value as GenerationResult);
        waiting?.();
      };
      options.signal?.addEventListener('abort', () =>
        end({ error: new AbortError({ message: 'Generation was aborted.' }) }),
      );
      calls.push({
        input,
        options,
        push: (piece) => {
          text += piece;
          pieces.push(piece);
          waiting?.();
        },
        finish: (overrides) =>
          end(
            {},
            {
              text,
              tokens: text.length,
              promptTokens: 3,
              finishReason: 'eos',
              timeToFirstTokenMs: 5,
              milliseconds: 10,
              tokensPerSecond: 100,
              meanTokenLogProbability: -1,
              ...overrides,
            },
          ),
        fail: (error) => end({ error }),
      });
      return {
        result,
        async *[Symbol.asyncIterator]() {
          for (;;) {
            const piece = pieces.shift();
            if (piece !== undefined) {
              yield piece;
              continue;
            }
            if (ended) {
              await result;
              return;
            }
            await new Promise<void>((resolve) => (waiting = resolve));
          }
        },
      };
    },
  };
  return { generator, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function observe(observer: GenerationObserver) {
  const seen: GenerationState[] = [];
  const stop = observer.subscribe(() => seen.push(observer.getSnapshot()));
  return { seen, stop, statuses: () => seen.map((state) => state.status) };
}

describe('GenerationObserver', () => {
  it('is idle until asked, then goes loading → generating (text grows) → done', async () => {
    const { generator, calls } = fakeGenerator();
    const observer = new GenerationObserver(client, { generator });
    expect(observer.getSnapshot()).toEqual({
      status: 'idle',
      text: '',
      result: undefined,
      error: undefined,
      progress: { status: 'idle' },
    });
    const { seen, stop, statuses } = observe(observer);
    const done = observer.generate('Once upon a time');
    expect(observer.getSnapshot().status).toBe('loading');
    expect(calls[0]?.input).toBe('Once upon a time');
    calls[0]?.push(', there');
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'generating', text: ', there' });
    calls[0]?.push(' was');
    await tick();
    expect(observer.getSnapshot().text).toBe(', there was');
    calls[0]?.finish({ finishReason: 'length' });
    const result = await done;
    expect(result?.finishReason).toBe('length');
    expect(observer.getSnapshot()).toMatchObject({
      status: 'done',
      text: ', there was',
      result: { text: ', there was', finishReason: 'length' },
    });
    expect(statuses()).toEqual(['loading', 'generating', 'generating', 'done']);
    expect(seen.map((state) => state.text)).toEqual(['', ', there', ', there was', ', there was']);
    stop();
  });

  it('stops: state stopped at once, text kept, stream aborted, later pieces ignored', async () => {
    const { generator, calls } = fakeGenerator();
    const observer = new GenerationObserver(client, { generator });
    const { stop } = observe(observer);
    const done = observer.generate('Hello');
    calls[0]?.push('one');
    await tick();
    observer.stop();
    expect(observer.getSnapshot()).toMatchObject({ status: 'stopped', text: 'one' });
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    calls[0]?.push(' two');
    expect(await done).toBeUndefined();
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'stopped', text: 'one' });
    // Stopping when nothing runs changes nothing.
    const before = observer.getSnapshot();
    observer.stop();
    expect(observer.getSnapshot()).toBe(before);
    stop();
  });

  it('a new generate() supersedes the one in flight, whose late text never shows', async () => {
    const { generator, calls } = fakeGenerator();
    const observer = new GenerationObserver(client, { generator });
    const { stop } = observe(observer);
    const first = observer.generate('first');
    calls[0]?.push('old');
    await tick();
    const second = observer.generate('second');
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    expect(observer.getSnapshot()).toMatchObject({ status: 'loading', text: '' });
    calls[1]?.push('new');
    calls[1]?.finish();
    expect(await first).toBeUndefined();
    expect((await second)?.text).toBe('new');
    expect(observer.getSnapshot()).toMatchObject({ status: 'done', text: 'new' });
    stop();
  });

  it("ends as stopped when the caller's own signal aborts", async () => {
    const { generator, calls } = fakeGenerator();
    const observer = new GenerationObserver(client, { generator });
    const { stop } = observe(observer);
    const controller = new AbortController();
    const done = observer.generate('x', { signal: controller.signal });
    calls[0]?.push('a');
    await tick();
    controller.abort();
    expect(await done).toBeUndefined();
    expect(observer.getSnapshot()).toMatchObject({ status: 'stopped', text: 'a' });
    stop();
  });

  it('publishes typed errors (foreign ones wrapped), keeping the text that came before', async () => {
    const { generator, calls } = fakeGenerator();
    const observer = new GenerationObserver(client, { generator });
    const { stop } = observe(observer);
    const done = observer.generate('x');
    calls[0]?.push('partial');
    await tick();
    calls[0]?.fail(new TypeError('boom'));
    expect(await done).toBeUndefined();
    const state = observer.getSnapshot();
    expect(state).toMatchObject({ status: 'error', text: 'partial' });
    expect(RuntimeError.isInstance(state.error)).toBe(true);
    expect(state.error?.message).toBe('Text generation failed: TypeError: boom');

    // A generator that throws before streaming (invalid input) gives its own typed error.
    const invalid = new InvalidInputError({ parameter: 'prompt', message: 'empty prompt' });
    vi.spyOn(generator, 'generate').mockImplementationOnce(() => {
      throw invalid;
    });
    await observer.generate('');
    expect(observer.getSnapshot()).toMatchObject({ status: 'error', text: '', error: invalid });
    stop();
  });

  it('merges its defaults under each call, ignoring undefined call options', async () => {
    const { generator, calls } = fakeGenerator();
    const observer = new GenerationObserver(client, { generator, maxNewTokens: 8, topK: 5 });
    const { stop } = observe(observer);
    void observer.generate('a', { maxNewTokens: undefined, temperature: 0.5 });
    expect(calls[0]?.options).toMatchObject({ maxNewTokens: 8, topK: 5, temperature: 0.5 });
    observer.setOptions({ maxNewTokens: 16 });
    void observer.generate('b', { topK: 1 });
    expect(calls[1]?.options).toMatchObject({ maxNewTokens: 16, topK: 1 });
    expect(calls[1]?.options.temperature).toBeUndefined();
    observer.reset();
    expect(observer.getSnapshot()).toMatchObject({ status: 'idle', text: '' });
    expect(calls[1]?.options.signal?.aborted).toBe(true);
    stop();
  });

  it('stops the generation when the last listener leaves, and on destroy', async () => {
    const { generator, calls } = fakeGenerator();
    const observer = new GenerationObserver(client, { generator });
    const { stop } = observe(observer);
    void observer.generate('a');
    stop();
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    expect(observer.getSnapshot().status).toBe('stopped');

    const listener = vi.fn();
    observer.subscribe(listener);
    void observer.generate('b');
    observer.destroy();
    expect(calls[1]?.options.signal?.aborted).toBe(true);
    expect(observer.hasListeners()).toBe(false);
  });
});

const storiesFolder = fileURLToPath(
  new URL('../../../../../shared/models/converted/llama2.c-stories260K', import.meta.url),
);
const hasStories = existsSync(storiesFolder);
if (!hasStories) console.warn(`generation-observer.test.ts: ${storiesFolder} is missing; skipped.`);

describe.skipIf(!hasStories)('GenerationObserver (real model: stories260K)', () => {
  it('streams the greedy story piece by piece and reports the model loading', async () => {
    // Transformers.js runs on onnxruntime-node in Node: the automatic backend picks it.
    const real = createClient();
    const generator = real.generator({ model: storiesFolder });
    const observer = new GenerationObserver(real, { generator, maxNewTokens: 20 });
    const { seen, stop } = observe(observer);
    const result = await observer.generate('Once upon a time');
    expect(result?.tokens).toBe(20);
    const state = observer.getSnapshot();
    expect(state).toMatchObject({ status: 'done', progress: { status: 'ready' } });
    expect(state.text).toMatch(/^, there was a little girl named Lily/);
    const texts = seen.filter((entry) => entry.status === 'generating').map((entry) => entry.text);
    // The first token's piece at once, then at most one piece a frame, growing to the whole.
    expect(texts.find((text) => text !== '')).toBe(',');
    expect(texts.at(-1)).toBe(state.text);
    texts.forEach((text, index) => expect(text.startsWith(texts[index - 1] ?? '')).toBe(true));
    const phases = seen
      .map((entry) => entry.progress.status)
      .filter((status, index, all) => status !== all[index - 1]);
    expect(phases.at(-1)).toBe('ready');
    expect(phases).toContain('initializing');
    stop();
    real.dispose();
  });
});
