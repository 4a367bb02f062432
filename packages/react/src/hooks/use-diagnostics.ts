import type { Diagnostics } from '@ondevice/core';
import { useCallback, useSyncExternalStore } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';

/**
 * A live snapshot of the provider client's diagnostics: requested and chosen backend with the
 * reasons, capabilities, model cache, worker restarts, model states and embedder counters.
 * Re-renders only when the client reports a change.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * function BackendInfo() {
 *   const diagnostics = useDiagnostics()
 *   return <pre>{JSON.stringify(diagnostics.backend, null, 2)}</pre>
 * }
 */
export function useDiagnostics(): Diagnostics {
  const client = useOnDeviceClient();
  const subscribe = useCallback((listener: () => void) => client.subscribe(listener), [client]);
  const getSnapshot = useCallback(() => client.diagnostics(), [client]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
