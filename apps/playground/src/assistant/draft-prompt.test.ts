import { redactPII } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { supportTickets } from '../inbox/support-tickets.js';
import { draftPrompt } from './draft-prompt.js';

const ticket = { body: 'The export fails.', customer: 'Hannah Koch' };

describe('draftPrompt', () => {
  it('signs the message with the customer and starts the reply for the model to continue', () => {
    expect(draftPrompt(ticket)).toBe(
      'The export fails.\nBest regards,\nHannah Koch\n\nReply:\nDear Hannah Koch,',
    );
  });

  it('adds a free-form request, trimmed, and leaves out a blank one', () => {
    expect(draftPrompt(ticket, '  Offer a call. ')).toBe(
      'The export fails.\nBest regards,\nHannah Koch\n\nRequest: Offer a call.\n\nReply:\nDear Hannah Koch,',
    );
    expect(draftPrompt(ticket, ' ')).toBe(draftPrompt(ticket));
  });

  it("leaves no customer's name once redacted, for every ticket of the inbox", async () => {
    for (const supportTicket of supportTickets) {
      const { text } = await redactPII(draftPrompt(supportTicket));
      for (const part of supportTicket.customer.split(' '))
        expect(text, supportTicket.id).not.toContain(part);
      expect(text, supportTicket.id).toMatch(/Dear \[PERSON_\d+\],$/);
    }
  });

  it('masks the colleague and the email address of the ticket written for the assistant', async () => {
    const withData = supportTickets.find((candidate) => candidate.id === 't04');
    const { text, counts } = await redactPII(draftPrompt(withData!));
    expect(text).not.toMatch(/Dana|Whitfield|Marcus|quayside\.example/);
    expect(text).toContain('[EMAIL_1]');
    expect(counts).toMatchObject({ EMAIL: 1, PERSON: 3 });
  });
});
