import type { InteractionInput, RecommendableItem } from '@ondevice/core';

// The help centre and template gallery of an imaginary invoicing and project app, written for
// the search and recommendation stories.

/**
 * One article of the story help centre: searched on its title and body, filtered by category.
 *
 * @example
 * const article: HelpArticle = { id: 'refunds', title: 'Refund a payment', body: '…', category: 'Billing' }
 */
export interface HelpArticle {
  id: string;
  title: string;
  body: string;
  category: string;
  [field: string]: unknown;
}

/**
 * Twenty help-centre articles in five categories.
 *
 * @example
 * await index.update(helpArticles)
 */
export const helpArticles: readonly HelpArticle[] = [
  {
    id: 'refund-payment',
    title: 'Refund a payment',
    body: 'Open the paid invoice, choose Refund and enter the amount. Card refunds reach the customer in five to ten days; partial refunds are allowed.',
    category: 'Billing',
  },
  {
    id: 'change-plan',
    title: 'Upgrade or downgrade your plan',
    body: 'Switch plans from Settings › Subscription. An upgrade applies at once and is prorated; a downgrade starts with the next billing period.',
    category: 'Billing',
  },
  {
    id: 'failed-card',
    title: 'What happens when a card payment fails',
    body: 'We retry a declined card three times over a week and email the account owner each time. Update the card to keep the workspace active.',
    category: 'Billing',
  },
  {
    id: 'tax-rates',
    title: 'Add tax rates to invoices',
    body: 'Create a tax rate once, with its name and percentage, then pick it on any invoice line. Several rates can apply to one line.',
    category: 'Invoices',
  },
  {
    id: 'invoice-reminders',
    title: 'Send automatic payment reminders',
    body: 'Turn on reminders to email customers three days before an invoice is due, on the due date and a week after it.',
    category: 'Invoices',
  },
  {
    id: 'invoice-currency',
    title: 'Invoice in another currency',
    body: 'Each customer can have their own currency. Totals in reports are converted at the rate of the day the invoice was sent.',
    category: 'Invoices',
  },
  {
    id: 'recurring-invoices',
    title: 'Set up a recurring invoice',
    body: 'Make any invoice repeat weekly, monthly or yearly. Each copy is sent on schedule and can charge the saved card automatically.',
    category: 'Invoices',
  },
  {
    id: 'invoice-pdf',
    title: 'Download an invoice as PDF',
    body: 'Every invoice has a PDF button. The file uses your logo, colours and the template chosen in Settings › Branding.',
    category: 'Invoices',
  },
  {
    id: 'single-sign-on',
    title: 'Set up single sign-on',
    body: 'Connect your identity provider over SAML so people sign in with their company account. Available on the Business plan.',
    category: 'Security',
  },
  {
    id: 'two-factor',
    title: 'Turn on two-factor authentication',
    body: 'Ask for a one-time code from an authenticator app at every sign-in. Owners can require it for the whole workspace.',
    category: 'Security',
  },
  {
    id: 'reset-password',
    title: 'Reset a forgotten password',
    body: 'Use the link on the sign-in page. The email we send works for one hour; ask an owner if you no longer reach that inbox.',
    category: 'Security',
  },
  {
    id: 'audit-log',
    title: 'Read the audit log',
    body: 'See who created, edited or deleted invoices, projects and settings, and when. Export the log as CSV for your records.',
    category: 'Security',
  },
  {
    id: 'invite-teammates',
    title: 'Invite teammates',
    body: 'Send invitations from Team › Members. Each person gets a role: owner, admin, member or guest with read-only access.',
    category: 'Team',
  },
  {
    id: 'roles',
    title: 'Roles and permissions',
    body: 'Admins manage projects and members; members create invoices; guests only view what is shared with them.',
    category: 'Team',
  },
  {
    id: 'remove-member',
    title: 'Remove someone from the workspace',
    body: 'Removing a member signs them out everywhere and frees their seat. Their invoices and comments stay in the workspace.',
    category: 'Team',
  },
  {
    id: 'time-tracking',
    title: 'Track time on a project',
    body: 'Start the timer from any task, or enter hours by hand. Tracked time can be added to the next invoice in one click.',
    category: 'Projects',
  },
  {
    id: 'project-budget',
    title: 'Set a project budget',
    body: 'Give a project a budget in hours or money and get an alert at 80 % and 100 % of it.',
    category: 'Projects',
  },
  {
    id: 'export-reports',
    title: 'Export reports to a spreadsheet',
    body: 'Every report table downloads as CSV or Excel, with the filters you applied on screen.',
    category: 'Projects',
  },
  {
    id: 'client-portal',
    title: 'Share a client portal',
    body: 'Give a customer a private page with their invoices, quotes and project progress. They can pay from it by card.',
    category: 'Projects',
  },
  {
    id: 'delete-workspace',
    title: 'Close your account',
    body: 'An owner can delete the workspace from Settings › Danger zone. We keep invoices for thirty days in case you change your mind.',
    category: 'Team',
  },
];

