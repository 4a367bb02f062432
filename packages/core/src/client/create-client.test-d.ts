import { describe, expectTypeOf, it } from 'vitest';
import type {
  EmbedResult,
  OnDeviceErrorCode,
  RequestResult,
  SentimentData,
  SentimentResult,
  TeachablePrediction,
  TeachableResult,
  TeachableState,
  ZeroShotResult,
} from '../index.js';
import { type OnDeviceClient, SentimentObserver, createClient } from '../index.js';

declare const client: OnDeviceClient;

describe('factories of the client (types)', () => {
  it('createClient takes one options object', () => {
    expectTypeOf(createClient).parameter(0).toEqualTypeOf<Parameters<typeof createClient>[0]>();
    expectTypeOf(createClient()).toEqualTypeOf<OnDeviceClient>();
    // @ts-expect-error backends are a closed set
    createClient({ backend: 'tpu' });
  });

  it('embed, analyze, classify and predict answer one text with one result, many with an array', () => {
    expectTypeOf(client.embedder().embed('a')).resolves.toEqualTypeOf<EmbedResult>();
    expectTypeOf(client.sentiment().analyze('a')).resolves.toEqualTypeOf<SentimentResult>();
    expectTypeOf(client.sentiment().analyze(['a'])).resolves.toEqualTypeOf<SentimentResult[]>();
    const router = client.zeroShot({ labels: [{ id: 'billing', descriptions: [] }] });
    expectTypeOf(router.classify('a')).resolves.toEqualTypeOf<ZeroShotResult>();
    expectTypeOf(router.classify(['a'])).resolves.toEqualTypeOf<ZeroShotResult[]>();
    const intents = client.teachable({ id: 'intents' });
    expectTypeOf(intents.predict('a')).resolves.toEqualTypeOf<TeachablePrediction>();
    expectTypeOf(intents.predict(['a'])).resolves.toEqualTypeOf<TeachablePrediction[]>();
  });

  it('options are objects: labels and ids are required where they define the instance', () => {
    // @ts-expect-error a zero-shot classifier needs labels
    client.zeroShot({});
    // @ts-expect-error a teachable classifier needs an id
    client.teachable({ labels: [] });
    const intents = client.teachable({ id: 'intents' });
    void intents.learn({ text: 'refund please', label: 'billing' });
    void intents.learn([{ text: 'refund please', label: 'billing' }], {
      signal: AbortSignal.abort(),
    });
    // @ts-expect-error no positional (text, label) overload
    void intents.learn('refund please', 'billing');
  });
});

describe('observers (types)', () => {
  it('narrow the one result union on status', () => {
    const result = new SentimentObserver(client).getSnapshot();
    expectTypeOf(result).toEqualTypeOf<RequestResult<SentimentData>>();
    if (result.status === 'success') expectTypeOf(result.data).toEqualTypeOf<SentimentData>();
    if (result.status === 'idle') expectTypeOf(result.data).toEqualTypeOf<undefined>();
    if (result.status === 'error')
      expectTypeOf(result.error.code).toEqualTypeOf<OnDeviceErrorCode>();
    expectTypeOf<TeachableResult['data']>().toEqualTypeOf<TeachableState>();
  });

  it('error codes are extensible but keep the known ones', () => {
    expectTypeOf<'model-load'>().toExtend<OnDeviceErrorCode>();
    expectTypeOf<'budget-exceeded'>().toExtend<OnDeviceErrorCode>();
  });
});
