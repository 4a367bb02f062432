import {
  type ExplanationData,
  ExplanationObserver,
  type ExplanationSource,
  type RequestObserverOptions,
  type RequestResult,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';
import { useStableOptions } from './use-stable-options.js';

/**
 * Options of {@link useExplanation}: which answer to explain (`source`) and when (`debounceMs`,
 * default 150, since an explanation costs one model run per word; `enabled`).
 *
 * @example
 * useExplanation(text, { source: { kind: 'teachable', id: 'support-intents' }, enabled: focused })
 */
export type UseExplanationOptions = Omit<RequestObserverOptions<string>, 'input'> & {
  source: ExplanationSource;
};

/**
 * Why a model answered as it did for `text`: token attributions (each word's signed weight for
 * the explained label) computed on the device, as a status union (`idle`, `loading` with the
 * previous explanation kept, `success`, `error`). `source` says which answer: sentiment,
 * zero-shot over `labels`, or the teachable classifier `id` (re-explained after every
 * retraining); it is compared by content.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useExplanation(review, { source: { kind: 'sentiment' } })
 * const strongest = data?.spans.toSorted((a, b) => b.weight - a.weight)[0]
 * return <p>Mostly because of “{strongest?.text}”</p>
 */
export function useExplanation(
  text: string | null | undefined,
  options: UseExplanationOptions,
): RequestResult<ExplanationData> {
  const client = useOnDeviceClient();
  const { source, ...request } = options;
  const stable = useStableOptions(source);
  const observer = useMemo(() => new ExplanationObserver(client, stable), [client, stable]);
  return useObserver(observer, { input: text, ...request });
}