/**
 * Sixteen templates of the story gallery, each with a title, a description and tags.
 *
 * @example
 * await recommender.addItems(templateItems)
 */
export const templateItems: readonly RecommendableItem[] = [
  {
    id: 'tpl-invoice-classic',
    title: 'Classic invoice',
    text: 'A clean invoice with tax lines and payment terms.',
    tags: ['billing'],
  },
  {
    id: 'tpl-invoice-hourly',
    title: 'Hourly invoice',
    text: 'Bill tracked hours per person and rate.',
    tags: ['billing'],
  },
  {
    id: 'tpl-receipt',
    title: 'Payment receipt',
    text: 'Confirm a payment once the card charge clears.',
    tags: ['billing'],
  },
  {
    id: 'tpl-reminder',
    title: 'Friendly payment reminder',
    text: 'A polite email for an invoice that is a few days late.',
    tags: ['billing', 'email'],
  },
  {
    id: 'tpl-quote',
    title: 'Project quote',
    text: 'A price quote a customer can accept and sign online.',
    tags: ['sales'],
  },
  {
    id: 'tpl-proposal',
    title: 'Service proposal',
    text: 'Scope, timeline and price of a piece of work, in three pages.',
    tags: ['sales'],
  },
  {
    id: 'tpl-contract',
    title: 'Freelance contract',
    text: 'Terms for a fixed-price engagement, with milestones.',
    tags: ['sales'],
  },
  {
    id: 'tpl-welcome-email',
    title: 'Welcome email for new clients',
    text: 'Say hello, share the portal link and the next steps.',
    tags: ['email'],
  },
  {
    id: 'tpl-onboarding',
    title: 'Employee onboarding checklist',
    text: 'Accounts, equipment and introductions for a first week.',
    tags: ['team'],
  },
  {
    id: 'tpl-offboarding',
    title: 'Offboarding checklist',
    text: 'Revoke access and hand over work when someone leaves.',
    tags: ['team'],
  },
  {
    id: 'tpl-one-on-one',
    title: 'One-on-one meeting notes',
    text: 'Agenda, wins, blockers and follow-ups for a weekly check-in.',
    tags: ['team'],
  },
  {
    id: 'tpl-roadmap',
    title: 'Quarterly roadmap',
    text: 'Themes, goals and projects laid out by month.',
    tags: ['planning'],
  },
  {
    id: 'tpl-sprint',
    title: 'Sprint planning board',
    text: 'Backlog, in progress and done columns for a two-week sprint.',
    tags: ['planning'],
  },
  {
    id: 'tpl-retro',
    title: 'Sprint retrospective',
    text: 'What went well, what did not, and what to try next.',
    tags: ['planning', 'team'],
  },
  {
    id: 'tpl-budget',
    title: 'Project budget tracker',
    text: 'Hours and spend against the budget, by week.',
    tags: ['planning', 'billing'],
  },
  {
    id: 'tpl-expense',
    title: 'Expense report',
    text: 'Receipts and mileage to be paid back at the end of the month.',
    tags: ['billing'],
  },
];

/** The paths people take through the gallery: freelancers, team leads and product teams. */
const paths: readonly (readonly string[])[] = [
  ['tpl-quote', 'tpl-contract', 'tpl-invoice-hourly', 'tpl-reminder', 'tpl-receipt'],
  ['tpl-proposal', 'tpl-quote', 'tpl-invoice-classic', 'tpl-receipt'],
  ['tpl-onboarding', 'tpl-one-on-one', 'tpl-offboarding'],
  ['tpl-roadmap', 'tpl-sprint', 'tpl-retro', 'tpl-budget'],
];

/**
 * Thirty-two people's use of the templates (each walks one path, part or all of it), oldest
 * first: what the recommender learns from.
 *
 * @example
 * await recommender.track(templateHistory)
 */
export const templateHistory: readonly InteractionInput[] = Array.from(
  { length: 32 },
  (_, person) => {
    const path = paths[person % paths.length] as readonly string[];
    const length = 2 + (Math.floor(person / paths.length) % (path.length - 1));
    return path.slice(0, length).map((itemId, step) => ({
      userId: `person-${person}`,
      itemId,
      type: step === 0 ? 'viewed' : 'used',
      timestamp: Date.UTC(2026, 10, 1) + person * 3_600_000 + step * 60_000,
    }));
  },
).flat();
