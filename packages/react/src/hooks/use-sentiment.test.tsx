import { ModelLoadError, createClient } from '@ondevice/core';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { useSentiment } from './use-sentiment.js';
import { useSentiments } from './use-sentiments.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// One real client (USE-lite from node_modules, tfjs wasm) for the file: the model loads once.
const client = createClient({ backend: 'wasm' });
const wrapper = ({ children }: { children: ReactNode }) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);

describe('useSentiment (real model)', () => {
  it('goes from loading to success with calibrated probabilities', async () => {
    const text = 'This update broke our exports again. Very disappointed.';
    const { result } = renderHook(() => useSentiment(text), { wrapper });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    const { data, progress } = result.current;
    expect(progress).toEqual({ status: 'ready', backend: 'wasm' });
    expect(data?.text).toBe(text);
    expect(data?.label).toBe('negative');
    const { positive, negative, neutral } = data?.probabilities ?? {
      positive: 0,
      negative: 0,
      neutral: 0,
    };
    expect(positive + negative + neutral).toBeCloseTo(1, 5);
  });

  it('debounces typing: analyses the first text and the last, aborting what went stale', async () => {
    const analyze = vi.spyOn(client.sentiment(), 'analyze');
    const typed = ['T', 'Th', 'Thanks', 'Thanks, the fix', 'Thanks, the fix works great!'];
    const { result, rerender } = renderHook(
      ({ text }: { text: string }) => useSentiment(text, { debounceMs: 100 }),
      { wrapper, initialProps: { text: typed[0] as string } },
    );
    for (const text of typed.slice(1)) {
      rerender({ text });
      await new Promise((resolve) => setTimeout(resolve, 20)); // faster than the debounce
    }
    await waitFor(() => expect(result.current.data?.text).toBe(typed.at(-1)), {
      timeout: 60_000,
    });
    expect(result.current.status).toBe('success');
    expect(result.current.data?.label).toBe('positive');
    const calls = analyze.mock.calls.map(([text]) => text);
    expect(calls).toEqual([typed[0], typed.at(-1)]);
    const firstSignal = (analyze.mock.calls[0]?.[1] as { signal: AbortSignal }).signal;
    expect(firstSignal.aborted).toBe(true);
  });

  it('keeps the previous result while the next text is analysed', async () => {
    const { result, rerender } = renderHook(
      ({ text }: { text: string }) => useSentiment(text, { debounceMs: 0 }),
      { wrapper, initialProps: { text: 'Great product, our team loves it.' } },
    );
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    const previous = result.current.data;
    rerender({ text: 'The invoice is wrong and support never answers.' });
    expect(result.current.status).toBe('loading');
    expect(result.current.data).toBe(previous);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.label).toBe('negative');
  });

  it('stays idle for blank text without loading the model', async () => {
    const fresh = createClient({ backend: 'wasm' });
    const freshWrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={fresh}>{children}</OnDeviceProvider>
    );
    const blank = renderHook(() => useSentiment('   '), { wrapper: freshWrapper });
    const none = renderHook(() => useSentiment(undefined), { wrapper: freshWrapper });
    const disabled = renderHook(() => useSentiment('text', { enabled: false }), {
      wrapper: freshWrapper,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const { result } of [blank, none, disabled]) {
      expect(result.current).toMatchObject({ status: 'idle', data: undefined, error: undefined });
    }
    expect(fresh.model().getSnapshot().status).toBe('idle');
  });

  it('reports a typed error when the model cannot be fetched', async () => {
    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      // Offline at once: no retries of the refused connection.
      network: { retries: 0 },
    });
    const { result } = renderHook(() => useSentiment('hello'), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <OnDeviceProvider client={offline}>{children}</OnDeviceProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 30_000 });
    expect(ModelLoadError.isInstance(result.current.error)).toBe(true);
  });
});

describe('useSentiments (real model)', () => {
  it('analyses a list in one batched request', async () => {
    const analyze = vi.spyOn(client.sentiment(), 'analyze');
    const texts = [
      'I love the new reports.',
      'This is terrible: the app keeps crashing and we lost a day of work.',
    ];
    const { result } = renderHook(() => useSentiments(texts), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(analyze.mock.calls[0]?.[0]).toEqual(texts);
    expect(result.current.data?.texts).toEqual(texts);
    expect(result.current.data?.results.map((sentiment) => sentiment.label)).toEqual([
      'positive',
      'negative',
    ]);
  });
});
