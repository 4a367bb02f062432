import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { blankToUndefined } from './blank-to-undefined.js';
import type { RequestResult } from './request-observer.js';
import { type SentimentData, SentimentObserver } from './sentiment-observer.js';
import { useRequestObserver } from './use-request-observer.js';

/** Options of {@link useSentiment}. */
export interface UseSentimentOptions {
  /**
   * Wait this long after the text last changed before analysing it (the first text is
   * analysed at once), so typing never queues work on the model. Short, because one short
   * text takes the worker about 10–20 ms: the badge follows typing within ~100 ms.
   * @default 50
   */
  debounceMs?: number;
  /**
   * Analyse at all; `false` keeps the result `idle`.
   * @default true
   */
  enabled?: boolean;
  /**
   * Also compute token attributions, as `data.explanation`.
   * @default false
   */
  explain?: boolean;
}

/** What {@link useSentiment} returns. */
export type UseSentimentResult = RequestResult<SentimentData>;

/**
 * Sentiment of `text` (positive, negative or neutral, with calibrated probabilities),
 * computed on the device by the provider's client, as a status union: `idle` (blank text),
 * `loading` (the previous result stays in `data` meanwhile; the model's download in
 * `progress`), `success` or `error` (a typed `OnDeviceError`). Changes are debounced and a
 * stale request is aborted, so it is safe to pass the text of an input on every keystroke.
 *
 * @param text the text to analyse; blank, `null` or `undefined` leaves the hook `idle`.
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * function Mood({ message }: { message: string }) {
 *   const { status, data, error } = useSentiment(message)
 *   if (status === 'error') return <p role="alert">{error.message}</p>
 *   return <p>{data ? `${data.label} (${Math.round(data.score * 100)} %)` : 'Analysing…'}</p>
 * }
 */
export function useSentiment(
  text: string | null | undefined,
  options: UseSentimentOptions = {},
): UseSentimentResult {
  const client = useOnDeviceClient();
  const { debounceMs = 50, enabled, explain = false } = options;
  const observer = useMemo(
    () => new SentimentObserver({ analyzer: client.sentiment(), model: client.model(), explain }),
    [client, explain],
  );
  return useRequestObserver(observer, { input: blankToUndefined(text), enabled, debounceMs });
}
