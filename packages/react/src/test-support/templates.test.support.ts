import type { InteractionInput, RecommendableItem } from '@ondevice/core';

/**
 * A SaaS product's templates, for the tests of the recommendation hooks and widgets.
 *
 * @example
 * await recommender.addItems(templates)
 */
export const templates: RecommendableItem[] = [
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

/**
 * Twelve people's use of {@link templates}: half go quote → invoice → receipt, half
 * onboarding → offboarding → roadmap.
 *
 * @example
 * await recommender.track(templateHistory)
 */
export const templateHistory: InteractionInput[] = Array.from({ length: 12 }, (_, user) =>
  (user % 2 === 0 ? ['quote', 'invoice', 'receipt'] : ['onboarding', 'offboarding', 'roadmap']).map(
    (itemId, step) => ({ userId: `u${user}`, itemId, timestamp: 100 * user + step }),
  ),
).flat();
