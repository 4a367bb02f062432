import { ModelLoadError, cosineSimilarity, createClient } from '@ondevice/core';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { useEmbeddings } from './use-embeddings.js';

afterEach(cleanup);

// One real client (USE-lite weights from node_modules, tfjs wasm) for the file: loads once.
const client = createClient({ backend: 'wasm' });
const wrapper = ({ children }: { children: ReactNode }) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);

describe('useEmbeddings (real model)', () => {
  it('goes from loading to success with one vector per text', async () => {
    const texts = [
      'How do I reset my password?',
      'I forgot my password, how can I change it?',
      'The weather is sunny today.',
    ];
    const { result } = renderHook(() => useEmbeddings(texts), { wrapper });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    const { data, progress, error } = result.current;
    expect(error).toBeUndefined();
    expect(progress).toEqual({ status: 'ready', backend: 'wasm' });
    expect(data?.texts).toEqual(texts);
    expect(data?.dimensions).toBe(512);
    const [a, b, c] = data?.embeddings as [Float32Array, Float32Array, Float32Array];
    expect(cosineSimilarity(a, b)).toBeGreaterThan(cosineSimilarity(a, c) + 0.2);
  });

  it('compares texts by content: equal arrays keep the same result and request nothing', async () => {
    const embedder = client.embedder();
    const { result, rerender } = renderHook(
      ({ texts }: { texts: string[] }) => useEmbeddings(texts),
      { wrapper, initialProps: { texts: ['alpha beta', 'gamma delta'] } },
    );
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    const settled = result.current;
    const batches = embedder.stats().batches;
    for (let index = 0; index < 5; index += 1) rerender({ texts: ['alpha beta', 'gamma delta'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toBe(settled);
    expect(embedder.stats().batches).toBe(batches);
  });

  it('aborts the stale request when the texts change, and only computes the new texts', async () => {
    const fresh = createClient({ backend: 'wasm' });
    const freshWrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={fresh}>{children}</OnDeviceProvider>
    );
    const { result, rerender } = renderHook(
      ({ texts }: { texts: string[] }) => useEmbeddings(texts),
      { wrapper: freshWrapper, initialProps: { texts: ['stale one', 'stale two'] } },
    );
    // Changed while the model is still loading: the first request must never reach the model.
    rerender({ texts: ['current text'] });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    expect(result.current.data?.texts).toEqual(['current text']);
    expect(result.current.data?.embeddings).toHaveLength(1);
    expect(fresh.embedder().stats().textsComputed).toBe(1);
    fresh.dispose();
  });

  it('aborts on unmount: the model loads but no text is computed', async () => {
    const fresh = createClient({ backend: 'wasm' });
    const freshWrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={fresh}>{children}</OnDeviceProvider>
    );
    const { unmount } = renderHook(() => useEmbeddings(['never computed']), {
      wrapper: freshWrapper,
    });
    // Unmount as soon as the hook's request has started the shared model load.
    await new Promise<void>((resolve) => {
      const stop = fresh.model().subscribe(() => {
        stop();
        resolve();
      });
    });
    expect(fresh.model().getSnapshot().status).toBe('downloading');
    unmount();
    await fresh.model().load();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fresh.embedder().stats().textsComputed).toBe(0);
    fresh.dispose();
  });

  it('keeps the previous data while new texts load when keepPreviousData is set', async () => {
    const { result, rerender } = renderHook(
      ({ texts }: { texts: string[] }) => useEmbeddings(texts, { keepPreviousData: true }),
      { wrapper, initialProps: { texts: ['first text'] } },
    );
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    const previous = result.current.data;
    rerender({ texts: ['first text', 'a second, new text'] });
    expect(result.current.status).toBe('loading');
    expect(result.current.data).toBe(previous);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.texts).toEqual(['first text', 'a second, new text']);
  });

  it('stays idle for no texts or when disabled, without loading the model', async () => {
    const fresh = createClient({ backend: 'wasm' });
    const freshWrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={fresh}>{children}</OnDeviceProvider>
    );
    const empty = renderHook(() => useEmbeddings([]), { wrapper: freshWrapper });
    const none = renderHook(() => useEmbeddings(null), { wrapper: freshWrapper });
    const disabled = renderHook(() => useEmbeddings(['x'], { enabled: false }), {
      wrapper: freshWrapper,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const { result } of [empty, none, disabled]) {
      expect(result.current).toMatchObject({ status: 'idle', data: undefined, error: undefined });
    }
    expect(fresh.model().getSnapshot().status).toBe('idle');
  });

  it('reports a typed error when the model cannot be fetched (unreachable asset server)', async () => {
    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      // Offline at once: no retries of the refused connection.
      network: { retries: 0 },
    });
    const offlineWrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={offline}>{children}</OnDeviceProvider>
    );
    const { result } = renderHook(() => useEmbeddings(['hello']), { wrapper: offlineWrapper });
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 30_000 });
    const { error, progress } = result.current;
    expect(ModelLoadError.isInstance(error)).toBe(true);
    expect((error as ModelLoadError).status).toBeUndefined();
    expect(progress.status).toBe('error');
  });
});
