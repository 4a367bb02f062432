import type { ZeroShotLabel } from '@ondevice/core';

/**
 * Id of the inbox's teachable classifier (persisted in IndexedDB under this id).
 *
 * @example
 * useTeachableClassifier(supportIntentsId, { labels: supportIntents })
 */
export const supportIntentsId = 'support-intents';

/**
 * Intents of the support inbox, described in plain words: the classifier predicts them
 * zero-shot until the user teaches it by accepting or correcting tags.
 *
 * @example
 * useTeachablePredictions(texts, supportIntentsId, { labels: supportIntents })
 */
export const supportIntents: readonly ZeroShotLabel[] = [
  {
    id: 'billing',
    descriptions: [
      'invoice, payment, charge or refund',
      'we were charged twice',
      'update our billing details',
    ],
  },
  {
    id: 'login',
    descriptions: [
      'cannot sign in or log in',
      'password reset or two-factor code',
      'account is locked',
    ],
  },
  {
    id: 'bug',
    descriptions: [
      'something is broken or shows an error',
      'the app crashes',
      'a feature stopped working',
    ],
  },
  {
    id: 'feature-request',
    descriptions: [
      'request for a new feature',
      'it would be great if you added',
      'do you plan to support',
    ],
  },
  {
    id: 'praise',
    descriptions: [
      'thank you, great product',
      'the support team was excellent',
      'love the new update',
    ],
  },
  {
    id: 'churn-risk',
    descriptions: [
      'cancel our subscription',
      'we are switching to another tool',
      'we will not renew our contract',
    ],
  },
];

/**
 * How an intent id reads.
 *
 * @example
 * formatIntent('feature-request') // 'feature request'
 */
export function formatIntent(label: string): string {
  return label.replace(/-/g, ' ');
}
