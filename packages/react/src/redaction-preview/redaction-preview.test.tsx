import '@testing-library/jest-dom/vitest';
import { type Redaction, redactPII } from '@ondevice/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedactionPreview } from './redaction-preview.js';

afterEach(cleanup);

const ticket = `Hello support team,

Since Monday nobody in our finance team at Brightwater Logistics can download invoices. Priya Raman (priya.raman@brightwater-logistics.example, +44 20 7946 0958) gets a 403 every time, from our office IP 203.0.113.42.

Refunds should go to IBAN GB82 WEST 1234 5698 7654 32. Please copy Tomasz Kowalczyk on replies (tomasz.k@brightwater-logistics.example).`;

const clean =
  'The nightly CSV export has failed since the 2.14 release; the job log shows a timeout after 30 minutes.';

let masked: Redaction;
let allowed: Redaction;
let nothing: Redaction;
beforeAll(async () => {
  masked = await redactPII(ticket);
  allowed = await redactPII(ticket, { PERSON: 'allow', IP_ADDRESS: 'allow' });
  nothing = await redactPII(clean);
});

function parts() {
  const region = screen.getByRole('region', { name: 'Text that will be sent' });
  return {
    region,
    root: region.closest('[data-ondevice-redaction-preview]') as HTMLElement,
    marks: Array.from(region.querySelectorAll('mark')),
    counts: screen.queryByRole('list', { name: 'Personal data found, by type' }),
  };
}

/** The region's text as it leaves the device: without the marks' screen-reader labels. */
function outgoingText(region: HTMLElement): string {
  const copy = region.cloneNode(true) as HTMLElement;
  for (const label of copy.querySelectorAll('[data-part="mark-label"]')) label.remove();
  return copy.textContent ?? '';
}

describe('<RedactionPreview> (real redactPII)', () => {
  it('shows the exact outgoing text in a focusable, labelled region, each placeholder marked and labelled', () => {
    const ref = createRef<HTMLDivElement>();
    expect(masked.text).toContain('[EMAIL_2]');
    render(
      <RedactionPreview ref={ref} className="mine" text={masked.text} entities={masked.entities} />,
    );
    const { region, root, marks } = parts();
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute('data-state', 'masked');
    expect(root).toHaveClass('mine');
    expect(root.querySelector('[style]')).toBeNull(); // unstyled
    expect(region).toHaveAttribute('tabindex', '0');
    expect(outgoingText(region)).toBe(masked.text);
    expect(marks.map((mark) => mark.firstChild?.textContent)).toEqual(
      masked.entities.map((entity) => entity.placeholder),
    );
    const email = marks.find((mark) => mark.dataset.piiType === 'EMAIL') as HTMLElement;
    expect(email).toHaveAttribute('data-part', 'masked');
    expect(email).toHaveAttribute('title', 'email address, masked');
    expect(email).toHaveTextContent(/^\[EMAIL_1\] \(email address, masked\)$/);
    const iban = marks.find((mark) => mark.dataset.piiType === 'IBAN') as HTMLElement;
    expect(iban).toHaveTextContent('[IBAN_1] (bank account number (IBAN), masked)');
    // None of the original values is shown.
    for (const value of ['priya.raman@', '7946 0958', 'GB82', '203.0.113.42', 'Tomasz']) {
      expect(region).not.toHaveTextContent(value);
    }
  });

  it('sums up and lists the counts per type, and describes the region with the summary', () => {
    render(<RedactionPreview text={masked.text} entities={masked.entities} />);
    const { region, counts } = parts();
    const total = masked.entities.length;
    expect(region).toHaveAccessibleDescription(`${total} items masked before sending.`);
    const items = within(counts as HTMLElement)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      '2 email addresses masked',
      '1 phone number masked',
      '1 bank account number (IBAN) masked',
      '1 IP address masked',
      `${masked.counts.PERSON} people's names masked`,
    ]);
  });

  it('marks and counts the values a policy allowed as not masked', () => {
    render(<RedactionPreview text={allowed.text} entities={allowed.entities} />);
    const { region, marks, counts } = parts();
    expect(outgoingText(region)).toBe(allowed.text);
    const ip = marks.find((mark) => mark.dataset.piiType === 'IP_ADDRESS') as HTMLElement;
    expect(ip).toHaveAttribute('data-part', 'unmasked');
    expect(ip).toHaveTextContent(/^203\.0\.113\.42 \(IP address, not masked\)$/);
    expect(region).toHaveAccessibleDescription(
      '4 items masked before sending. 1 item is sent as it is (allowed by the policy).',
    );
    expect(within(counts as HTMLElement).getByText('1 IP address not masked')).toHaveAttribute(
      'data-action',
      'allow',
    );
    // PERSON: 'allow' is not even looked for, so no names are listed.
    expect(counts).not.toHaveTextContent(/name/);
  });

  it('says clearly when nothing was masked', () => {
    render(<RedactionPreview text={nothing.text} entities={nothing.entities} />);
    const { region, root, marks, counts } = parts();
    expect(root).toHaveAttribute('data-state', 'unmasked');
    expect(outgoingText(region)).toBe(clean);
    expect(marks).toEqual([]);
    expect(counts).toBeNull();
    expect(
      screen.getByText(
        'Nothing was masked: no personal data was found. The text is sent as it is.',
      ),
    ).toBeVisible();
    expect(region).toHaveAccessibleDescription(/^Nothing was masked/);
  });

  it('says nothing was masked when every value found was allowed', () => {
    render(
      <RedactionPreview
        text="From 203.0.113.42 and 198.51.100.7"
        entities={[
          { type: 'IP_ADDRESS', start: 5, end: 17 },
          { type: 'IP_ADDRESS', start: 22, end: 34 },
        ]}
      />,
    );
    expect(parts().root).toHaveAttribute('data-state', 'unmasked');
    expect(parts().region).toHaveAccessibleDescription(
      'Nothing was masked. 2 items are sent as they are (allowed by the policy).',
    );
    expect(screen.getByRole('listitem')).toHaveTextContent('2 IP addresses not masked');
  });

  it('confirms and cancels from the keyboard: region, then the buttons, with their labels', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <RedactionPreview
        text={masked.text}
        entities={masked.entities}
        label="Sent to Fernhill support"
        onConfirm={onConfirm}
        onCancel={onCancel}
        confirmLabel="Send to support"
        cancelLabel="Edit the ticket"
      />,
    );
    const region = screen.getByRole('region', { name: 'Sent to Fernhill support' });
    await userEvent.tab();
    expect(region).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Send to support' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Edit the ticket' })).toHaveFocus();
    await userEvent.keyboard(' ');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('shows only the buttons it has handlers for, with the default labels', () => {
    const { rerender } = render(<RedactionPreview text="Hi" entities={[]} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<RedactionPreview text="Hi" entities={[]} onConfirm={() => {}} />);
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Send']);
    rerender(<RedactionPreview text="Hi" entities={[]} onCancel={() => {}} />);
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Cancel']);
  });

  it('names types the app’s way', () => {
    render(
      <RedactionPreview
        text="Customer [CUSTOMER_ID_1] wrote"
        entities={[{ type: 'CUSTOMER_ID', start: 9, end: 17, placeholder: '[CUSTOMER_ID_1]' }]}
        formatType={(type, count) =>
          type === 'CUSTOMER_ID' ? `customer ID${count === 1 ? '' : 's'}` : type
        }
      />,
    );
    expect(parts().marks[0]).toHaveAttribute('title', 'customer ID, masked');
    expect(screen.getByRole('listitem')).toHaveTextContent('1 customer ID masked');
  });
});
