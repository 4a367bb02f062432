import type { ZeroShotLabel } from '@ondevice/core';

/**
 * Intents of a B2B SaaS support desk, described in plain words: a teachable classifier starts
 * from these (zero-shot) until it is taught examples.
 *
 * @example
 * <SmartTags text={ticket} classifierId="story-support-intents" labels={supportIntents} />
 */
export const supportIntents: readonly ZeroShotLabel[] = [
  {
    id: 'billing',
    descriptions: [
      'invoice, payment, charge or refund',
      'I was charged twice',
      'update our credit card',
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
    descriptions: ['request for a new feature', 'it would be great if you added', 'please support'],
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
      'we are switching to a competitor',
      'not renewing our contract',
    ],
  },
];

/**
 * Short support messages for the stories (the playground's inbox has its own, longer tickets).
 *
 * @example
 * storyTickets[0] // 'We were billed twice for the March invoice…'
 */
export const storyTickets: readonly string[] = [
  'We were billed twice for the March invoice. Please refund the duplicate charge.',
  "I can't log in since the update: the two-factor code is always rejected.",
  'The CSV export has been failing with a 500 error since this morning.',
  'Could you add a dark mode? Our night shift would really appreciate it.',
  'Your support team sorted out our SSO setup in ten minutes. Brilliant, thank you!',
  'If the sync keeps breaking we will move to another vendor at renewal.',
];

/**
 * How an intent id reads.
 *
 * @example
 * formatIntent('feature-request') // 'feature request'
 */
export const formatIntent = (label: string) => label.replace(/-/g, ' ');
