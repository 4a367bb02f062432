import { type ModelStatus, createClient } from '@ondevice/core';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import {
  nerModelFolder,
  restoreNodeTypedArrays,
} from '../test-support/real-models.test.support.js';
import { useModel } from './use-model.js';

afterEach(cleanup);
beforeAll(restoreNodeTypedArrays);

describe.skipIf(!nerModelFolder)('useModel (real client, any model)', () => {
  it('follows a folder model through its download (bytes) to ready, and back to idle on unload', async () => {
    const client = createClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
    );
    const seen: ModelStatus[] = [];
    const { result } = renderHook(
      () => {
        const model = useModel(nerModelFolder);
        if (seen.at(-1)?.status !== model.status || model.status === 'downloading') {
          seen.push(model);
        }
        return model;
      },
      { wrapper },
    );
    expect(result.current.status).toBe('idle');
    const { load, unload } = result.current;
    await act(() => result.current.load());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    const downloads = seen.filter((status) => status.status === 'downloading');
    expect(downloads.length).toBeGreaterThan(0);
    const last = downloads.at(-1) as { loaded: number; total: number };
    expect(last.total).toBeGreaterThan(0);
    expect(last.loaded).toBeLessThanOrEqual(last.total);
    expect(result.current.load).toBe(load); // stable actions
    let unloaded: boolean | undefined;
    await act(async () => {
      unloaded = await result.current.unload();
    });
    expect(unloaded).toBe(true);
    expect(result.current.status).toBe('idle');
    expect(result.current.unload).toBe(unload);
    client.dispose();
  });

  it('rejects load() and shows the error when the model cannot be fetched', async () => {
    const client = createClient();
    const { result } = renderHook(() => useModel(`${nerModelFolder as string}-missing`), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
      ),
    });
    await act(async () => {
      await expect(result.current.load()).rejects.toMatchObject({ code: 'model-load' });
    });
    expect(result.current.status).toBe('error');
  });
});

describe('useModel outside a provider', () => {
  it('throws a MissingProviderError', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useModel('use-lite'))).toThrow(MissingProviderError);
    consoleError.mockRestore();
  });
});
