import { InvalidInputError, OnDeviceError, createClient } from '@ondevice/core';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import { OnDeviceProvider } from './ondevice-provider.js';
import { useOnDeviceClient } from './use-ondevice-client.js';

describe('useOnDeviceClient', () => {
  it('returns the client of the nearest provider', () => {
    const client = createClient({ backend: 'wasm' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
    );
    const { result } = renderHook(() => useOnDeviceClient(), { wrapper });
    expect(result.current).toBe(client);
  });

  it('throws a typed MissingProviderError outside a provider', () => {
    // React logs the error it rethrows; keep the test output readable.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    let thrown: unknown;
    try {
      renderHook(() => useOnDeviceClient());
    } catch (error) {
      thrown = error;
    } finally {
      consoleError.mockRestore();
    }
    expect(MissingProviderError.isInstance(thrown)).toBe(true);
    expect(InvalidInputError.isInstance(thrown)).toBe(true);
    expect(OnDeviceError.isInstance(thrown)).toBe(true);
    const error = thrown as MissingProviderError;
    expect(error.name).toBe('MissingProviderError');
    expect(error.code).toBe('invalid-input');
    expect(error.caller).toBe('useOnDeviceClient()');
    expect(error.message).toContain('<OnDeviceProvider client={createClient()}>');
  });

  it('does not mistake other ondevice errors for a missing provider', () => {
    const other = new InvalidInputError({ parameter: 'texts', message: 'bad' });
    expect(MissingProviderError.isInstance(other)).toBe(false);
    expect(MissingProviderError.isInstance(new Error('plain'))).toBe(false);
  });
});
