import type { InteractionInput, Recommender } from '@ondevice/core';
import { useCallback } from 'react';

/**
 * A stable function that records interactions with `recommender.track` (a click, a purchase;
 * `weight` ≤ 0 for a dislike). Lists from `useRecommendations` on the same recommender follow
 * at once. No provider needed.
 *
 * @throws {InvalidInputError} (from the returned promise) naming the malformed field.
 * @example
 * const track = useTrackInteraction(recommender)
 * <button onClick={() => void track({ userId, itemId: 'tpl-invoice', type: 'used' })}>Use</button>
 */
export function useTrackInteraction(
  recommender: Recommender,
): (interaction: InteractionInput | readonly InteractionInput[]) => Promise<void> {
  return useCallback(
    (interaction: InteractionInput | readonly InteractionInput[]) => recommender.track(interaction),
    [recommender],
  );
}
