import { InvalidInputError } from '@ondevice/errors';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/create-client.js';
import type { InteractionInput, RecommendableItem } from '../recommend/recommend-types.js';
import { RecommendationsObserver } from './recommendations-observer.js';

// A real recommender: USE-lite embeddings of the item texts and a real fit, in-thread in Node.
const client = createClient({ backend: 'wasm' });
// Searches embed in this thread: on a busy machine, allow more than a second for a result.
vi.setConfig({ expect: { poll: { timeout: 30_000 } } });
afterAll(() => client.dispose());

const templates: RecommendableItem[] = [
  {
    id: 'invoice',
    title: 'Invoice template',
    text: 'Itemised invoice with tax lines.',
    tags: ['billing'],
  },
  {
    id: 'receipt',
    title: 'Receipt template',
    text: 'A receipt to send once a card payment clears.',
    tags: ['billing'],
  },
  {
    id: 'quote',
    title: 'Quote template',
    text: 'A price quote a customer can accept online.',
    tags: ['sales'],
  },
  {
    id: 'onboarding',
    title: 'Onboarding checklist',
    text: 'Steps for a new teammate’s first week.',
    tags: ['team'],
  },
  {
    id: 'offboarding',
    title: 'Offboarding checklist',
    text: 'Revoke access when someone leaves the team.',
    tags: ['team'],
  },
  {
    id: 'roadmap',
    title: 'Product roadmap board',
    text: 'Plan the next quarter in columns by theme.',
    tags: ['planning'],
  },
];

/** Twelve people: half walk quote → invoice → receipt, half onboarding → offboarding → roadmap. */
const history: InteractionInput[] = Array.from({ length: 12 }, (_, user) =>
  (user % 2 === 0 ? ['quote', 'invoice', 'receipt'] : ['onboarding', 'offboarding', 'roadmap']).map(
    (itemId, step) => ({ userId: `u${user}`, itemId, timestamp: 100 * user + step }),
  ),
).flat();

let next = 0;
async function filledRecommender() {
  const recommender = client.recommender({
    id: `recommendations-observer-${(next += 1)}`,
    persist: false,
  });
  await recommender.addItems(templates);
  await recommender.track(history);
  return recommender;
}

const settled = (observer: RecommendationsObserver) =>
  expect.poll(() => observer.getSnapshot().status, { timeout: 60_000 }).toMatch(/success|error/);

describe('RecommendationsObserver (real recommender)', () => {
  it('is idle for a blank user, recommends for a user or a session, with reasons', async () => {
    const recommender = await filledRecommender();
    const observer = new RecommendationsObserver(client, { recommender });
    expect(observer.recommender).toBe(recommender);
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: { userId: ' ' } });
    expect(observer.getSnapshot()).toMatchObject({ status: 'idle', data: undefined });

    observer.setOptions({ input: { userId: 'u0', k: 2 } });
    expect(observer.getSnapshot().status).toBe('loading');
    await settled(observer);
    const byUser = observer.getSnapshot().data;
    expect(byUser).toMatchObject({ userId: 'u0', session: undefined });
    expect(byUser?.recommendations).toHaveLength(2);
    for (const pick of byUser?.recommendations ?? []) {
      expect(['quote', 'invoice', 'receipt']).not.toContain(pick.itemId);
      expect(pick.reason.text).not.toBe('');
    }

    observer.setOptions({ input: { session: ['quote'], k: 1 } });
    await expect.poll(() => observer.getSnapshot().data?.session).toEqual(['quote']);
    const [pick] = observer.getSnapshot().data?.recommendations ?? [];
    expect(pick?.itemId).toBe('invoice');
    expect(pick?.item?.title).toBe('Invoice template');
    stop();
  });

  it('recommends again after a click or a fit, keeping the previous list meanwhile', async () => {
    const recommender = await filledRecommender();
    const recommend = vi.spyOn(recommender, 'recommend');
    const observer = new RecommendationsObserver(client, { recommender });
    const seen: ReturnType<typeof observer.getSnapshot>[] = [];
    const stop = observer.subscribe(() => seen.push(observer.getSnapshot()));
    observer.setOptions({ input: { userId: 'newcomer', k: 3 } });
    await settled(observer);
    const before = observer.getSnapshot().data;
    expect(before?.recommendations.every((pick) => pick.reason.kind === 'popular')).toBe(true);

    seen.length = 0;
    await recommender.track({ userId: 'newcomer', itemId: 'quote', type: 'used' });
    await expect
      .poll(() => observer.getSnapshot().data?.recommendations[0]?.reason)
      .toMatchObject({ itemId: 'quote' });
    expect(observer.getSnapshot().data?.recommendations.map((pick) => pick.itemId)).not.toContain(
      'quote',
    );
    expect(recommend).toHaveBeenCalledTimes(2);
    expect(seen[0]).toMatchObject({ status: 'loading', data: before });
    expect(seen.every((snapshot) => snapshot.data !== undefined)).toBe(true);

    // A fit reports progress many times: the list is recommended again once, when it ends.
    await recommender.fit();
    await expect.poll(() => recommend.mock.calls.length).toBe(3);
    await settled(observer);
    expect(recommend).toHaveBeenCalledTimes(3);
    stop();
    await recommender.track({ userId: 'newcomer', itemId: 'invoice' });
    expect(recommend).toHaveBeenCalledTimes(3); // nobody listens: nothing runs
  });

  it('reports a typed error for options the recommender refuses', async () => {
    const recommender = await filledRecommender();
    const observer = new RecommendationsObserver(client, { recommender });
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: { userId: 'u0', k: 0 } });
    await settled(observer);
    const { status, error } = observer.getSnapshot();
    expect(status).toBe('error');
    expect(InvalidInputError.isInstance(error)).toBe(true);
    stop();
  });
});
