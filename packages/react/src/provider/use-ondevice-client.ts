import type { OnDeviceClient } from '@ondevice/core';
import { useContext } from 'react';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import { OnDeviceContext } from './ondevice-context.js';

/**
 * The client of the nearest `<OnDeviceProvider>`.
 *
 * @throws {MissingProviderError} when no provider is above the calling component.
 * @example
 * function Diagnose() {
 *   const client = useOnDeviceClient()
 *   return <button onClick={() => console.table(client.diagnostics())}>Diagnose</button>
 * }
 */
export function useOnDeviceClient(): OnDeviceClient {
  const client = useContext(OnDeviceContext);
  if (!client) throw new MissingProviderError({ caller: 'useOnDeviceClient()' });
  return client;
}
