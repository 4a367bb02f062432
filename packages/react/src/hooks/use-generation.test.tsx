import { type TextGenerator, createClient } from '@ondevice/core';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, useEffect } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import {
  restoreNodeTypedArrays,
  storiesModelFolder,
} from '../test-support/real-models.test.support.js';
import { useGeneration } from './use-generation.js';

afterEach(cleanup);
beforeAll(restoreNodeTypedArrays);

// The real stories260K model (a 1.2 MB Llama, greedy by default) on the real client; Transformers.js
// runs on onnxruntime-node here, which the automatic backend picks.
const client = createClient();
const wrapper = ({ children }: { children: ReactNode }) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);

describe.skipIf(!storiesModelFolder)('useGeneration (real model: stories260K)', () => {
  const generator = (): TextGenerator => client.generator({ model: storiesModelFolder as string });

  it('streams loading → generating → done, text growing to the result', async () => {
    const statuses: string[] = [];
    const texts: string[] = [];
    const { result } = renderHook(
      () => {
        const generation = useGeneration(generator(), { maxNewTokens: 24 });
        if (statuses.at(-1) !== generation.status) statuses.push(generation.status);
        if (texts.at(-1) !== generation.text) texts.push(generation.text);
        return generation;
      },
      { wrapper },
    );
    expect(result.current).toMatchObject({ status: 'idle', text: '', result: undefined });
    const { generate, stop } = result.current;
    let finished: Awaited<ReturnType<typeof generate>>;
    await act(async () => {
      finished = await result.current.generate('Once upon a time');
    });
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(finished?.tokens).toBe(24);
    expect(result.current.result).toBe(finished);
    expect(result.current.text).toBe(finished?.text);
    expect(result.current.text).toMatch(/^, there was a little girl named Lily/);
    expect(result.current.progress.status).toBe('ready');
    expect(statuses).toEqual(['idle', 'loading', 'generating', 'done']);
    // Streamed, not all at once: a shorter beginning of the text showed before the whole.
    const whole = finished?.text ?? '';
    expect(
      texts
        .slice(1, -1)
        .some((text) => text !== '' && text.length < whole.length && whole.startsWith(text)),
    ).toBe(true);
    // The actions keep their identity across renders.
    expect(result.current.generate).toBe(generate);
    expect(result.current.stop).toBe(stop);
  });

  it('stop() ends the generation as stopped, keeping the text so far', async () => {
    const { result } = renderHook(
      () => {
        const generation = useGeneration(generator());
        const { status, stop } = generation;
        // Stop as soon as the first text shows (the story would run ~340 tokens).
        useEffect(() => {
          if (status === 'generating') stop();
        }, [status, stop]);
        return generation;
      },
      { wrapper },
    );
    let finished: unknown = 'pending';
    await act(async () => {
      finished = await result.current.generate('Once upon a time', { maxNewTokens: 400 });
    });
    expect(finished).toBeUndefined();
    expect(result.current.status).toBe('stopped');
    expect(result.current.text.length).toBeGreaterThan(0);
    expect(result.current.result).toBeUndefined();
    const stoppedText = result.current.text;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result.current.text).toBe(stoppedText);
  });

  it('reports invalid input as a typed error without loading anything more', async () => {
    const { result } = renderHook(() => useGeneration(generator()), { wrapper });
    await act(async () => {
      await result.current.generate('', { maxNewTokens: 4 });
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('invalid-input');
  });
});

describe('useGeneration outside a provider', () => {
  it('throws a MissingProviderError naming the fix', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const generator = {} as TextGenerator;
    let thrown: unknown;
    try {
      renderHook(() => useGeneration(generator));
    } catch (error) {
      thrown = error;
    } finally {
      consoleError.mockRestore();
    }
    expect(MissingProviderError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toContain('<OnDeviceProvider');
  });
});
