import type { ZeroShotLabel } from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import type { RequestResult } from './request-observer.js';
import {
  type TeachablePredictionsData,
  TeachablePredictionsObserver,
} from './teachable-predictions-observer.js';
import { useTeachableClassifier } from './use-teachable-classifier.js';
import { useRequestObserver } from './use-request-observer.js';

/** Options of {@link useTeachablePredictions}. */
export interface UseTeachablePredictionsOptions {
  /** Labels with descriptions, used if this call creates the classifier. Compared by content. */
  labels?: readonly ZeroShotLabel[];
  /**
   * Below this confidence a prediction is `unsure`; used if this call creates the classifier.
   * @default 0.5
   */
  unsureBelow?: number;
  /**
   * Wait this long after the texts last changed before predicting (the first texts are
   * predicted at once; retraining re-predicts at once).
   * @default 150
   */
  debounceMs?: number;
  /**
   * Predict at all; `false` keeps the result `idle`.
   * @default true
   */
  enabled?: boolean;
}

/** What {@link useTeachablePredictions} returns. */
export type UseTeachablePredictionsResult = RequestResult<TeachablePredictionsData>;

/**
 * Predictions of the teachable classifier `classifierId` for a list of texts, in one batched
 * request, as a status union. Whenever the classifier is retrained (anyone taught or forgot an
 * example), the texts are predicted again and the previous predictions stay in `data` until
 * the new ones arrive. Texts are compared by content; blank texts are predicted like others.
 *
 * @param texts the texts to predict; an empty list leaves the hook `idle`.
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useTeachablePredictions(tickets.map((ticket) => ticket.body), 'support-intents')
 * return tickets.map((ticket, index) => (
 *   <li key={ticket.id}>{data?.predictions[index]?.label ?? '…'}</li>
 * ))
 */
export function useTeachablePredictions(
  texts: readonly string[] | null | undefined,
  classifierId: string,
  options: UseTeachablePredictionsOptions = {},
): UseTeachablePredictionsResult {
  const client = useOnDeviceClient();
  const { labels, unsureBelow, debounceMs = 150, enabled } = options;
  const { classifier } = useTeachableClassifier(classifierId, { labels, unsureBelow });
  const observer = useMemo(
    () => new TeachablePredictionsObserver({ classifier, model: client.model() }),
    [client, classifier],
  );
  const input = texts && texts.length > 0 ? texts : undefined;
  return useRequestObserver(observer, { input, enabled, debounceMs });
}
