import { type ModelStatus, createClient } from '@ondevice/core';
import { cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelProgress } from '../model-progress/model-progress.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { useEmbeddings } from './use-embeddings.js';
import { useModelStatus } from './use-model-status.js';

afterEach(cleanup);

function EmbeddingsStatus({ name, texts }: { name: string; texts: string[] }) {
  const { status } = useEmbeddings(texts);
  return <p data-testid={name}>{status}</p>;
}

function StatusText() {
  const status = useModelStatus({ load: true });
  return <p data-testid="model-status">{status.status}</p>;
}

describe('useModelStatus (real model)', () => {
  it('observes without loading unless asked to', async () => {
    const client = createClient({ backend: 'wasm' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
    );
    const { result } = renderHook(() => useModelStatus(), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toEqual({ status: 'idle' });
    // Someone else loads the model: the hook follows every transition.
    const seen: string[] = [];
    const { result: tracked } = renderHook(
      () => {
        const status = useModelStatus({ model: 'use-lite' });
        if (seen.at(-1) !== status.status) seen.push(status.status);
        return status;
      },
      { wrapper },
    );
    await client.model().load();
    await waitFor(() => expect(tracked.current).toEqual({ status: 'ready', backend: 'wasm' }));
    expect(result.current).toBe(tracked.current);
    expect(seen[0]).toBe('idle');
    expect(seen.at(-1)).toBe('ready');
  });

  it('loads the model once however many components mount under StrictMode', async () => {
    const client = createClient({ backend: 'wasm' });
    const handle = client.model();
    const transitions: ModelStatus[] = [];
    handle.subscribe(() => transitions.push(handle.getSnapshot()));

    render(
      <StrictMode>
        <OnDeviceProvider client={client}>
          <EmbeddingsStatus name="first" texts={['a cat sat on the mat']} />
          <EmbeddingsStatus name="second" texts={['a dog barked', 'a bird sang']} />
          <EmbeddingsStatus name="third" texts={['a cat sat on the mat']} />
          <ModelProgress loadOnMount />
          <ModelProgress loadOnMount label="Second progress" />
          <StatusText />
        </OnDeviceProvider>
      </StrictMode>,
    );

    for (const name of ['first', 'second', 'third']) {
      await waitFor(() => expect(screen.getByTestId(name).textContent).toBe('success'), {
        timeout: 60_000,
      });
    }
    expect(screen.getByTestId('model-status').textContent).toBe('ready');

    // One download started (progress starts at 0 bytes once per load), one initialisation, one ready.
    const downloadsStarted = transitions.filter(
      (status) => status.status === 'downloading' && status.loaded === 0,
    );
    expect(downloadsStarted).toHaveLength(1);
    expect(transitions.filter((status) => status.status === 'initializing')).toHaveLength(1);
    // (Core publishes 'ready' twice in a row for one load, engine then handle: count phases.)
    const phases = transitions
      .map((status) => status.status)
      .filter((status, index, all) => status !== all[index - 1]);
    expect(phases).toEqual(['downloading', 'initializing', 'ready']);
    // Three distinct texts computed once each, despite StrictMode's double effects.
    expect(client.embedder().stats().textsComputed).toBe(3);
    expect(client.diagnostics().models).toEqual([
      expect.objectContaining({ id: 'use-lite', status: 'ready' }),
    ]);
    client.dispose();
  });
});
