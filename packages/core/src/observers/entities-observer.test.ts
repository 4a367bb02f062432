import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AbortError } from '@ondevice/errors';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client/create-client.js';
import type { EntityRecognizer, EntitySpan } from '../tasks/entities/entity-types.js';
import { EntitiesObserver } from './entities-observer.js';

// The observer's own logic, driven by a recognizer the test controls. The model handle is a real
// client's, never loaded: it only reports `progress`. The real fixture model runs last.
const client = createClient({ backend: 'wasm' });

interface Call {
  text: string;
  signal: AbortSignal | undefined;
  resolve(spans: EntitySpan[]): void;
}

function fakeRecognizer() {
  const calls: Call[] = [];
  const recognize = (text: string, options: { signal?: AbortSignal } = {}) =>
    new Promise<EntitySpan[]>((resolve, reject) => {
      calls.push({ text, signal: options.signal, resolve });
      options.signal?.addEventListener('abort', () =>
        reject(new AbortError({ message: 'aborted in test' })),
      );
    });
  const recognizer = {
    modelId: 'use-lite',
    load: async () => {},
    recognize,
  } as unknown as EntityRecognizer;
  return { recognizer, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const alice: EntitySpan = { type: 'PER', text: 'Alice', start: 0, end: 5, score: 0.9 };

describe('EntitiesObserver', () => {
  it('recognises the text of its options, idle for blank text', async () => {
    const { recognizer, calls } = fakeRecognizer();
    const observer = new EntitiesObserver(client, { recognizer });
    expect(observer.recognizer).toBe(recognizer);
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: '   ' });
    expect(observer.getSnapshot()).toMatchObject({ status: 'idle', data: undefined });
    observer.setOptions({ input: 'Alice works here.' });
    expect(observer.getSnapshot()).toMatchObject({
      status: 'loading',
      progress: { status: 'idle' },
    });
    expect(calls.map((call) => call.text)).toEqual(['Alice works here.']);
    calls[0]?.resolve([alice]);
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'success', data: [alice] });
    stop();
  });

  it("does not keep the previous text's spans (their offsets belong to it), and aborts stale texts", async () => {
    const { recognizer, calls } = fakeRecognizer();
    const observer = new EntitiesObserver(client, { recognizer });
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: 'Alice works here.', debounceMs: 0 });
    calls[0]?.resolve([alice]);
    await tick();
    observer.setOptions({ input: 'Then Alice left.', debounceMs: 0 });
    expect(observer.getSnapshot()).toMatchObject({ status: 'loading', data: undefined });
    observer.setOptions({ input: 'Then Alice left for Paris.', debounceMs: 0 });
    expect(calls[1]?.signal?.aborted).toBe(true);
    calls[1]?.resolve([alice]); // stale: ignored
    await tick();
    expect(observer.getSnapshot().status).toBe('loading');
    calls[2]?.resolve([]);
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'success', data: [] });
    stop();
  });
});

const nerFolder = fileURLToPath(
  new URL('../../fixtures/models/ondevice-fixtures/tiny-ner', import.meta.url),
);
const hasNer = existsSync(nerFolder);
if (!hasNer)
  console.warn(`entities-observer.test.ts: ${nerFolder} is missing; run \`npm run fixtures\`.`);

describe.skipIf(!hasNer)('EntitiesObserver (real fixture model: tiny-ner)', () => {
  it('finds the person, organisation and place, with offsets into the text', async () => {
    // Transformers.js runs on onnxruntime-node in Node: the automatic backend picks it.
    const real = createClient();
    const observer = new EntitiesObserver(real, {
      recognizer: real.entities({ model: nerFolder }),
    });
    const text = 'Alice Johnson works at Acme Corp in Paris';
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: text });
    await expect.poll(() => observer.getSnapshot().status, { timeout: 60_000 }).toBe('success');
    const { data, progress } = observer.getSnapshot();
    expect(progress.status).toBe('ready');
    expect(data?.map((span) => [span.type, span.text])).toEqual([
      ['PER', 'Alice Johnson'],
      ['ORG', 'Acme Corp'],
      ['LOC', 'Paris'],
    ]);
    for (const span of data ?? []) expect(text.slice(span.start, span.end)).toBe(span.text);
    stop();
    real.dispose();
  });
});
