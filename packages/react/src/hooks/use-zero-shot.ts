import {
  type RequestObserverOptions,
  type RequestResult,
  type ZeroShotData,
  ZeroShotObserver,
  type ZeroShotObserverOptions,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';
import { useStableOptions } from './use-stable-options.js';

/**
 * Options of {@link useZeroShot}: the classifier's (`labels`, `multiLabel`, `threshold`,
 * `model`, `id`), `explain`, and when to classify (`debounceMs`, default 150; `enabled`).
 *
 * @example
 * useZeroShot(text, { labels, multiLabel: true, threshold: 0.4 })
 */
export type UseZeroShotOptions = Omit<RequestObserverOptions<string>, 'input'> &
  ZeroShotObserverOptions;

/**
 * Classifies `text` into labels described in plain words, with no training, on the device,
 * as a status union (`idle` for a blank text or no labels, `loading` with the previous result
 * kept, `success`, `error`). Options are compared by content, so an inline labels literal is
 * fine; other labels make another classifier.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useZeroShot(ticket, {
 *   labels: [
 *     { id: 'billing', descriptions: ['invoice, payment or refund'] },
 *     { id: 'login', descriptions: ['cannot sign in', 'password reset'] },
 *   ],
 * })
 * return <p>Route to: {data?.selected[0] ?? '…'}</p>
 */
export function useZeroShot(
  text: string | null | undefined,
  options: UseZeroShotOptions,
): RequestResult<ZeroShotData> {
  const client = useOnDeviceClient();
  const { enabled, debounceMs, keepPreviousData, ...classifier } = options;
  const stable = useStableOptions(classifier);
  const observer = useMemo(() => new ZeroShotObserver(client, stable), [client, stable]);
  return useObserver(observer, { input: text, enabled, debounceMs, keepPreviousData });
}
