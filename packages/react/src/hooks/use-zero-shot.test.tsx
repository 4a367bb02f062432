import { InvalidInputError, createClient } from '@ondevice/core';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { useZeroShot } from './use-zero-shot.js';

afterEach(cleanup);

const client = createClient({ backend: 'wasm' });
const wrapper = ({ children }: { children: ReactNode }) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);

describe('useZeroShot (real model)', () => {
  it('classifies into labels described in plain words, labels compared by content', async () => {
    const { result, rerender } = renderHook(
      ({ text }: { text: string }) =>
        // A new array literal on every render: compared by content, so nothing restarts.
        useZeroShot(text, {
          labels: [
            { id: 'billing', descriptions: ['invoice, payment, charge or refund'] },
            { id: 'login', descriptions: ['cannot sign in, password reset, two-factor code'] },
          ],
        }),
      { wrapper, initialProps: { text: 'We were charged twice, please refund us.' } },
    );
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    expect(result.current.data?.selected).toEqual(['billing']);
    const settled = result.current;
    rerender({ text: 'We were charged twice, please refund us.' });
    expect(result.current).toBe(settled);

    rerender({ text: "I can't sign in, the password reset email never arrives." });
    expect(result.current).toMatchObject({ status: 'loading', data: settled.data });
    await waitFor(() => expect(result.current.data?.selected).toEqual(['login']));
  });

  it('reports labels the client rejects as an error result, not a throw', async () => {
    const { result } = renderHook(
      () =>
        useZeroShot('anything', {
          labels: [
            { id: 'same', descriptions: ['one'] },
            { id: 'same', descriptions: ['two'] },
          ],
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(InvalidInputError.isInstance(result.current.error)).toBe(true);
  });

  it('stays idle without labels', () => {
    const { result } = renderHook(() => useZeroShot('text', { labels: [] }), { wrapper });
    expect(result.current.status).toBe('idle');
  });
});
