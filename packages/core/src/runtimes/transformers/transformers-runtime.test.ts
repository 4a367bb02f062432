// The Transformers.js runtime through the public API in Node (onnxruntime-node, in-thread
// engine): real models only — stories260K from ../shared and the generated fixture models.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessWorker } from '../../test-support/in-process-worker.test.support.js';
import {
  AbortError,
  InvalidInputError,
  ModelIntegrityError,
  ModelLoadError,
  type ModelStatus,
  createClient,
  transformersModel,
} from '../../index.js';

const fixtures = fileURLToPath(
  new URL('../../../fixtures/models/ondevice-fixtures/', import.meta.url),
);
const stories = fileURLToPath(
  new URL('../../../../../../shared/models/converted/llama2.c-stories260K', import.meta.url),
);
const haveFixtures = existsSync(join(fixtures, 'tiny-ner'));
const haveStories = existsSync(join(stories, 'onnx/model.onnx'));
if (!haveFixtures)
  console.warn(`Skipping fixture-model tests: ${fixtures} is missing (run npm run fixtures).`);
if (!haveStories)
  console.warn(`Skipping generation tests: ${stories} is absent (../shared/models).`);

/** Greedy outputs recorded in shared/models/SOURCES.md. */
const onceUponATime =
  ', there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily';

const folder = (name: string) => join(fixtures, name);

/** stories260K's tokens of "<s>Once upon a time" (checked below against its tokenizer.json). */
const promptIds = [1, 403, 407, 261, 378];

/**
 * Greedy decoding of stories260K straight on onnxruntime-node, without Transformers.js: the
 * whole sequence through the model at every step (no cache), and the log probability of each
 * chosen token from the last position's logits by log softmax in doubles. Also the pieces of the
 * chosen tokens, from tokenizer.json.
 */
async function referenceGreedy(steps: number) {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(join(stories, 'onnx/model.onnx'));
  const config = JSON.parse(await readFile(join(stories, 'config.json'), 'utf8')) as {
    num_hidden_layers: number;
    num_key_value_heads: number;
    head_dim: number;
  };
  const tokenizer = JSON.parse(await readFile(join(stories, 'tokenizer.json'), 'utf8')) as {
    model: { vocab: Record<string, number> };
  };
  const pieces = new Map(Object.entries(tokenizer.model.vocab).map(([piece, id]) => [id, piece]));
  const ids = [...promptIds];
  const logProbabilities: number[] = [];
  const gaps: number[] = [];
  const emptyCache = () =>
    new ort.Tensor('float32', new Float32Array(0), [
      1,
      config.num_key_value_heads,
      0,
      config.head_dim,
    ]);
  for (let step = 0; step < steps; step += 1) {
    const length = ids.length;
    const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, length]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(length).fill(1n), [1, length]),
      position_ids: new ort.Tensor(
        'int64',
        BigInt64Array.from({ length }, (_, index) => BigInt(index)),
        [1, length],
      ),
    };
    for (let layer = 0; layer < config.num_hidden_layers; layer += 1) {
      feeds[`past_key_values.${layer}.key`] = emptyCache();
      feeds[`past_key_values.${layer}.value`] = emptyCache();
    }
    const { logits } = await session.run(feeds, ['logits']);
    const vocabulary = (logits as InstanceType<typeof ort.Tensor>).dims.at(-1) as number;
    const all = (logits as InstanceType<typeof ort.Tensor>).data as Float32Array;
    const row = Array.from(all.subarray(all.length - vocabulary));
    const maximum = Math.max(...row);
    const chosen = row.indexOf(maximum);
    const logSumExp =
      maximum + Math.log(row.reduce((sum, value) => sum + Math.exp(value - maximum), 0));
    logProbabilities.push(maximum - logSumExp);
    gaps.push(maximum - Math.max(...row.filter((_, index) => index !== chosen)));
    ids.push(chosen);
  }
  await session.release();
  const decode = (tokens: number[]) =>
    tokens
      .map((id) => pieces.get(id) ?? '')
      .map((piece) => {
        const byte = /^<0x([0-9A-F]{2})>$/.exec(piece);
        return byte ? String.fromCharCode(parseInt(byte[1] as string, 16)) : piece;
      })
      .join('')
      .replaceAll('\u2581', ' ');
  return {
    prompt: decode(promptIds.slice(1)),
    text: decode(ids.slice(promptIds.length)),
    vocabulary: pieces.size,
    gap: Math.min(...gaps),
    mean: logProbabilities.reduce((sum, value) => sum + value, 0) / logProbabilities.length,
  };
}

