// Synthetic browsing sessions over the Ledgerly catalogue (see catalog-items.ts), generated for
// the demo. Written for the ondevice project; Apache-2.0, like the rest of the repository.
import type { CatalogItem } from './catalog-items.js';
import { featureItems } from './catalog-features.js';
import { helpItems } from './catalog-help.js';
import { templateItems } from './catalog-templates.js';

/**
 * Typical paths through the catalogue, each in the order a visitor would read it: a task such as
 * "send my first invoice" or "roll out SSO", from the first question to the next steps.
 */
const journeys: readonly (readonly string[])[] = [
  // Invoices
  [
    'create-your-first-invoice',
    'add-logo-to-invoices',
    'template-invoice-classic',
    'invoice-numbering',
    'payment-terms',
    'template-invoice-email',
    'feature-online-invoices',
    'accept-card-payments',
  ],
  [
    'add-logo-to-invoices',
    'feature-invoice-designer',
    'template-invoice-modern',
    'template-invoice-compact',
    'invoice-footer-notes',
    'custom-fields-on-invoices',
    'invoice-language',
    'feature-invoice-translations',
  ],
  [
    'quotes-to-invoices',
    'template-quote',
    'feature-quotes-and-estimates',
    'deposit-invoices',
    'template-quote-follow-up',
    'template-pro-forma-invoice',
    'deals-pipeline',
  ],
  [
    'edit-a-sent-invoice',
    'credit-notes',
    'template-credit-note',
    'void-an-invoice',
    'invoice-not-received',
    'lock-a-period-at-month-end',
  ],
  [
    'invoice-time-and-expenses',
    'feature-time-and-expense-billing',
    'template-invoice-hourly',
    'invoice-attachments',
    'deposit-invoices',
    'bulk-send-invoices',
  ],
  [
    'vat-on-invoices',
    'eu-vat-reverse-charge-and-oss',
    'template-eu-vat-invoice',
    'multi-currency-invoices',
    'tax-on-subscriptions',
    'tax-summary-report',
    'template-tax-summary',
  ],
  [
    'bulk-send-invoices',
    'feature-batch-invoicing',
    'template-invoice-import-csv',
    'feature-repeating-invoices',
    'feature-multiple-entities',
    'feature-e-invoicing',
  ],
  // Payments
  [
    'online-payments-checklist',
    'accept-card-payments',
    'connect-stripe',
    'feature-card-payments',
    'bank-transfer-payments',
    'feature-bank-debits',
    'payout-schedule',
    'payment-receipts',
  ],
  [
    'payment-reminders',
    'template-friendly-reminder',
    'template-overdue-reminder',
    'late-fees',
    'template-final-notice',
    'feature-automatic-reminders',
    'ar-aging-report',
    'template-statement-of-account',
  ],
  [
    'refund-a-payment',
    'refunds-timing-fees-and-special-cases',
    'credit-notes',
    'template-refund-confirmation',
    'overpayments-and-credit',
    'respond-to-a-chargeback',
    'template-dispute-evidence',
  ],
  [
    'save-card-for-autopay',
    'feature-autopay',
    'template-autopay-request',
    'partial-payments',
    'payment-plans',
    'template-payment-plan-agreement',
    'card-declined',
  ],
  [
    'record-an-offline-payment',
    'reconcile-payments',
    'feature-bank-reconciliation',
    'feature-bank-feeds',
    'payments-in-another-currency',
    'write-off-bad-debt',
  ],
  [
    'ar-aging-report',
    'feature-collections-workspace',
    'customer-payment-history',
    'template-statement-of-account',
    'late-fees',
    'feature-late-fees',
    'write-off-bad-debt',
  ],
  // Billing
  [
    'create-a-plan',
    'set-up-recurring-billing',
    'free-trials',
    'template-trial-ending-email',
    'coupons-and-discounts',
    'feature-subscriptions',
    'template-subscription-welcome',
    'failed-renewal-retries',
    'template-card-declined',
  ],
  [
    'prorate-plan-changes',
    'seats-and-quantities',
    'template-plan-change-confirmation',
    'feature-self-serve-plan-changes',
    'pause-a-subscription',
    'template-pause-confirmation',
    'cancel-a-subscription',
    'template-cancellation-confirmation',
    'churn-report',
  ],
  [
    'usage-based-billing',
    'feature-metered-billing',
    'template-usage-statement',
    'api-getting-started',
    'idempotency-keys',
    'one-off-charge-on-renewal',
  ],
  [
    'failed-renewal-retries',
    'feature-smart-retries',
    'template-card-declined',
    'card-declined',
    'feature-billing-rules',
    'save-card-for-autopay',
  ],
  [
    'ledgerly-plan-limits',
    'change-your-ledgerly-plan',
    'annual-billing-for-your-workspace',
    'update-card-for-ledgerly',
    'download-ledgerly-receipts',
    'how-seats-are-billed',
  ],
  [
    'migrate-subscriptions-from-another-system',
    'create-a-plan',
    'import-stripe-customers',
    'billing-anchor-date',
    'template-autopay-request',
    'template-price-increase-notice',
    'template-renewal-notice',
  ],
  // Reports
  [
    'reports-overview',
    'customize-dashboard',
    'feature-live-dashboard',
    'revenue-report',
    'ar-aging-report',
    'export-report-csv',
    'schedule-report-emails',
    'template-monthly-revenue-report',
  ],
  [
    'mrr-report',
    'churn-report',
    'feature-subscription-analytics',
    'template-saas-metrics',
    'monthly-board-report-pack',
    'template-board-pack',
    'feature-report-packs',
  ],
  [
    'cash-flow-forecast',
    'feature-cash-forecasting',
    'template-cash-forecast',
    'days-sales-outstanding',
    'customer-payment-history',
    'template-weekly-collections',
  ],
  [
    'accountant-access',
    'tax-summary-report',
    'template-year-end-summary',
    'report-totals-differ',
    'lock-a-period-at-month-end',
    'template-month-end-close-checklist',
  ],
  [
    'saved-report-views',
    'feature-report-builder',
    'sales-by-item',
    'template-sales-by-region',
    'reports-in-several-currencies',
    'feature-multi-currency-reporting',
    'feature-warehouse-sync',
  ],
  // Team
  [
    'invite-team-members',
    'roles-explained',
    'custom-roles',
    'template-roles-matrix',
    'invoice-approvals',
    'feature-approval-workflows',
    'template-approval-request',
    'notification-settings',
  ],
  [
    'roles-and-approvals-for-growing-teams',
    'assign-customers',
    'revenue-by-team-member',
    'template-onboarding-checklist',
    'feature-roles-and-permissions',
    'template-billing-policy',
  ],
  [
    'deactivate-team-member',
    'template-offboarding-checklist',
    'template-account-handover',
    'audit-log',
    'active-sessions',
    'transfer-ownership',
  ],
  [
    'company-settings',
    'send-from-your-domain',
    'feature-custom-email-domain',
    'language-and-number-format',
    'ledgerly-mobile-app',
    'feature-mobile-app',
    'dashboard-on-your-phone',
  ],
  [
    'comments-and-mentions',
    'feature-comments',
    'follow-up-tasks',
    'feature-tasks',
    'team-activity-feed',
    'template-weekly-team-digest',
    'slack-notifications',
  ],
  // Security
  [
    'enable-2fa',
    'require-2fa',
    'security-keys-and-passkeys',
    'feature-two-factor-authentication',
    'lost-2fa-device',
    'bank-details-change-protection',
  ],
  [
    'saml-sso-setup',
    'roll-out-sso-safely',
    'okta-provisioning',
    'feature-single-sign-on',
    'feature-scim-provisioning',
    'template-sso-rollout-plan',
    'session-timeout',
    'ip-allowlist',
  ],
  [
    'reset-password',
    'account-locked',
    'lost-2fa-device',
    'active-sessions',
    'sign-in-alerts',
    'spot-fake-emails',
  ],
  [
    'personal-data-requests',
    'data-retention',
    'where-data-is-stored',
    'template-dpa',
    'compliance-documents',
    'template-security-questionnaire',
    'feature-privacy-toolkit',
  ],
  [
    'spot-fake-emails',
    'bank-details-change-protection',
    'feature-bank-detail-protection',
    'template-fake-invoice-warning',
    'template-bank-change-announcement',
    'template-incident-notice',
  ],
  // Integrations
  [
    'quickbooks-sync',
    'template-accounts-mapping',
    'quickbooks-sync-in-depth',
    'quickbooks-sync-errors',
    'feature-quickbooks-integration',
    'report-totals-differ',
    'accounting-export',
  ],
  [
    'api-getting-started',
    'api-keys',
    'sandbox-mode',
    'template-api-create-invoice',
    'idempotency-keys',
    'webhooks-setup',
    'template-webhook-handler',
    'webhook-troubleshooting',
    'api-rate-limits',
  ],
  [
    'zapier',
    'feature-zapier-connector',
    'template-zap-welcome-paying-customers',
    'zapier-google-sheets',
    'template-zap-overdue-task',
    'slack-notifications',
    'template-slack-cash-digest',
  ],
  [
    'google-drive-backup',
    'feature-google-drive-integration',
    'template-drive-folder-structure',
    'slack-commands',
    'feature-slack-app',
    'disconnect-integration',
  ],
  [
    'connect-stripe',
    'import-stripe-customers',
    'feature-stripe-integration',
    'accept-card-payments',
    'payout-schedule',
    'reconcile-payments',
  ],
  // Customers
  [
    'add-a-customer',
    'several-contacts-per-customer',
    'customer-defaults',
    'template-client-onboarding-form',
    'template-welcome-new-client',
    'customer-portal',
    'customer-portal-branding',
  ],
  [
    'clean-up-customer-list-before-import',
    'import-customers-csv',
    'merge-duplicate-customers',
    'customer-custom-fields',
    'company-details-lookup',
    'export-customers',
  ],
  [
    'deals-pipeline',
    'feature-deal-pipeline',
    'customer-notes-and-timeline',
    'email-logging',
    'feature-customer-timeline',
    'template-account-review-agenda',
    'template-renewal-proposal',
  ],
  [
    'customer-tags-and-segments',
    'feature-segments',
    'email-a-group-of-customers',
    'template-thanks-for-paying',
    'template-win-back-email',
    'top-customers-report',
  ],
  [
    'customer-portal',
    'feature-customer-portal',
    'portal-sign-in-problems',
    'customer-statement',
    'customer-credit-limit',
    'feature-credit-limits',
  ],
];

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Monday 6 January 2025, 08:00 UTC: the first visit of the demo month. */
const baseTime = Date.UTC(2025, 0, 6, 8, 0, 0);
const visitorCount = 150;
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * Synthetic browsing sessions over the Ledgerly catalogue, generated for the demo (no real
 * visitor's data): about 150 visitors each view 4–12 items, mostly along one or two related
 * journeys (such as "Create your first invoice", then "Add your logo to invoices", then "Invoice
 * template: classic"), with now and then a skipped step or a detour to another item of the same
 * category. Deterministic: the same seed always gives the same sessions, with timestamps spread
 * over four weeks from a fixed date (6 January 2025), so a recommender fitted on them gives
 * sensible "people who viewed X also viewed Y".
 *
 * @example
 * const views = demoSessions();
 * recommender.fit({ items: catalogItems, interactions: views });
 */
export function demoSessions(seed = 1): { userId: string; itemId: string; timestamp: number }[] {
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

  const items: readonly CatalogItem[] = [...helpItems, ...templateItems, ...featureItems];
  const categoryOf = new Map(items.map((item) => [item.id, item.category]));
  const idsByCategory = new Map<string, string[]>();
  for (const item of items) {
    const ids = idsByCategory.get(item.category) ?? [];
    ids.push(item.id);
    idsByCategory.set(item.category, ids);
  }
  /** The journeys whose first item is in a category. */
  const journeysByCategory = new Map<string, (readonly string[])[]>();
  for (const journey of journeys) {
    const category = categoryOf.get(journey[0] ?? '') ?? '';
    const list = journeysByCategory.get(category) ?? [];
    list.push(journey);
    journeysByCategory.set(category, list);
  }

  const sessions: { userId: string; itemId: string; timestamp: number }[] = [];
  for (let visitor = 1; visitor <= visitorCount; visitor += 1) {
    const userId = `visitor-${String(visitor).padStart(3, '0')}`;
    const length = 4 + Math.floor(random() * 9);
    const viewed: string[] = [];
    const seen = new Set<string>();
    const view = (id: string) => {
      if (seen.has(id) || viewed.length >= length) return;
      seen.add(id);
      viewed.push(id);
    };

    let journey = pick(journeys);
    // Most visitors start at the beginning of a task; some land in the middle from a search.
    let step = random() < 0.7 ? 0 : Math.floor(random() * Math.ceil(journey.length / 2));
    for (let guard = 0; viewed.length < length && guard < 60; guard += 1) {
      const id = journey[step];
      if (id === undefined) {
        // Task done: move on to a related one (same category as the last item read), or browse.
        const category = categoryOf.get(viewed.at(-1) ?? '') ?? '';
        const related = (journeysByCategory.get(category) ?? []).filter((next) => next !== journey);
        journey = related.length > 0 && random() < 0.75 ? pick(related) : pick(journeys);
        step = 0;
        continue;
      }
      step += 1;
      if (random() < 0.15) continue; // a skipped step
      view(id);
      if (random() < 0.12) {
        // A detour to another item of the same category.
        view(pick(idsByCategory.get(categoryOf.get(id) ?? '') ?? [id]));
      }
    }

    // Visits start on a weekday of the four demo weeks, during office hours, and each item is
    // read for half a minute to about six minutes.
    const week = Math.floor(random() * 4);
    const weekday = Math.floor(random() * 5);
    let timestamp =
      baseTime + (week * 7 + weekday) * day + Math.floor(random() * 9 * hour) + visitor * 1000;
    for (const itemId of viewed) {
      sessions.push({ userId, itemId, timestamp });
      timestamp += 30_000 + Math.floor(random() * 330_000);
    }
  }
  return sessions;
}
