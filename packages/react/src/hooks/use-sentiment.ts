import {
  type RequestObserverOptions,
  type RequestResult,
  type SentimentData,
  SentimentObserver,
  type SentimentObserverOptions,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';

/**
 * Options of {@link useSentiment}: when to analyse (`debounceMs`, default 50; `enabled`) and
 * what (`explain`, `model`).
 *
 * @example
 * useSentiment(text, { debounceMs: 100, explain: true })
 */
export type UseSentimentOptions = Omit<RequestObserverOptions<string>, 'input'> &
  SentimentObserverOptions;

/**
 * Sentiment of `text` (positive, negative or neutral, with calibrated probabilities), computed
 * on the device by the provider's client, as a status union: `idle` (blank text), `loading`
 * (the previous result stays in `data`; the model's download in `progress`), `success` or
 * `error` (a typed `OnDeviceError`). Debounced and aborted when stale, so it is safe to pass the
 * text of an input on every keystroke.
 *
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
): RequestResult<SentimentData> {
  const client = useOnDeviceClient();
  const { explain, model, ...request } = options;
  const observer = useMemo(
    () => new SentimentObserver(client, { explain, model }),
    [client, explain, model],
  );
  return useObserver(observer, { input: text, ...request });
}
