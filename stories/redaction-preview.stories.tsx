import { type Redaction, type RedactionPolicy, redactPII } from '@ondevice/core';
import { RedactionPreview, type RedactionPreviewProps } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';

// Support tickets of Brightwater Logistics (a customer) to Fernhill, the imaginary invoicing and
// project app of the stories. Names, emails, numbers and keys are made up: phone numbers from
// Ofcom's drama ranges, test card numbers, the IBAN examples, documentation IP addresses.

const supportTicket = `Hello support team,

Since Monday nobody in our finance team at Brightwater Logistics can download invoices from the billing portal. Priya Raman (priya.raman@brightwater-logistics.example, +44 20 7946 0958) gets a 403 every time; the requests come from our office IP 203.0.113.42.

The last payment went through on card 4111 1111 1111 1111, and the March refund should go to IBAN GB82 WEST 1234 5698 7654 32. Please copy Tomasz Kowalczyk on replies (tomasz.kowalczyk@brightwater-logistics.example).

In case you need to check the logs, our integration key is sk_live_51HxR2bT9vQe8mZpL0aKf3wYc.

Thanks,
Priya`;

const cleanTicket = `The nightly CSV export of project hours has failed since the 2.14 release. The job log shows "timeout after 30 minutes" for workspaces with more than 50,000 time entries; smaller workspaces export fine. Could you raise the limit or let us export one month at a time?`;

const longThread = `Subject: Duplicate charges on the Brightwater Logistics account (ticket 48213)

From: Priya Raman <priya.raman@brightwater-logistics.example>
To: Fernhill billing

Hello,

Our March invoice INV-2024-0311 lists the Timesheets add-on twice, once for the Operations workspace and once for Finance. Finance has never used Timesheets: the add-on was switched on by mistake during onboarding in January, when Marcus Okafor set up the workspaces for us. Could you credit the Finance line for January, February and March, and switch the add-on off?

The card on file is 5555 5555 5555 4444; please refund to it rather than issue a credit note, as our auditors prefer it that way. If you need to call, I am on +44 20 7946 0321 until 5 pm.

---

From: Fernhill billing
To: Priya Raman <priya.raman@brightwater-logistics.example>

Hello Priya,

Thanks for the details. I can see the add-on on both workspaces since 14 January. Refunds to a card need the last payment's reference, and your account shows the card was replaced in February. Could you confirm which card should receive the refund, or give us a bank account instead?

Best regards,
Elena Sorensen, Fernhill billing

---

From: Priya Raman <priya.raman@brightwater-logistics.example>
To: Fernhill billing
Cc: Tomasz Kowalczyk <tomasz.kowalczyk@brightwater-logistics.example>

Hi Elena,

Good point: the card was replaced. Please refund to our bank account instead, IBAN GB33 BUKB 2020 1555 5555 55 (Brightwater Logistics Ltd). Tomasz runs our accounts payable and will check that the amount arrives; he can be reached at +44 161 496 0753.

For your records, the export from our SSO logs shows the add-on was switched on from 198.51.100.23 on 12 January, which is our onboarding partner's office, not ours.

Kind regards,
Priya Raman
Finance lead, Brightwater Logistics`;

type RedactedTicketProps = Omit<RedactionPreviewProps, 'text' | 'entities'> & {
  /** The ticket as the customer wrote it: redacted on the device by the real `redactPII()`. */
  ticket: string;
  /** What `redactPII()` does per type; a type left out is masked. */
  policy?: RedactionPolicy;
};

/** The preview of `ticket` after the real `redactPII()`, as an app would show it before sending. */
function RedactedTicket({ ticket, policy, ...props }: RedactedTicketProps) {
  const policyKey = JSON.stringify(policy ?? {});
  const [done, setDone] = useState<{ key: string; redaction?: Redaction; failure?: string }>();
  const key = `${policyKey}\u0000${ticket}`;
  useEffect(() => {
    let current = true;
    redactPII(ticket, JSON.parse(policyKey) as RedactionPolicy).then(
      (redaction) => current && setDone({ key, redaction }),
      (error: Error) => current && setDone({ key, failure: error.message }),
    );
    return () => {
      current = false;
    };
  }, [ticket, policyKey, key]);
  if (done?.key !== key) return <p>Looking for personal data on the device…</p>;
  if (!done.redaction) return <p role="alert">Could not redact the ticket: {done.failure}</p>;
  return (
    <RedactionPreview text={done.redaction.text} entities={done.redaction.entities} {...props} />
  );
}

/** The preview with working buttons: what was sent, or that it was cancelled, shows below. */
function ConfirmBeforeSending(props: RedactedTicketProps) {
  const [outcome, setOutcome] = useState('');
  return (
    <div style={{ display: 'grid', gap: '1rem' }}>
      <RedactedTicket
        {...props}
        onConfirm={() => setOutcome('Sent to Fernhill support, with the placeholders above.')}
        onCancel={() => setOutcome('Cancelled: nothing left the device.')}
      />
      <p role="status" style={{ margin: 0 }}>
        {outcome}
      </p>
    </div>
  );
}

const meta = {
  title: 'Widgets/RedactionPreview',
  component: RedactedTicket,
  args: { ticket: supportTicket },
} satisfies Meta<typeof RedactedTicket>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A ticket with emails, a phone number, a card, an IBAN, an IP address, a key and names, all masked. */
export const SeveralTypes: Story = { name: 'Several types masked' };

/** A policy that allows names and IP addresses: they are marked as sent as they are. */
export const SomeAllowed: Story = {
  name: 'Some types allowed',
  args: { policy: { PERSON: 'allow', IP_ADDRESS: 'allow' } },
};

/** A ticket without personal data: nothing was masked, and the preview says so. */
export const NothingMasked: Story = { name: 'Nothing masked', args: { ticket: cleanTicket } };

/** A long e-mail thread: the text scrolls in its focusable region; repeated values share a placeholder. */
export const LongText: Story = { name: 'Long text', args: { ticket: longThread } };

/** With Send and Cancel, as a confirmation step before a ticket goes to a cloud model. */
export const Confirm: Story = {
  name: 'Confirm before sending',
  args: { confirmLabel: 'Send to support', cancelLabel: 'Edit the ticket' },
  render: (args) => <ConfirmBeforeSending {...args} />,
};

/** Every state on one page. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div style={{ display: 'grid', gap: '2rem' }}>
      <RedactedTicket {...args} label="Several types masked" />
      <RedactedTicket
        {...args}
        label="Some types allowed"
        policy={{ PERSON: 'allow', IP_ADDRESS: 'allow' }}
      />
      <RedactedTicket {...args} label="Nothing masked" ticket={cleanTicket} />
      <RedactedTicket {...args} label="Long text" ticket={longThread} />
      <ConfirmBeforeSending {...args} label="Confirm before sending" />
    </div>
  ),
};
