import { useEffect, useSyncExternalStore } from 'react';
import type { RequestObserver, RequestObserverOptions, RequestResult } from './request-observer.js';

/**
 * Binds a {@link RequestObserver} to a component: subscribes with `useSyncExternalStore`,
 * applies the options after every render (a no-op when the input's key is unchanged) and
 * returns the result for these options, so the render that changes the input already shows
 * `loading`. Internal building block of the task hooks (`useSentiment`, `useZeroShot`…).
 *
 * @example
 * const observer = useMemo(() => new SentimentObserver({ analyzer, model }), [analyzer, model])
 * return useRequestObserver(observer, { input: text, debounceMs: 150 })
 */
export function useRequestObserver<Input, Data>(
  observer: RequestObserver<Input, Data>,
  options: RequestObserverOptions<Input>,
): RequestResult<Data> {
  useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
  const { input, enabled, debounceMs } = options;
  // Runs after every render; setOptions compares inputs by key and does nothing if equal.
  useEffect(() => {
    observer.setOptions({ input, enabled, debounceMs });
  });
  return observer.getOptimisticResult({ input, enabled, debounceMs });
}
