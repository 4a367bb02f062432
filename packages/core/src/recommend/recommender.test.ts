import { describe, expect, it } from 'vitest';
import { AbortError, InvalidImportError, InvalidInputError, createClient } from '../index.js';
import type { InteractionInput, RecommendableItem } from '../index.js';
import { createMemoryRecordStore } from '../util/record-store.js';

// Real USE-lite embeddings and a real fit, in-thread in Node (the worker's code path without the worker).
const client = createClient({ backend: 'wasm' });

const items: RecommendableItem[] = [
  {
    id: 'invoice-first',
    title: 'Create your first invoice',
    text: 'Add a customer, line items and send it.',
    tags: ['invoices'],
  },
  {
    id: 'invoice-logo',
    title: 'Add your logo to invoices',
    text: 'Upload a logo so invoices carry your brand.',
    tags: ['invoices'],
  },
  {
    id: 'invoice-reminders',
    title: 'Automatic payment reminders',
    text: 'Email customers before and after an invoice is due.',
    tags: ['invoices', 'payments'],
  },
  {
    id: 'invoice-template',
    title: 'Invoice template: classic',
    text: 'A clean invoice layout with tax lines.',
    tags: ['invoices', 'templates'],
  },
  {
    id: 'refunds',
    title: 'Refund a payment',
    text: 'Give money back to a customer for a card payment.',
    tags: ['payments'],
  },
  {
    id: 'payouts',
    title: 'When do payouts arrive?',
    text: 'Card payments reach your bank account in two business days.',
    tags: ['payments'],
  },
  {
    id: 'sso',
    title: 'Set up single sign-on',
    text: 'Connect your identity provider with SAML.',
    tags: ['security'],
  },
  {
    id: 'two-factor',
    title: 'Turn on two-factor authentication',
    text: 'Require a code from an authenticator app at login.',
    tags: ['security'],
  },
  {
    id: 'audit-log',
    title: 'Read the audit log',
    text: 'See who changed what in your workspace and when.',
    tags: ['security'],
  },
  {
    id: 'roles',
    title: 'Roles and permissions',
    text: 'Decide who can send invoices, refund and change settings.',
    tags: ['security', 'team'],
  },
];

/** 40 people: invoice readers walk the invoice items in order; security readers the security ones. */
function interactions(): InteractionInput[] {
  const paths = [
    ['invoice-first', 'invoice-logo', 'invoice-template', 'invoice-reminders'],
    ['sso', 'two-factor', 'roles', 'audit-log'],
    ['refunds', 'payouts', 'invoice-reminders'],
  ];
  const list: InteractionInput[] = [];
  for (let user = 0; user < 40; user += 1) {
    const path = paths[user % 3] as string[];
    const length = 2 + (Math.floor(user / 3) % 3);
    path
      .slice(0, length)
      .forEach((itemId, step) =>
        list.push({ userId: `u${user}`, itemId, timestamp: 1_000 * user + step }),
      );
  }
  return list;
}

let next = 0;
const fresh = () => client.recommender({ id: `recommender-test-${(next += 1)}`, persist: false });

