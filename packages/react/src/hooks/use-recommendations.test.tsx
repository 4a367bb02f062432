import { type OnDeviceClient, createClient } from '@ondevice/core';
import { act, cleanup, configure, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { templateHistory, templates } from '../test-support/templates.test.support.js';
import { useRecommendations } from './use-recommendations.js';
import { useTrackInteraction } from './use-track-interaction.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// A real recommender: USE-lite embeddings (tfjs wasm) of the item texts, kept in memory.
const client = createClient({ backend: 'wasm' });
// Embeddings run in this thread: on a busy machine, allow more than a second for a result.
configure({ asyncUtilTimeout: 30_000 });
afterAll(() => client.dispose());
const wrapper = ({ children }: { children: ReactNode }) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);

let next = 0;
async function filledRecommender(owner: OnDeviceClient = client) {
  const recommender = owner.recommender({
    id: `use-recommendations-${(next += 1)}`,
    persist: false,
  });
  await recommender.addItems(templates);
  await recommender.track(templateHistory);
  return recommender;
}

describe('useRecommendations and useTrackInteraction (real recommender)', () => {
  it('recommends for a session, and follows what the user does', async () => {
    const recommender = await filledRecommender();
    const { result } = renderHook(
      () => ({
        picks: useRecommendations(recommender, { userId: 'newcomer' }, { k: 2 }),
        track: useTrackInteraction(recommender),
      }),
      { wrapper },
    );
    expect(result.current.picks.status).toBe('loading');
    await waitFor(() => expect(result.current.picks.status).toBe('success'), { timeout: 60_000 });
    expect(result.current.picks.data?.recommendations.map((pick) => pick.reason.kind)).toEqual([
      'popular',
      'popular',
    ]);
    const track = result.current.track;
    await act(() => track({ userId: 'newcomer', itemId: 'quote', type: 'used' }));
    await waitFor(() =>
      expect(result.current.picks.data?.recommendations[0]?.reason).toMatchObject({
        itemId: 'quote',
      }),
    );
    expect(result.current.track).toBe(track); // stable across renders
  });

  it('takes a session or a user, and options compared by content', async () => {
    const recommender = await filledRecommender();
    const recommendForSession = vi.spyOn(recommender, 'recommendForSession');
    const { result, rerender } = renderHook(
      ({ session }: { session: string[] }) =>
        useRecommendations(recommender, { session }, { k: 1, filters: { tags: ['billing'] } }),
      { wrapper, initialProps: { session: ['quote'] } },
    );
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    expect(result.current.data?.recommendations.map((pick) => pick.itemId)).toEqual(['invoice']);
    rerender({ session: ['quote'] });
    expect(recommendForSession).toHaveBeenCalledTimes(1);
  });

  it('stays idle without a user', async () => {
    const recommender = await filledRecommender();
    const { result } = renderHook(() => useRecommendations(recommender, { userId: '' }), {
      wrapper,
    });
    expect(result.current).toMatchObject({ status: 'idle', data: undefined });
  });
});

describe('useRecommendations outside a provider', () => {
  it('throws a MissingProviderError', async () => {
    const recommender = await filledRecommender();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useRecommendations(recommender, { userId: 'u1' }))).toThrow(
      MissingProviderError,
    );
    consoleError.mockRestore();
  });
});