describe.skipIf(!haveStories)('text generation with stories260K (Node)', () => {
  const client = createClient({ worker: false });
  afterAll(() => client.dispose());

  it('streams the exact greedy continuation of SOURCES.md, piece by piece', async () => {
    const generator = client.generator({ model: stories });
    const stream = generator.generate('Once upon a time', { maxNewTokens: 60 });
    const pieces: string[] = [];
    for await (const piece of stream) pieces.push(piece);
    expect(pieces.join('')).toBe(onceUponATime);
    // The first token's piece at once (time to first token), then at most one piece a frame.
    expect(pieces[0]).toBe(',');
    expect(pieces.length).toBeGreaterThan(1);
    const result = await stream.result;
    expect(result).toMatchObject({
      text: onceUponATime,
      tokens: 60,
      finishReason: 'length',
      promptTokens: 5,
    });
    expect(result.tokensPerSecond).toBeGreaterThan(0);
  });

  it('ends on a stop string, leaving it out, and on the model’s own end of story', async () => {
    const generator = client.generator({ model: stories });
    const stopped = await generator.generate('Once upon a time', {
      maxNewTokens: 60,
      stop: ['Lily.'],
    }).result;
    expect(stopped).toMatchObject({
      text: ', there was a little girl named ',
      finishReason: 'stop',
    });
    const long = await generator.generate('Once upon a time', { maxNewTokens: 400 }).result;
    expect(long.finishReason).toBe('eos');
    expect(long.tokens).toBeLessThan(400);
    expect(long.text.endsWith('"Thank you, Lily! You are a good friend."')).toBe(true);
  });

  it('cancels between tokens: the stream throws AbortError and the next call works', async () => {
    const generator = client.generator({ model: stories });
    const controller = new AbortController();
    const stream = generator.generate('Once upon a time', {
      maxNewTokens: 400,
      signal: controller.signal,
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const piece of stream) {
          seen.push(piece);
          if (seen.length === 3) controller.abort();
        }
      })(),
    ).rejects.toSatisfy((error) => AbortError.isInstance(error));
    await expect(stream.result).rejects.toSatisfy((error) => AbortError.isInstance(error));
    const next = await generator.generate('Once upon a time', { maxNewTokens: 60 }).result;
    expect(next.text).toBe(onceUponATime);
  });

  it('refuses chat messages without a chat template, and bad options, with typed errors', async () => {
    const generator = client.generator({ model: stories });
    await expect(generator.generate([{ role: 'user', content: 'Hi' }]).result).rejects.toSatisfy(
      (error) => InvalidInputError.isInstance(error) && /chat template/.test(String(error)),
    );
    expect(() => generator.generate('Hi', { maxNewTokens: 0 })).toThrow(/maxNewTokens/);
    expect(() => generator.generate('')).toThrow(InvalidInputError);
    await expect(generator.generate('Hi', { maxNewTokens: 4000 }).result).rejects.toThrow(
      /context of 512 tokens/,
    );
  });

  it('reports the model’s confidence: the mean log probability of the chosen tokens', async () => {
    const generator = client.generator({ model: stories });
    const greedy = await generator.generate('Once upon a time', { maxNewTokens: 60 }).result;
    const mean = greedy.meanTokenLogProbability as number;
    expect(Number.isFinite(mean)).toBe(true);
    expect(mean).toBeGreaterThan(-5);
    expect(mean).toBeLessThanOrEqual(0);
    // Deterministic: the same number for the same greedy text.
    const again = await generator.generate('Once upon a time', { maxNewTokens: 60 }).result;
    expect(again.meanTokenLogProbability).toBeCloseTo(mean, 10);
    // The same number from the model run without Transformers.js, token by token.
    const reference = await referenceGreedy(60);
    expect(reference.prompt).toBe(' Once upon a time');
    expect(reference.text).toBe(onceUponATime);
    expect(mean).toBeCloseTo(reference.mean, 4);
    // Greedy picks the likeliest token each step: at least 1 / vocabulary each.
    expect(mean).toBeGreaterThan(Math.log(1 / reference.vocabulary));
    // Sampled hot from all tokens (on the same scale: before temperature) is less likely.
    const sampled = await generator.generate('Once upon a time', {
      maxNewTokens: 60,
      temperature: 1.5,
      topK: 0,
    }).result;
    expect(sampled.tokens).toBeGreaterThan(0);
    expect(sampled.meanTokenLogProbability).toBeLessThan(mean);
    // Sampled cold, the greedy text, and its number: the temperature is taken out of the logits
    // (divided by 0.002, they would give every chosen token a probability of about 1). The
    // likeliest token leads the next by at least 0.05 at every step: a probability above
    // 1 - 512 · e^-25 of the greedy choice each time.
    expect(reference.gap).toBeGreaterThan(0.05);
    const cold = await generator.generate('Once upon a time', {
      maxNewTokens: 60,
      temperature: 0.002,
      topK: 0,
    }).result;
    expect(cold.text).toBe(onceUponATime);
    expect(cold.meanTokenLogProbability).toBeCloseTo(mean, 4);
    // A single token is a mean of one: that token's log probability.
    const one = await generator.generate('Once upon a time', { maxNewTokens: 1 }).result;
    expect(one.tokens).toBe(1);
    expect(one.meanTokenLogProbability).toBeLessThanOrEqual(0);
    console.info(
      `stories260K meanTokenLogProbability: greedy ${mean} (reference ${reference.mean}, gap ${reference.gap}), sampled at 1.5 ${sampled.meanTokenLogProbability} (${sampled.tokens} tokens), first token ${one.meanTokenLogProbability}`,
    );
  });

  it('unload frees the session; the next call loads it again', async () => {
    const generator = client.generator({ model: stories });
    await generator.generate('Once', { maxNewTokens: 2 }).result;
    expect((await client.memory()).transformers?.tensors).toBeGreaterThan(0);
    expect(await client.unload(stories)).toBe(true);
    expect((await client.memory()).transformers).toEqual({ tensors: 0, bytes: 0 });
    expect(client.model(stories).getSnapshot().status).toBe('idle');
    expect((await generator.generate('Once upon a time', { maxNewTokens: 60 }).result).text).toBe(
      onceUponATime,
    );
  });
});