describe('recommender (real USE-lite embeddings, real fit)', () => {
  it('recommends by content before any fit, and by behaviour after it, with reasons', async () => {
    const recommender = fresh();
    await recommender.addItems(items);
    await recommender.track(interactions());
    const early = await recommender.recommendForSession(['invoice-first'], { k: 3 });
    expect(early.map((r) => r.reason.kind)).toEqual(['similar', 'similar', 'similar']);
    expect(early[0]?.reason.text).toMatch(/^Similar to "Create your first invoice"$/);

    const progress: string[] = [];
    const report = await recommender.fit({ onProgress: ({ stage }) => progress.push(stage) });
    expect(progress).toContain('fitting');
    expect(report.users).toBe(40);
    expect(report.validation.byAlgorithm.map((entry) => entry.name)).toEqual([
      'popularity',
      'ease',
      'ease+transitions',
      'ease+transitions+content',
    ]);
    expect(recommender.getSnapshot()).toMatchObject({ lastFit: report, sinceFit: 0 });

    const picks = await recommender.recommend('u0', { k: 3 });
    // u0 read invoice-first and invoice-logo: the next invoice items come first, never their own.
    expect(picks.map((r) => r.itemId)).not.toContain('invoice-first');
    expect(picks[0]?.itemId).toBe('invoice-template');
    expect(picks[0]?.reason).toMatchObject({ kind: 'because', interaction: 'viewed' });
    expect(picks[0]?.reason.text).toMatch(/^Because you viewed "/);
    expect(picks[0]?.item?.title).toBe('Invoice template: classic');
  });

  it('follows every click of a session at once, and recommends a new item by its text', async () => {
    const recommender = fresh();
    await recommender.addItems(items);
    await recommender.track(interactions());
    await recommender.fit();
    const first = await recommender.recommendForSession(['sso'], { k: 2 });
    expect(first.map((r) => r.itemId)).toContain('two-factor');
    const after = await recommender.recommendForSession(['sso', 'refunds'], { k: 2 });
    expect(after.map((r) => r.itemId)).toContain('payouts');

    // Added after the fit, never interacted with: its text alone makes it similar.
    await recommender.addItems([
      {
        id: 'passkeys',
        title: 'Sign in with passkeys',
        text: 'Log in without a password using your phone or security key.',
        tags: ['security'],
      },
    ]);
    const similar = await recommender.similarItems('two-factor', { k: 10 });
    const passkeys = similar.find((r) => r.itemId === 'passkeys');
    expect(passkeys?.reason).toMatchObject({ kind: 'similar', itemId: 'two-factor' });
  });

  it('gives a new user popular items, in the context of a tag, and honours exclude and dislikes', async () => {
    const recommender = fresh();
    await recommender.addItems(items);
    await recommender.track(interactions());
    await recommender.fit();
    const popular = await recommender.recommend('someone-new', { k: 3 });
    expect(popular[0]?.reason).toEqual({ kind: 'popular', text: 'Popular right now' });
    const inSecurity = await recommender.recommend('someone-new', {
      k: 3,
      filters: { tags: ['security'] },
    });
    expect(inSecurity.every((r) => r.item?.tags?.includes('security'))).toBe(true);
    expect(inSecurity[0]?.reason).toEqual({
      kind: 'popular',
      tag: 'security',
      text: 'Popular in security',
    });

    await recommender.track({
      userId: 'u0',
      itemId: 'invoice-template',
      weight: -1,
      type: 'dismissed',
    });
    const picks = await recommender.recommend('u0', { k: 5, exclude: ['invoice-reminders'] });
    expect(picks.map((r) => r.itemId)).not.toContain('invoice-template');
    expect(picks.map((r) => r.itemId)).not.toContain('invoice-reminders');
  });

  it('cancels a fit, keeping the last model', async () => {
    const recommender = fresh();
    await recommender.addItems(items);
    await recommender.track(interactions());
    const report = await recommender.fit();
    const controller = new AbortController();
    controller.abort();
    await expect(recommender.fit({ signal: controller.signal })).rejects.toThrow(AbortError);
    expect(recommender.getSnapshot().lastFit).toBe(report);
    expect(recommender.getSnapshot().fitting).toBeNull();
  });

  it('can be fixed to one algorithm, for comparisons', async () => {
    const ease = client.recommender({
      id: `fixed-${(next += 1)}`,
      persist: false,
      algorithm: 'ease',
    });
    await ease.addItems(items);
    await ease.track(interactions());
    const report = await ease.fit();
    expect(report.validation.byAlgorithm.map((entry) => entry.name)).toEqual([
      'popularity',
      'ease',
    ]);
    expect(report.validation.chosen).toEqual({ transitionWeight: 0, contentWeight: 0 });
    const popular = client.recommender({
      id: `fixed-${(next += 1)}`,
      persist: false,
      algorithm: 'popularity',
    });
    await popular.track(interactions());
    await popular.fit();
    const picks = await popular.recommend('u0', { k: 2 });
    expect(picks.every((pick) => pick.reason.kind === 'popular')).toBe(true);
    expect(picks.map((pick) => pick.itemId)).not.toContain('invoice-first');
    expect(() => client.recommender({ id: 'x', algorithm: 'svd' as never })).toThrow(
      InvalidInputError,
    );
  });

  it('forgets a user on request', async () => {
    const recommender = fresh();
    await recommender.track(interactions());
    expect(await recommender.forgetUser('u0')).toBe(2);
    const data = await recommender.export();
    expect(data.interactions.some((entry) => entry.userId === 'u0')).toBe(false);
  });

  it('persists, exports and imports; rejects bad data naming the field, changing nothing', async () => {
    const { createRecommender } = await import('./recommender.js');
    const { recommenderSettings } = await import('./recommender-settings.js');
    const { defaultLimits } = await import('../util/limits.js');
    const store = createMemoryRecordStore();
    const runner = (client as unknown as { runner(id: string): never }).runner('use-lite');
    const open = () =>
      createRecommender(
        recommenderSettings({ id: 'kept' }),
        'use-lite',
        client.embedder(),
        runner,
        async () => store,
        defaultLimits,
      );
    const recommender = open();
    await recommender.addItems(items);
    await recommender.track(interactions());
    const report = await recommender.fit();
    const before = await recommender.recommend('u1', { k: 3 });
    const reopened = open();
    await reopened.ready();
    expect(reopened.getSnapshot().lastFit).toEqual(report);
    expect(await reopened.recommend('u1', { k: 3 })).toEqual(before);

    const data = await recommender.export();
    const copy = fresh();
    await copy.import(JSON.stringify(data));
    expect((await copy.export()).interactions).toEqual(data.interactions);

    const bad: [unknown, string][] = [
      [{ ...data, version: 9 }, 'version'],
      [{ ...data, items: [{ id: '' }] }, 'items[0].id'],
      [{ ...data, items: [items[0], items[0]] }, 'items[1].id'],
      [
        { ...data, interactions: [{ ...data.interactions[0], weight: 'x' }] },
        'interactions[0].weight',
      ],
      [{ ...data, interactions: [{ userId: 'a', itemId: 'b' }] }, 'interactions[0].weight'],
      [{ ...data, more: 1 }, 'more'],
    ];
    for (const [value, path] of bad) {
      const error = await copy.import(value).catch((caught: unknown) => caught);
      expect(InvalidImportError.isInstance(error), path).toBe(true);
      expect((error as InvalidImportError).path).toBe(path);
    }
    expect((await copy.export()).interactions).toHaveLength(data.interactions.length);
  });

  it('checks its inputs, naming the field', async () => {
    expect(() => client.recommender({ id: '' })).toThrow(InvalidInputError);
    const recommender = fresh();
    await expect(recommender.track({ userId: 'u', itemId: '' })).rejects.toMatchObject({
      parameter: 'interaction.itemId',
    });
    await expect(
      recommender.track([{ userId: 'u', itemId: 'a', weight: Number.NaN }]),
    ).rejects.toMatchObject({ parameter: 'interactions[0].weight' });
    await expect(recommender.addItems([{ id: 'a', tags: [1 as never] }])).rejects.toMatchObject({
      parameter: 'items[0].tags[0]',
    });
    await expect(recommender.recommend('u', { k: 0 })).rejects.toThrow(/k must be/);
    await expect(recommender.fit()).rejects.toThrow(/track\(\) some first/);
    await expect(recommender.similarItems('nothing')).rejects.toThrow(InvalidInputError);
    expect(recommender.getSnapshot().interactions).toBe(0);
  });
});
