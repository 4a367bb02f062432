// Help centre and template catalogue of Ledgerly, a fictional B2B SaaS product (invoicing,
// billing, CRM-lite, reports, team admin, integrations): demo data of the playground's search and
// recommendation pages. All of its text was written for the ondevice project and is licensed
// under Apache-2.0, like the rest of the repository. Ledgerly and the companies, people, addresses
// and figures in it are made up; the third-party products named are integration targets only.
import { featureItems } from './catalog-features.js';
import { helpItems } from './catalog-help.js';
import { templateItems } from './catalog-templates.js';

/**
 * One entry of the Ledgerly catalogue: a help article, a document or email template, or a
 * product feature.
 *
 * @example
 * const item: CatalogItem = {
 *   id: 'create-your-first-invoice',
 *   kind: 'help',
 *   title: 'Create your first invoice',
 *   body: 'Click New › Invoice, pick a customer and add line items…',
 *   category: 'invoices',
 *   tags: ['invoice', 'getting-started'],
 * };
 */
export interface CatalogItem {
  /** Unique, kebab-case. */
  id: string;
  /** Help article, template (document, email, report) or product feature. */
  kind: 'help' | 'template' | 'feature';
  title: string;
  /** Help: 2–5 sentences of concrete steps, or a long article. Template, feature: 1–3 sentences. */
  body: string;
  /** One of {@link catalogCategories}. */
  category: string;
  /** 1–4 tags from {@link catalogTags}. */
  tags: string[];
}

/**
 * The catalogue's categories, in the order a page lists them.
 *
 * @example
 * catalogCategories.map((category) => ({ id: category, label: category }))
 */
export const catalogCategories: readonly string[] = [
  'billing',
  'invoices',
  'payments',
  'reports',
  'team',
  'security',
  'integrations',
  'customers',
];

/**
 * The shared tag vocabulary: every item's tags come from it.
 *
 * @example
 * catalogTags.filter((tag) => tag.includes('pay'))
 */
export const catalogTags: readonly string[] = [
  'getting-started',
  'setup',
  'invoice',
  'recurring',
  'subscription',
  'refunds',
  'tax',
  'currency',
  'payment-methods',
  'reminders',
  'late-fees',
  'pdf',
  'branding',
  'email',
  'export',
  'import',
  'csv',
  'dashboard',
  'analytics',
  'permissions',
  'sso',
  '2fa',
  'audit',
  'privacy',
  'api',
  'webhooks',
  'sync',
  'automation',
  'accounting',
  'contacts',
  'collaboration',
  'troubleshooting',
  'mobile',
];

/**
 * The whole Ledgerly catalogue (about 300 items): help articles first, then templates, then
 * features.
 *
 * @example
 * const byId = new Map(catalogItems.map((item) => [item.id, item]));
 * byId.get('refund-a-payment')?.title; // 'Refund a payment'
 */
export const catalogItems: readonly CatalogItem[] = [
  ...helpItems,
  ...templateItems,
  ...featureItems,
];

export { demoSessions } from './demo-sessions.js';
