import type { OnDeviceClient } from '@ondevice/core';
import { createContext } from 'react';

/**
 * Holds the client `<OnDeviceProvider>` passes down; `null` outside a provider. Internal: read
 * it through `useOnDeviceClient()`, which throws a typed error instead of returning `null`.
 *
 * @example
 * const client = useContext(OnDeviceContext) // OnDeviceClient | null
 */
export const OnDeviceContext = createContext<OnDeviceClient | null>(null);
OnDeviceContext.displayName = 'OnDeviceContext';
