/**
 * One interaction of a user with an item, as apps record it.
 *
 * @example
 * const click: Interaction = { userId: 'u1', itemId: 'doc-42', timestamp: Date.now() }
 */
export interface Interaction {
  userId: string;
  itemId: string;
  /** Milliseconds since the epoch; interactions without one keep the order they were added in. */
  timestamp?: number;
}

/**
 * Interactions as dense indices: each user's distinct items in the order they were last
 * interacted with (ties kept in insertion order), and the id of every index.
 *
 * @example
 * const log = buildInteractionLog(interactions)
 * log.sequences[log.userIndex.get('u1')!] // item indices, oldest first
 */
export interface InteractionLog {
  userIds: string[];
  itemIds: string[];
  userIndex: Map<string, number>;
  itemIndex: Map<string, number>;
  /** Per user, distinct item indices ordered by their latest interaction, oldest first. */
  sequences: Int32Array[];
}

/**
 * Builds the {@link InteractionLog} of a list of interactions. An item seen twice by a user
 * counts once, at its latest interaction.
 *
 * @example
 * buildInteractionLog([{ userId: 'a', itemId: 'x', timestamp: 1 }]).itemIds // ['x']
 */
export function buildInteractionLog(
  interactions: readonly Interaction[],
  itemIds: readonly string[] = [],
): InteractionLog {
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const userIds: string[] = [];
  const items: string[] = [];
  const indexOf = (map: Map<string, number>, list: string[], id: string) => {
    let index = map.get(id);
    if (index === undefined) {
      index = list.length;
      map.set(id, index);
      list.push(id);
    }
    return index;
  };
  for (const id of itemIds) indexOf(itemIndex, items, id);
  const latest: Map<number, { time: number; order: number }>[] = [];
  interactions.forEach((interaction, order) => {
    const user = indexOf(userIndex, userIds, interaction.userId);
    const item = indexOf(itemIndex, items, interaction.itemId);
    const seen = (latest[user] ??= new Map());
    const time = interaction.timestamp ?? Number.NEGATIVE_INFINITY;
    const previous = seen.get(item);
    if (!previous || time > previous.time || (time === previous.time && order > previous.order)) {
      seen.set(item, { time, order });
    }
  });
  const sequences = userIds.map((_, user) => {
    const entries = [...(latest[user] ?? new Map()).entries()];
    entries.sort(([, a], [, b]) => a.time - b.time || a.order - b.order);
    return Int32Array.from(entries, ([item]) => item);
  });
  return { userIds, itemIds: items, userIndex, itemIndex, sequences };
}
