import {
  type RequestObserverOptions,
  type RequestResult,
  type TeachableOptions,
  type TeachablePredictionsData,
  TeachablePredictionsObserver,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';
import { useStableOptions } from './use-stable-options.js';

/**
 * Options of {@link useTeachablePredictions}: the classifier's (`id`, and `labels`,
 * `unsureBelow`, `model` as wherever else the id is named) and when to predict (`debounceMs`,
 * default 150; `enabled`).
 *
 * @example
 * useTeachablePredictions(texts, { id: 'support-intents', labels: supportIntents })
 */
export type UseTeachablePredictionsOptions = Omit<
  RequestObserverOptions<readonly string[]>,
  'input'
> &
  TeachableOptions;

/**
 * Predictions of the teachable classifier `options.id` for a list of texts, in one batched
 * request, as a status union. Whenever the classifier is retrained (anyone taught or forgot an
 * example), the texts are predicted again and the previous predictions stay in `data` until the
 * new ones arrive. Texts and options are compared by content.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useTeachablePredictions(tickets.map((ticket) => ticket.body), { id: 'support-intents' })
 * return tickets.map((ticket, index) => <li key={ticket.id}>{data?.predictions[index]?.label ?? '…'}</li>)
 */
export function useTeachablePredictions(
  texts: readonly string[] | null | undefined,
  options: UseTeachablePredictionsOptions,
): RequestResult<TeachablePredictionsData> {
  const client = useOnDeviceClient();
  const { enabled, debounceMs, keepPreviousData, ...classifier } = options;
  const stable = useStableOptions(classifier);
  const observer = useMemo(
    () => new TeachablePredictionsObserver(client, stable),
    [client, stable],
  );
  return useObserver(observer, { input: texts, enabled, debounceMs, keepPreviousData });
}
