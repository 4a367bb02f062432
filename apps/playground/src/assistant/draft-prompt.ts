import type { SupportTicket } from '../inbox/support-tickets.js';

/**
 * The prompt of a draft for the larger model, before redaction: the ticket's message signed by
 * the customer, an optional request, and the start of a reply for the model to continue. The
 * subject and company stay on the device; the names are in a greeting and a sign-off, where
 * `redactPII` finds them.
 *
 * @example
 * draftPrompt(ticket) // '…emailed.\nBest regards,\nMarcus Lee\n\nReply:\nDear Marcus Lee,'
 * draftPrompt(ticket, 'Keep it short.') // '…\n\nRequest: Keep it short.\n\nReply:\n…'
 */
export function draftPrompt(
  ticket: Pick<SupportTicket, 'body' | 'customer'>,
  request?: string,
): string {
  const parts = [`${ticket.body}\nBest regards,\n${ticket.customer}`];
  if (request !== undefined && request.trim() !== '') parts.push(`Request: ${request.trim()}`);
  parts.push(`Reply:\nDear ${ticket.customer},`);
  return parts.join('\n\n');
}
