// The support intents are the playground's: written once, shown in both places.
export { formatIntent, supportIntents } from '../apps/playground/src/inbox/support-intents.js';

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
