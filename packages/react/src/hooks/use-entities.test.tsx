import { type EntityRecognizer, OnDeviceError, createClient } from '@ondevice/core';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import {
  nerModelFolder,
  restoreNodeTypedArrays,
} from '../test-support/real-models.test.support.js';
import { useEntities } from './use-entities.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
beforeAll(restoreNodeTypedArrays);

// The real client with the generated tiny-ner fixture (a lookup tagger that knows a few names);
// Transformers.js runs on onnxruntime-node here, which the automatic backend picks.
const client = createClient();
const wrapper = ({ children }: { children: ReactNode }) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);
const text = 'Alice Johnson works at Acme Corp in Paris';

describe.skipIf(!nerModelFolder)('useEntities (real fixture model: tiny-ner)', () => {
  const recognizer = (): EntityRecognizer => client.entities({ model: nerModelFolder as string });

  it('goes from loading to success with spans that index into the text', async () => {
    const { result } = renderHook(() => useEntities(recognizer(), text), { wrapper });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    expect(result.current.progress.status).toBe('ready');
    const spans = result.current.data ?? [];
    expect(spans.map((span) => [span.type, span.text])).toEqual([
      ['PER', 'Alice Johnson'],
      ['ORG', 'Acme Corp'],
      ['LOC', 'Paris'],
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('never shows the previous text’s spans over a new text, and aborts stale texts', async () => {
    const recognize = vi.spyOn(recognizer(), 'recognize');
    const { result, rerender } = renderHook(
      ({ value }: { value: string }) => useEntities(recognizer(), value, { debounceMs: 50 }),
      { wrapper, initialProps: { value: text } },
    );
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    rerender({ value: 'Bob' });
    expect(result.current).toMatchObject({ status: 'loading', data: undefined });
    rerender({ value: 'Bob met Mary in London' });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.map((span) => span.text)).toEqual(['Bob', 'Mary', 'London']);
    expect(recognize.mock.calls.map(([value]) => value)).toEqual([text, 'Bob met Mary in London']);
  });

  it('stays idle for blank text without loading the model', async () => {
    const fresh = createClient();
    const { result } = renderHook(
      () => useEntities(fresh.entities({ model: nerModelFolder as string }), '  '),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <OnDeviceProvider client={fresh}>{children}</OnDeviceProvider>
        ),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toMatchObject({ status: 'idle', data: undefined, error: undefined });
    expect(result.current.progress.status).toBe('idle');
  });

  it('reports a typed error when the model folder does not exist', async () => {
    const missing = `${nerModelFolder as string}-missing`;
    const { result } = renderHook(() => useEntities(client.entities({ model: missing }), text), {
      wrapper,
    });
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 30_000 });
    expect(OnDeviceError.isInstance(result.current.error)).toBe(true);
  });
});

describe('useEntities outside a provider', () => {
  it('throws a MissingProviderError', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useEntities({} as EntityRecognizer, text))).toThrow(
      MissingProviderError,
    );
    consoleError.mockRestore();
  });
});
