import type { OnDeviceClient } from '@ondevice/core';
import type { ReactNode } from 'react';
import { OnDeviceContext } from './ondevice-context.js';

/**
 * Props of {@link OnDeviceProvider}.
 *
 * @example
 * <OnDeviceProvider client={client}><App /></OnDeviceProvider>
 */
export interface OnDeviceProviderProps {
  /** The app's one client, from `createClient()`. Create it once, outside render. */
  client: OnDeviceClient;
  children?: ReactNode;
}

/**
 * Makes an ondevice client available to every hook and widget below it. The provider never
 * creates or disposes the client: the app owns it, so one model load serves the whole app.
 *
 * @example
 * import { createClient } from '@ondevice/core'
 * import { OnDeviceProvider } from '@ondevice/react'
 *
 * const client = createClient()
 *
 * export function App() {
 *   return (
 *     <OnDeviceProvider client={client}>
 *       <Search />
 *     </OnDeviceProvider>
 *   )
 * }
 */
export function OnDeviceProvider({ client, children }: OnDeviceProviderProps) {
  return <OnDeviceContext.Provider value={client}>{children}</OnDeviceContext.Provider>;
}
