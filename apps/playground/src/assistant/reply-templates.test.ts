import { describe, expect, it } from 'vitest';
import { supportIntents } from '../inbox/support-intents.js';
import { firstName, templateReply } from './reply-templates.js';

describe('templateReply', () => {
  it('has a reply for every intent of the inbox, greeting the customer by first name', () => {
    for (const { id } of supportIntents) {
      const reply = templateReply(id, { customer: 'Tomás Ortega' });
      expect(reply, id).toMatch(/^Hi Tomás, /);
      expect(reply, id).not.toContain('Ortega');
    }
  });

  it('has none for an unsure prediction (no label) or an intent it does not know', () => {
    expect(templateReply(null, { customer: 'Priya Raman' })).toBeNull();
    expect(templateReply('shipping', { customer: 'Priya Raman' })).toBeNull();
  });

  it('takes the first word of a name, ignoring surrounding spaces', () => {
    expect(firstName('  Oluwaseun Adeyemi ')).toBe('Oluwaseun');
    expect(firstName('Cher')).toBe('Cher');
  });
});