describe.skipIf(!haveStories)(
  'text generation with stories260K through the worker protocol',
  () => {
    let worker: ReturnType<typeof createClient>;
    const inThread = createClient({ worker: false });
    beforeAll(() => {
      // The real request handler and engine, every message structured-cloned as by a worker.
      vi.stubGlobal('Worker', InProcessWorker);
      worker = createClient({ createWorker: () => new InProcessWorker() as unknown as Worker });
    });
    afterAll(() => {
      worker.dispose();
      inThread.dispose();
      vi.unstubAllGlobals();
    });

    it('brings meanTokenLogProbability to the page, the same as in-thread', async () => {
      expect(worker.diagnostics().worker.enabled).toBe(true);
      const options = { maxNewTokens: 20 };
      const there = await worker.generator({ model: stories }).generate('Once upon a time', options)
        .result;
      const here = await inThread
        .generator({ model: stories })
        .generate('Once upon a time', options).result;
      expect(there.text).toBe(here.text);
      expect(typeof there.meanTokenLogProbability).toBe('number');
      expect(there.meanTokenLogProbability).toBeCloseTo(here.meanTokenLogProbability as number, 10);
      const posted = InProcessWorker.created.flatMap((created) => created.posted);
      expect(
        posted.some((message) => message.type === 'task' && message.task === 'generation'),
      ).toBe(true);
    });
  },
);

