import { describe, expect, it } from 'vitest';
import { fitEase } from './ease-model.js';
import type { HybridModel } from './hybrid-model.js';
import { itemPopularity } from './popularity-model.js';
import { rankItems, similarItems } from './ranked-items.js';
import { fitTransitions } from './transition-model.js';

/** Users walk through items 0–9 (genre A) or 10–19 (genre B) in order; A is twice as common. */
const sequences = Array.from({ length: 90 }, (_, user) => {
  const start = user % 3 === 0 ? 10 : 0;
  const offset = user % 5;
  return Int32Array.from({ length: 5 }, (_, step) => start + offset + step);
});

async function model(blend: number): Promise<HybridModel> {
  return {
    ease: await fitEase(sequences, 20, { lambda: 5 }),
    transitions: fitTransitions(sequences, 20),
    popularity: itemPopularity(sequences, 20),
    blend,
    content: null,
    contentWeight: 0,
  };
}

describe('ranked items', () => {
  it('leave out the person’s own items and the excluded ones, keep only allowed ones, k at most', async () => {
    const hybrid = await model(1);
    const ranked = rankItems(hybrid, Int32Array.of(1, 2, 3), {
      k: 3,
      exclude: new Set([4]),
      allow: (item) => item !== 0,
    });
    expect(ranked).toHaveLength(3);
    for (const { item } of ranked) expect([0, 1, 2, 3, 4]).not.toContain(item);
    // 4 would come first (it follows 3 and shares the most users with 1–3): excluded, so 5.
    expect(ranked[0]?.item).toBe(5);
    const scores = ranked.map(({ score }) => score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('say why: next after the latest item, similar to one of theirs, or popular with no history', async () => {
    const hybrid = await model(4);
    const [first] = rankItems(hybrid, Int32Array.of(5, 6, 7), { k: 1 });
    expect(first).toMatchObject({ item: 8, reason: { kind: 'next-after', because: 7 } });
    const easeOnly = await model(0);
    const [similar] = rankItems(easeOnly, Int32Array.of(5, 6, 7), { k: 1 });
    expect(similar?.reason.kind).toBe('similar-to');
    expect([5, 6, 7]).toContain((similar?.reason as { because: number }).because);
    const cold = rankItems(hybrid, new Int32Array(0), { k: 3 });
    expect(cold.map(({ reason }) => reason.kind)).toEqual(['popular', 'popular', 'popular']);
    expect(cold.every(({ item }) => item < 10)).toBe(true); // genre A is the more popular
  });

  it('similar items of one item never include it, and stay in its genre', async () => {
    const similar = similarItems(await model(1), 12, 3);
    expect(similar.map(({ item }) => item)).not.toContain(12);
    expect(similar.every(({ item }) => item >= 10)).toBe(true);
  });
});
