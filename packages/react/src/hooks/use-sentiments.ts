import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import type { RequestResult } from './request-observer.js';
import { type SentimentsData, SentimentsObserver } from './sentiments-observer.js';
import { useRequestObserver } from './use-request-observer.js';

/** Options of {@link useSentiments}. */
export interface UseSentimentsOptions {
  /**
   * Wait this long after the texts last changed before analysing them (the first texts are
   * analysed at once).
   * @default 150
   */
  debounceMs?: number;
  /**
   * Analyse at all; `false` keeps the result `idle`.
   * @default true
   */
  enabled?: boolean;
}

/** What {@link useSentiments} returns. */
export type UseSentimentsResult = RequestResult<SentimentsData>;

/**
 * Sentiment of every text of a list, in one batched request on the device, as a status union
 * (`idle`, `loading` with the previous results kept, `success` with `data.results` in the
 * order of `data.texts`, `error`). Texts are compared by content. For a list of rows; for one
 * text being typed, use `useSentiment`.
 *
 * @param texts the texts to analyse; an empty list leaves the hook `idle`.
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useSentiments(tickets.map((ticket) => ticket.body))
 * return tickets.map((ticket, index) => (
 *   <li key={ticket.id}>{data?.results[index]?.label ?? '…'}</li>
 * ))
 */
export function useSentiments(
  texts: readonly string[] | null | undefined,
  options: UseSentimentsOptions = {},
): UseSentimentsResult {
  const client = useOnDeviceClient();
  const { debounceMs = 150, enabled } = options;
  const observer = useMemo(
    () => new SentimentsObserver({ analyzer: client.sentiment(), model: client.model() }),
    [client],
  );
  const input = texts && texts.length > 0 ? texts : undefined;
  return useRequestObserver(observer, { input, enabled, debounceMs });
}
