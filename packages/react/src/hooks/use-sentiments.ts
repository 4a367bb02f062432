import {
  type RequestObserverOptions,
  type RequestResult,
  type SentimentsData,
  SentimentsObserver,
  type SentimentsObserverOptions,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';

/**
 * Options of {@link useSentiments}: `debounceMs` (default 150), `enabled`, `model`.
 *
 * @example
 * useSentiments(bodies, { enabled: visible })
 */
export type UseSentimentsOptions = Omit<RequestObserverOptions<readonly string[]>, 'input'> &
  SentimentsObserverOptions;

/**
 * Sentiment of every text of a list, in one batched request on the device, as a status union
 * (`idle` for an empty list, `loading` with the previous results kept, `success` with
 * `data.results` in the order of `data.texts`, `error`). Texts are compared by content. For a
 * list of rows; for one text being typed, use `useSentiment`.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useSentiments(tickets.map((ticket) => ticket.body))
 * return tickets.map((ticket, index) => <li key={ticket.id}>{data?.results[index]?.label ?? '…'}</li>)
 */
export function useSentiments(
  texts: readonly string[] | null | undefined,
  options: UseSentimentsOptions = {},
): RequestResult<SentimentsData> {
  const client = useOnDeviceClient();
  const { model, ...request } = options;
  const observer = useMemo(() => new SentimentsObserver(client, { model }), [client, model]);
  return useObserver(observer, { input: texts, ...request });
}
