import type {
  EmbeddingsData,
  EntitySpan,
  GenerationResult,
  ModelStatus,
  RecommendationsData,
  Recommender,
  RequestResult,
  SearchIndex,
  SearchResult,
  SentimentData,
  TeachableState,
  ZeroShotData,
} from '@ondevice/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useEmbeddings,
  useEntities,
  useExplanation,
  useGeneration,
  useModel,
  useModelStatus,
  useRecommendations,
  useSearch,
  useSentiment,
  useTeachableClassifier,
  useTeachablePredictions,
  useTrackInteraction,
  useZeroShot,
} from '../index.js';

describe('hooks (types)', () => {
  it('return the one result union of their observer', () => {
    expectTypeOf(useSentiment).returns.toEqualTypeOf<RequestResult<SentimentData>>();
    expectTypeOf(useEmbeddings).returns.toEqualTypeOf<RequestResult<EmbeddingsData>>();
    expectTypeOf(useZeroShot).returns.toEqualTypeOf<RequestResult<ZeroShotData>>();
    expectTypeOf(useModelStatus).returns.toEqualTypeOf<ModelStatus>();
    const result = useSentiment('Great support');
    if (result.status === 'success')
      expectTypeOf(result.data.label).toEqualTypeOf<'positive' | 'negative' | 'neutral'>();
  });

  it('take the input first and one options object', () => {
    useZeroShot('text', { labels: [{ id: 'billing', descriptions: [] }], debounceMs: 100 });
    // @ts-expect-error labels are an option, not a positional argument
    useZeroShot('text', [{ id: 'billing', descriptions: [] }]);
    useTeachablePredictions(['a'], { id: 'intents' });
    // @ts-expect-error the classifier id is an option
    useTeachablePredictions(['a'], 'intents');
    useExplanation('text', { source: { kind: 'sentiment' } });
    // @ts-expect-error the source is an option
    useExplanation('text', { kind: 'sentiment' });
    useModelStatus({ model: 'use-lite', load: true });
  });

  it('give a teachable classifier its state in every status, and bound actions', () => {
    const classifier = useTeachableClassifier({ id: 'intents' });
    expectTypeOf(classifier.data).toEqualTypeOf<TeachableState>();
    expectTypeOf(classifier.learn)
      .parameter(0)
      .toEqualTypeOf<
        { text: string; label: string } | readonly { text: string; label: string }[]
      >();
  });

  it('give generation, entities and any model their status unions', () => {
    const generator = {} as Parameters<typeof useGeneration>[0];
    const generation = useGeneration(generator, { maxNewTokens: 32 });
    if (generation.status === 'done')
      expectTypeOf(generation.result).toEqualTypeOf<GenerationResult>();
    if (generation.status === 'generating') expectTypeOf(generation.result).toBeUndefined();
    expectTypeOf(generation.generate)
      .parameter(0)
      .toEqualTypeOf<
        string | readonly { role: 'system' | 'user' | 'assistant'; content: string }[]
      >();
    const signal = new AbortController().signal;
    // @ts-expect-error the abort signal belongs to a call, not to the defaults
    useGeneration(generator, { signal });
    const entities = useEntities({} as Parameters<typeof useEntities>[0], 'text', {
      debounceMs: 50,
    });
    expectTypeOf(entities).toEqualTypeOf<RequestResult<EntitySpan[]>>();
    const model = useModel('use-lite');
    if (model.status === 'downloading') expectTypeOf(model.total).toEqualTypeOf<number>();
    expectTypeOf(model.unload).returns.toEqualTypeOf<Promise<boolean>>();
  });

  it('search an index and recommend with their observers’ unions, the query or target first', () => {
    interface Article {
      id: string;
      title: string;
      [field: string]: unknown;
    }
    const index = {} as SearchIndex<Article>;
    const search = useSearch(index, 'refund', { k: 5, mode: 'keyword', debounceMs: 100 });
    expectTypeOf(search).toEqualTypeOf<RequestResult<SearchResult<Article>>>();
    if (search.status === 'success')
      expectTypeOf(search.data.hits[0]?.document.title).toEqualTypeOf<string | undefined>();
    // @ts-expect-error the signal is the hook's own
    useSearch(index, 'refund', { signal: new AbortController().signal });
    // @ts-expect-error the mode is an option, not a positional argument
    useSearch(index, 'refund', 'keyword');

    const recommender = {} as Recommender;
    const picks = useRecommendations(recommender, { userId: 'u1' }, { k: 5 });
    expectTypeOf(picks).toEqualTypeOf<RequestResult<RecommendationsData>>();
    useRecommendations(recommender, { session: ['tpl-invoice'] });
    // @ts-expect-error a user or a session, not both
    useRecommendations(recommender, { userId: 'u1', session: ['tpl-invoice'] });
    const track = useTrackInteraction(recommender);
    expectTypeOf(track).returns.toEqualTypeOf<Promise<void>>();
    // @ts-expect-error an interaction names its item
    void track({ userId: 'u1' });
  });
});
