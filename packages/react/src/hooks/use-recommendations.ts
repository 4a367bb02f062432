import {
  type RecommendationsData,
  RecommendationsObserver,
  type RecommendOptions,
  type Recommender,
  type RequestObserverOptions,
  type RequestResult,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';

/**
 * Whom {@link useRecommendations} recommends for: a signed-in user, or a visitor by the item
 * ids of their session (oldest first).
 *
 * @example
 * useRecommendations(recommender, { userId: 'u1' })
 * useRecommendations(recommender, { session: ['tpl-invoice'] })
 */
export type RecommendationsTarget =
  { userId: string; session?: undefined } | { session: readonly string[]; userId?: undefined };

/**
 * Options of {@link useRecommendations}: those of `recommend` (`k`, `exclude`, `filters`;
 * compared by content) and `enabled`, `keepPreviousData` (default true).
 *
 * @example
 * useRecommendations(recommender, { userId }, { k: 5, filters: { tags: ['billing'] } })
 */
export type UseRecommendationsOptions = Omit<RequestObserverOptions<unknown>, 'input'> &
  RecommendOptions;

/**
 * Recommendations of `recommender` (`client.recommender(options)`) for a user or a session, as
 * a status union: `idle` (blank user id), `loading`, `success` (`data.recommendations`, best
 * first, each with its `reason`) or `error`. Recommends again whenever the recommender changes
 * (an interaction tracked, a fit finished), keeping the previous list in `data` meanwhile.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useRecommendations(recommender, { userId: 'u1' }, { k: 5 })
 * return <ul>{data?.recommendations.map((pick) => <li key={pick.itemId}>{pick.reason.text}</li>)}</ul>
 */
export function useRecommendations(
  recommender: Recommender,
  target: RecommendationsTarget | null | undefined,
  options: UseRecommendationsOptions = {},
): RequestResult<RecommendationsData> {
  const client = useOnDeviceClient();
  const observer = useMemo(
    () => new RecommendationsObserver(client, { recommender }),
    [client, recommender],
  );
  const { enabled, debounceMs, keepPreviousData, ...recommend } = options;
  const input = target ? { ...target, ...recommend } : target;
  return useObserver(observer, { input, enabled, debounceMs, keepPreviousData });
}
