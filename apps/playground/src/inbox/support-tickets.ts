/** A message in the sample support inbox. */
export interface SupportTicket {
  id: string;
  customer: string;
  company: string;
  subject: string;
  /** The message: what is classified, analysed and explained. */
  body: string;
}

/**
 * Twelve support tickets of a fictional B2B SaaS product (a reporting and data-sync tool),
 * written for this playground: billing, login, bugs, feature requests, praise and churn risk,
 * some of them mixed or ambiguous on purpose, and one (t04) with a colleague's name and email
 * address, for the support assistant's redaction.
 *
 * @example
 * supportTickets.map((ticket) => ticket.body)
 */
export const supportTickets: readonly SupportTicket[] = [
  {
    id: 't01',
    customer: 'Priya Raman',
    company: 'Northwind Logistics',
    subject: 'Charged twice in March',
    body: 'Our card was charged twice for the March invoice. Can you refund the duplicate payment and confirm by email?',
  },
  {
    id: 't02',
    customer: 'Tomás Ortega',
    company: 'Brightlane',
    subject: 'Locked out after password reset',
    body: "I reset my password this morning and now I can't sign in at all. The login page just says my account is locked.",
  },
  {
    id: 't03',
    customer: 'Hannah Koch',
    company: 'Ferrovia Analytics',
    subject: 'CSV export returns a 500 error',
    body: 'Every CSV export from the reports page fails with a 500 error since yesterday. Smaller reports used to work fine.',
  },
  {
    id: 't04',
    customer: 'Marcus Lee',
    company: 'Quayside Retail',
    subject: 'Scheduled reports by Slack?',
    body: 'It would be great if scheduled reports could be posted to a Slack channel instead of only being emailed. Our ops lead, Dana Whitfield, can test it: dana.whitfield@quayside.example.',
  },
  {
    id: 't05',
    customer: 'Aisha Bello',
    company: 'Kettle & Co',
    subject: 'Thank you, Sam!',
    body: 'Sam from your support team walked us through the SSO setup in ten minutes. Fantastic service, thank you!',
  },
  {
    id: 't06',
    customer: 'Jonas Eriksen',
    company: 'Polar Freight',
    subject: 'Considering other options',
    body: 'The sync has failed three times this month. If this keeps happening we will not renew our contract in June.',
  },
  {
    id: 't07',
    customer: 'Lucía Fernández',
    company: 'Alba Health',
    subject: 'VAT number on invoices',
    body: 'Please add our VAT number to future invoices and send a corrected copy of the last one for our accountants.',
  },
  {
    id: 't08',
    customer: 'Daniel Wu',
    company: 'Hexagon Labs',
    subject: 'Two-factor codes never arrive',
    body: 'The two-factor codes never arrive by SMS, so half of my team cannot log in this week.',
  },
  {
    id: 't09',
    customer: 'Chloé Martin',
    company: 'Atelier Nord',
    subject: 'Dashboard charts are blank',
    body: 'Since the latest update the dashboard charts stay blank in Safari. Chrome works, but our designers use Safari.',
  },
  {
    id: 't10',
    customer: 'Oluwaseun Adeyemi',
    company: 'Greenfield Energy',
    subject: 'Custom fields in the API',
    body: 'Do you plan to support custom fields in the public API? We need them to automate our onboarding.',
  },
  {
    id: 't11',
    customer: 'Emma Schulz',
    company: 'Lindqvist Legal',
    subject: 'Cancelling at the end of the term',
    body: 'We have decided to cancel our subscription at the end of this billing period and move to another tool.',
  },
  {
    id: 't12',
    customer: 'Ravi Patel',
    company: 'Summit Outdoor',
    subject: 'Love the new report builder',
    body: 'The new report builder is a huge improvement, our managers build their own dashboards now. Great work!',
  },
];
