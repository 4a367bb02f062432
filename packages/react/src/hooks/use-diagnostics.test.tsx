import { createClient } from '@ondevice/core';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { useDiagnostics } from './use-diagnostics.js';

afterEach(cleanup);

describe('useDiagnostics (real model)', () => {
  it('re-renders with the backend choice and model state after a load, stable otherwise', async () => {
    const client = createClient({ backend: 'wasm' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
    );
    let renders = 0;
    const { result, rerender } = renderHook(
      () => {
        renders += 1;
        return useDiagnostics();
      },
      { wrapper },
    );
    expect(result.current.backend).toEqual({ requested: 'wasm', selection: null });
    expect(result.current.worker.enabled).toBe(false); // jsdom has no Worker

    const before = result.current;
    rerender();
    expect(result.current).toBe(before);

    await client.embedder().embed(['diagnose me']);
    await waitFor(() =>
      expect(result.current.models).toEqual([
        expect.objectContaining({ id: 'use-lite', status: 'ready' }),
      ]),
    );
    expect(result.current.backend.selection?.chosen).toBe('wasm');
    expect(result.current.modelCache?.storage).toBe('memory');
    const settledRenders = renders;
    const settled = result.current;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(renders).toBe(settledRenders);
    expect(result.current).toBe(settled);
    client.dispose();
  });
});
