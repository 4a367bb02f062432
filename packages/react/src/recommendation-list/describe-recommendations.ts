import type {
  ModelStatus,
  OnDeviceError,
  RecommendationsData,
  RecommenderSnapshot,
  RequestResult,
} from '@ondevice/core';
import { isOfflineError } from '../errors/is-offline-error.js';

/**
 * States of `<RecommendationList>`, as its `data-state`: `idle` (no user yet), `loading`,
 * `ready`, `empty` (nothing to recommend yet), `error`, and `offline` (the model that embeds
 * the items' texts is unavailable offline, and there is nothing to show without it).
 *
 * @example
 * [data-ondevice-recommendation-list][data-state='loading'] [data-part='items'] { opacity: 0.7 }
 */
export type RecommendationListState = 'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'offline';

/** What `<RecommendationList>` shows in a state. */
export interface RecommendationsDescription {
  state: RecommendationListState;
  /** The alert, when recommending failed. */
  errorText: string | undefined;
}

/**
 * Describes a recommendation list's state. An empty list is `loading` while the model loads
 * or a fit runs, and says why when the model failed to load (the items could not be embedded),
 * rather than "nothing to recommend".
 *
 * @example
 * describeRecommendations({ result, recommender: recommender.getSnapshot(), model })
 * // { state: 'ready', errorText: undefined }
 */
export function describeRecommendations(options: {
  result: RequestResult<RecommendationsData>;
  recommender: RecommenderSnapshot;
  model: ModelStatus;
}): RecommendationsDescription {
  const { result, recommender, model } = options;
  const count = result.data?.recommendations.length ?? 0;
  const error: Error | OnDeviceError | undefined =
    result.error ??
    (recommender.status === 'error' ? (recommender.error ?? undefined) : undefined) ??
    (model.status === 'error' && count === 0 && result.status !== 'idle' ? model.error : undefined);
  if (error) {
    const offline = isOfflineError(error);
    return {
      state: offline ? 'offline' : 'error',
      errorText: offline
        ? 'Could not recommend: the model is unavailable offline.'
        : `Could not recommend: ${error.message}`,
    };
  }
  // Nothing yet while the model loads (items wait to be embedded) or a fit runs: not "empty".
  const preparing =
    recommender.status === 'loading' ||
    recommender.fitting !== null ||
    model.status === 'downloading' ||
    model.status === 'initializing';
  const state: RecommendationListState =
    result.status === 'idle'
      ? 'idle'
      : count > 0
        ? 'ready'
        : result.status === 'loading' || preparing
          ? 'loading'
          : 'empty';
  return { state, errorText: undefined };
}
