import type { SupportTicket } from '../inbox/support-tickets.js';

/** A short reply per intent of the inbox's classifier (`support-intents`), by first name. */
const templates: Readonly<Record<string, (firstName: string) => string>> = {
  billing: (name) =>
    `Hi ${name}, thank you for letting us know. I have passed your invoice to our billing team: they will check the charges and reply within one working day.`,
  login: (name) =>
    `Hi ${name}, sorry you cannot get in. "Forgot password" on the sign-in page sends a new link; if your account stays locked, reply here and we will unlock it for you.`,
  bug: (name) =>
    `Hi ${name}, thank you for the report, and sorry for the trouble. Our engineers are looking into it, and we will write as soon as we know more.`,
  'feature-request': (name) =>
    `Hi ${name}, thank you for the suggestion! I have added it to our feedback board, which the product team reviews every month.`,
  praise: (name) => `Hi ${name}, thank you for the kind words! I will pass them on to the team.`,
  'churn-risk': (name) =>
    `Hi ${name}, I am sorry to hear that. I have asked your account manager to call you this week to see what we can put right.`,
};

/**
 * The first word of a customer's name, for a greeting.
 *
 * @example
 * firstName('Tomás Ortega') // 'Tomás'
 */
export function firstName(customer: string): string {
  return customer.trim().split(/\s+/)[0] ?? customer;
}

/**
 * The template reply for a ticket of a predicted intent, made on the device; null when the
 * intent has no template (or the classifier was unsure: no label).
 *
 * @example
 * templateReply('login', { customer: 'Tomás Ortega' }) // 'Hi Tomás, sorry you cannot get in. …'
 */
export function templateReply(
  intent: string | null,
  ticket: Pick<SupportTicket, 'customer'>,
): string | null {
  const template = intent === null ? undefined : templates[intent];
  return template ? template(firstName(ticket.customer)) : null;
}
