import type { RequestObserver, RequestObserverOptions, RequestResult } from '@ondevice/core';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * Binds any core {@link RequestObserver} to a component: subscribes with `useSyncExternalStore`,
 * applies the options after every render (a no-op when the input's key is unchanged) and
 * returns the result for these options, so the render that changes the input already shows
 * `loading`. Every request hook (`useSentiment`, `useZeroShot`…) is this and a `useMemo`.
 *
 * @example
 * const observer = useMemo(() => new SentimentObserver(client), [client])
 * return useObserver(observer, { input: text, debounceMs: 150 })
 */
export function useObserver<Input, Data>(
  observer: RequestObserver<Input, Data>,
  options: RequestObserverOptions<Input>,
): RequestResult<Data> {
  useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
  const { input, enabled, debounceMs, keepPreviousData } = options;
  const settings = { input, enabled, debounceMs, keepPreviousData };
  // Runs after every render; setOptions compares inputs by key and does nothing if equal.
  useEffect(() => {
    observer.setOptions(settings);
  });
  return observer.getOptimisticResult(settings);
}
