/**
 * A help centre's articles, for the tests of the search hooks and widgets: a title, a body and
 * a category (the facet) each.
 *
 * @example
 * await index.add(helpArticles)
 */
export const helpArticles = [
  {
    id: 'refunds',
    title: 'Refund a payment',
    body: 'Give a customer their money back for an invoice they paid by card. Partial refunds are allowed.',
    category: 'billing',
  },
  {
    id: 'invoice-pdf',
    title: 'Download invoices as PDF',
    body: 'Every invoice can be exported as a PDF from the billing page.',
    category: 'billing',
  },
  {
    id: 'sso',
    title: 'Set up single sign-on',
    body: 'Connect your identity provider with SAML so your team signs in with company accounts.',
    category: 'security',
  },
  {
    id: 'two-factor',
    title: 'Turn on two-factor authentication',
    body: 'Require a one-time code from an authenticator app at every sign-in.',
    category: 'security',
  },
  {
    id: 'password',
    title: 'Reset a forgotten password',
    body: 'Use the link on the sign-in page; we email a reset link that works for one hour.',
    category: 'account',
  },
  {
    id: 'export-csv',
    title: 'Export reports to CSV',
    body: 'Any report table can be downloaded as a CSV file for spreadsheets.',
    category: 'reports',
  },
];

/**
 * One of {@link helpArticles}.
 *
 * @example
 * const index = client.searchIndex<HelpArticle>({ id: 'help', fields: ['title', 'body'] })
 */
export type HelpArticle = (typeof helpArticles)[number];
