import { useMemo } from 'react';

/**
 * Options compared by content, not identity: the same object for equal JSON, so a component may
 * pass a fresh literal (`{ labels: [...] }`) on every render without recreating its observer.
 *
 * @example
 * const stable = useStableOptions({ labels, multiLabel })
 * const observer = useMemo(() => new ZeroShotObserver(client, stable), [client, stable])
 */
export function useStableOptions<T extends object>(options: T): T {
  const key = JSON.stringify(options);
  return useMemo(() => JSON.parse(key) as T, [key]);
}
