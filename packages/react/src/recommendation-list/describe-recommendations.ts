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
 * Describes a recommendation list's state. An empty list while the model failed to load says
 * why (the items could not be embedded), rather than "nothing to recommend".
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
  const state: RecommendationListState =
    result.status === 'idle'
      ? 'idle'
      : result.status === 'loading' || recommender.status === 'loading'
        ? count > 0
          ? 'ready'
          : 'loading'
        : count > 0
          ? 'ready'
          : 'empty';
  return { state, errorText: undefined };
}