describe.skipIf(!haveFixtures)('encoder tasks on fixture models (Node)', () => {
  const client = createClient({ worker: false });
  afterAll(() => client.dispose());

  it('embeds with mean pooling and unit length, the same alone as batched with longer texts', async () => {
    const embedder = client.embedder({ model: folder('tiny-encoder') });
    const short = 'a short text';
    const long = Array.from(
      { length: 40 },
      (_, index) => `word${index} in a much longer text`,
    ).join(' ');
    const { embeddings, dimensions, backend } = await embedder.embed([short, long, 'hello']);
    expect({ dimensions, backend }).toEqual({ dimensions: 256, backend: 'cpu' });
    for (const vector of embeddings) {
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
    const alone = (
      await client.embedder({ model: folder('tiny-encoder'), cacheSize: 0 }).embed([short])
    ).embeddings[0] as Float32Array;
    alone.forEach((value, index) =>
      expect(value).toBeCloseTo((embeddings[0] as Float32Array)[index] as number, 4),
    );
  });

  it('maps a text classifier’s labels to sentiment', async () => {
    const sentiment = client.sentiment({ model: folder('tiny-sentiment') });
    const [good, bad] = await sentiment.analyze(['I love this great movie', 'awful, I hate it']);
    expect(good?.label).toBe('positive');
    expect(bad?.label).toBe('negative');
    const sum = Object.values(good?.probabilities ?? {}).reduce((total, value) => total + value, 0);
    expect(sum).toBeCloseTo(1, 5);
    await expect(sentiment.analyze('fine', { explain: true })).rejects.toThrow(InvalidInputError);
  });

  it('classifies zero-shot with an NLI model: scores per label sum to 1', async () => {
    const classifier = client.zeroShot({
      model: folder('tiny-nli'),
      labels: [
        { id: 'sports', descriptions: ['sports'] },
        { id: 'politics', descriptions: ['politics', 'an election'] },
      ],
    });
    const result = await classifier.classify('The team won the match');
    expect(result.labels.map((label) => label.id).sort()).toEqual(['politics', 'sports']);
    expect(result.labels.reduce((total, label) => total + label.score, 0)).toBeCloseTo(1, 5);
    expect(result.selected).toEqual([result.labels[0]?.id]);
  });

  it('groups entity tokens into typed spans with character offsets into the original text', async () => {
    const recognizer = client.entities({ model: folder('tiny-ner') });
    const text = 'Alice Johnson works at Acme Corp in Paris.';
    const spans = await recognizer.recognize(text);
    expect(spans.map(({ type, text: span, start, end }) => ({ type, span, start, end }))).toEqual([
      { type: 'PER', span: 'Alice Johnson', start: 0, end: 13 },
      { type: 'ORG', span: 'Acme Corp', start: 23, end: 32 },
      { type: 'LOC', span: 'Paris', start: 36, end: 41 },
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    // Offsets stay true to the original text: accents, extra spaces, upper case.
    const accented = '  ÁLICE   Johnson works in PARIS ';
    const [found] = await recognizer.recognize([accented]);
    for (const span of found ?? []) expect(accented.slice(span.start, span.end)).toBe(span.text);
    expect(found?.map((span) => span.text)).toEqual(['ÁLICE   Johnson', 'PARIS']);
  });

  it('batches mixed lengths and keeps the order of results', async () => {
    const recognizer = client.entities({ model: folder('tiny-ner') });
    const texts = Array.from({ length: 30 }, (_, index) =>
      index % 3 === 0 ? `Paris ${'and more words '.repeat(index)}` : `Alice ${index}`,
    );
    const all = await recognizer.recognize(texts);
    const oneByOne = [];
    for (const text of texts.slice(0, 6)) oneByOne.push(await recognizer.recognize(text));
    expect(all.slice(0, 6)).toEqual(oneByOne);
    all.forEach((spans, index) => expect(spans[0]?.text).toBe(index % 3 === 0 ? 'Paris' : 'Alice'));
  });

  it('cancels an embedding request between its batches, and the model keeps serving', async () => {
    const embedder = client.embedder({ model: folder('tiny-encoder'), cacheSize: 0 });
    const texts = Array.from({ length: 200 }, (_, index) =>
      `text ${index} `.repeat(1 + (index % 60)),
    );
    const controller = new AbortController();
    const pending = embedder.embed(texts, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toSatisfy((error) => AbortError.isInstance(error));
    const { embeddings } = await embedder.embed(['still here']);
    expect(embeddings).toHaveLength(1);
  });

  it('says what a model is when it is asked for another task', async () => {
    await expect(client.embedder({ model: folder('tiny-ner') }).embed(['x'])).rejects.toThrow(
      /needs a text-embedding model; ".*tiny-ner" is a token-classification model/,
    );
    await expect(client.entities({ model: folder('tiny-encoder') }).recognize('x')).rejects.toThrow(
      InvalidInputError,
    );
  });
});

describe.skipIf(!haveFixtures)('model files over HTTP (hub layout)', () => {
  let server: Server;
  let host = '';
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = request.url ?? '';
      requests.push(url);
      const match =
        /^\/ondevice-fixtures\/([\w-]+)\/resolve\/main\/(.+)$/.exec(url) ??
        /^\/folders\/([\w-]+)\/(.+)$/.exec(url);
      if (!match) {
        response.writeHead(404).end();
        return;
      }
      readFile(join(fixtures, match[1] as string, decodeURIComponent(match[2] as string))).then(
        (bytes) => response.writeHead(200, { 'content-length': bytes.byteLength }).end(bytes),
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads by hub id from modelHost with one byte-accurate progress stream', async () => {
    const client = createClient({ worker: false, modelHost: host, modelCache: 'memory' });
    const statuses: ModelStatus[] = [];
    const report = await client
      .model('ondevice-fixtures/tiny-ner')
      .load({ onProgress: (status) => statuses.push(status) });
    expect(report).toMatchObject({
      runtime: 'transformers',
      task: 'token-classification',
      dtype: 'fp32',
    });
    const downloads = statuses.flatMap((status) =>
      status.status === 'downloading' ? [status] : [],
    );
    const last = downloads.at(-1);
    expect(last && last.loaded === last.total).toBe(true);
    let loaded = 0;
    for (const status of downloads) {
      expect(status.loaded).toBeGreaterThanOrEqual(loaded);
      expect(status.loaded).toBeLessThanOrEqual(status.total);
      loaded = status.loaded;
    }
    const sizes = await Promise.all(
      ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'].map(
        async (path) => (await readFile(join(folder('tiny-ner'), path))).byteLength,
      ),
    );
    expect(last?.total).toBe(sizes.reduce((sum, size) => sum + size, 0));
    expect(
      requests.every((url) => url.startsWith('/ondevice-fixtures/tiny-ner/resolve/main/')),
    ).toBe(true);
    client.dispose();
  });

  it('reads a folder by URL with its listing first; unload drops its files from memory', async () => {
    const client = createClient({ worker: false, modelCache: 'memory' });
    const model = `${host}folders/tiny-ner/`;
    const recognize = () => client.entities({ model }).recognize('Alice Johnson works in Paris.');
    requests.length = 0;
    const first = await recognize();
    expect(first.map((span) => span.text)).toEqual(['Alice Johnson', 'Paris']);
    expect(requests[0]).toBe('/folders/tiny-ner/ondevice-files.json');
    expect(requests).toContain('/folders/tiny-ner/onnx/model.onnx');
    await client.unload(model);
    requests.length = 0;
    expect(await recognize()).toEqual(first);
    // Unloaded means nothing of it stays in memory: every file is read again, listing first.
    expect(requests[0]).toBe('/folders/tiny-ner/ondevice-files.json');
    expect(requests).toContain('/folders/tiny-ner/onnx/model.onnx');
    client.dispose();
  });

  it('reports a missing file, an unsupported dtype and a corrupt listed file with typed errors', async () => {
    const client = createClient({
      worker: false,
      modelHost: host,
      modelCache: 'memory',
      models: [
        transformersModel({ id: 'ner-q4', repository: 'ondevice-fixtures/tiny-ner', dtype: 'q4' }),
        transformersModel({
          id: 'ner-bad-hash',
          repository: 'ondevice-fixtures/tiny-ner',
          files: [{ path: 'config.json', bytes: 10, sha256: '0'.repeat(64) }],
        }),
      ],
    });
    await expect(client.model('ondevice-fixtures/no-such-model').load()).rejects.toSatisfy(
      (error) => ModelLoadError.isInstance(error) && error.reason === 'missing-file',
    );
    await expect(client.model('ner-q4').load()).rejects.toSatisfy(
      (error) => ModelLoadError.isInstance(error) && error.reason === 'unsupported-dtype',
    );
    await expect(client.model('ner-bad-hash').load()).rejects.toSatisfy((error) =>
      ModelIntegrityError.isInstance(error),
    );
    expect(() => transformersModel({ repository: 'x/y', dtype: 'int3' as never })).toThrow(/dtype/);
    client.dispose();
  });
});
