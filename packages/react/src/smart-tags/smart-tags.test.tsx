import '@testing-library/jest-dom/vitest';
import { ClassifierStorageError, type OnDeviceClient, createClient } from '@ondevice/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { SmartTags } from './smart-tags.js';

afterEach(cleanup);

const client = createClient({ backend: 'wasm' });
const withClient = (children: ReactNode, owner: OnDeviceClient = client) => (
  <OnDeviceProvider client={owner}>{children}</OnDeviceProvider>
);
const labels = [
  { id: 'billing', descriptions: ['invoice, payment, charge or refund'] },
  { id: 'login', descriptions: ['cannot sign in, password reset, two-factor code'] },
  { id: 'bug', descriptions: ['something is broken or shows an error'] },
];
const billingText = 'We were charged twice for the March invoice, please refund us.';

async function readyTags(name: string) {
  const toolbar = screen.getByRole('toolbar', { name });
  const root = toolbar.closest('[data-ondevice-smart-tags]') as HTMLElement;
  await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'), { timeout: 60_000 });
  await waitFor(() =>
    expect(within(toolbar).getAllByRole('button', { pressed: false }).length).toBeGreaterThan(0),
  );
  return { root, toolbar };
}

describe('<SmartTags> (real model)', () => {
  it('suggests the best label as a toggle chip in a toolbar with one tab stop', async () => {
    const ref = createRef<HTMLDivElement>();
    render(
      withClient(<SmartTags ref={ref} text={billingText} classifierId="tags-a" labels={labels} />),
    );
    const { root, toolbar } = await readyTags('Tags');
    expect(ref.current).toBe(root);
    const chip = root.querySelector('[data-part="tag"]') as HTMLElement;
    expect(chip).toHaveAttribute('data-label', 'billing');
    expect(chip).toHaveAttribute('data-state', 'suggested');
    const accept = within(chip).getByRole('button', { name: /^billing, \d{1,3} %/ });
    expect(accept).toHaveAttribute('aria-pressed', 'false');
    expect(within(chip).getByRole('button', { name: 'Change billing' })).toHaveAttribute(
      'aria-haspopup',
      'listbox',
    );
    expect(within(chip).getByRole('button', { name: 'Reject billing' })).toBeVisible();
    expect(toolbar).toHaveAccessibleDescription(/this teaches the classifier/);
    expect(toolbar.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(root.querySelector('[data-part="source"]')).toHaveTextContent(
      'Suggested from label descriptions',
    );
  });

  it('is operated with the keyboard: arrows move, the listbox corrects, focus follows', async () => {
    const user = userEvent.setup();
    render(
      withClient(
        <>
          <button type="button">before</button>
          <SmartTags text={billingText} classifierId="tags-keyboard" labels={labels} />
        </>,
      ),
    );
    const { root, toolbar } = await readyTags('Tags');
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    const accept = within(toolbar).getByRole('button', { name: /^billing/ });
    expect(accept).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const change = within(toolbar).getByRole('button', { name: 'Change billing' });
    expect(change).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(toolbar).getByRole('button', { name: 'Choose tag' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(accept).toHaveFocus();

    // Open the correction listbox, close it with Escape: focus returns to its button.
    await user.keyboard('{ArrowRight}{Enter}');
    let listbox = screen.getByRole('listbox', { name: 'Change billing to' });
    expect(listbox).toHaveFocus();
    expect(change).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(change).toHaveFocus();

    // Correct billing to bug: ArrowDown opens, "b" jumps to bug, Enter teaches it.
    await user.keyboard('{ArrowDown}');
    listbox = screen.getByRole('listbox', { name: 'Change billing to' });
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['login', 'bug']);
    await user.keyboard('b');
    expect(within(listbox).getByRole('option', { name: 'bug' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(listbox).toHaveAttribute(
      'aria-activedescendant',
      within(listbox).getByRole('option', { name: 'bug' }).id,
    );
    await user.keyboard('{Enter}');
    const announcement = within(root).getByRole('status');
    await waitFor(() =>
      expect(announcement).toHaveTextContent(
        'Changed “billing” to “bug”; the classifier learned from this example.',
      ),
    );
    const bug = root.querySelector('[data-part="tag"][data-label="bug"]') as HTMLElement;
    expect(bug).toHaveAttribute('data-state', 'accepted');
    const bugAccept = within(bug).getByRole('button', { name: /^bug/ });
    expect(bugAccept).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(bugAccept).toHaveFocus());
    expect(root.querySelector('[data-label="billing"]')).toBeNull(); // rejected by the correction
    expect(client.teachable({ id: 'tags-keyboard' }).getSnapshot().examples).toMatchObject([
      { text: billingText, label: 'bug' },
    ]);

    // Pressing the accepted chip again forgets the example.
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(announcement).toHaveTextContent(
        'Removed the tag “bug”; the classifier forgot this example.',
      ),
    );
    expect(client.teachable({ id: 'tags-keyboard' }).getSnapshot().examples).toEqual([]);
  });

  it('teaching through one text updates the suggestions of another', async () => {
    const user = userEvent.setup();
    render(
      withClient(
        <>
          <SmartTags
            text="Our invoice shows the wrong plan."
            classifierId="tags-shared"
            labels={labels}
            label="First"
          />
          <SmartTags
            text="The invoice lists a plan we never bought."
            classifierId="tags-shared"
            labels={labels}
            label="Second"
          />
        </>,
      ),
    );
    const first = await readyTags('First');
    const second = await readyTags('Second');
    const secondSource = second.root.querySelector('[data-part="source"]') as HTMLElement;
    expect(secondSource).toHaveAttribute('data-source', 'zero-shot');

    // Teach the first text as "login" (deliberately not what zero-shot says).
    await user.click(within(first.toolbar).getByRole('button', { name: 'Choose tag' }));
    await user.click(
      within(screen.getByRole('listbox', { name: 'Tag as' })).getByRole('option', {
        name: 'login',
      }),
    );
    await waitFor(() => expect(secondSource).toHaveAttribute('data-source', 'taught'));
    expect(secondSource).toHaveTextContent('Learned from 1 example');
    // With one taught example, login is all the classifier knows: the similar text follows it.
    await waitFor(() =>
      expect(second.root.querySelector('[data-part="tag"]')).toHaveAttribute('data-label', 'login'),
    );
  });

  it('rejects a suggestion and offers the next one', async () => {
    const user = userEvent.setup();
    render(withClient(<SmartTags text={billingText} classifierId="tags-reject" labels={labels} />));
    const { root, toolbar } = await readyTags('Tags');
    await user.click(within(toolbar).getByRole('button', { name: 'Reject billing' }));
    expect(root.querySelector('[data-label="billing"]')).toBeNull();
    expect(within(root).getByRole('status')).toHaveTextContent('Rejected “billing”.');
    expect(root.querySelectorAll('[data-part="tag"]').length).toBeGreaterThan(0);
    expect(client.teachable({ id: 'tags-reject' }).getSnapshot().examples).toEqual([]);
  });

  it('offers nothing to teach for blank text, and loads nothing', async () => {
    const fresh = createClient({ backend: 'wasm' });
    const { container } = render(
      withClient(<SmartTags text="  " classifierId="tags-idle" labels={labels} />, fresh),
    );
    expect(container.firstElementChild).toHaveAttribute('data-state', 'idle');
    expect(screen.queryByRole('toolbar')).toBeNull();
    expect(screen.getByText('Tags appear once there is text.')).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fresh.model().getSnapshot().status).toBe('idle');
  });

  it('shows a controlled prediction and loading state, and an alert when offline', async () => {
    const { rerender } = render(
      // One id, one set of options: the classifier's labels are given from the first render.
      withClient(
        <SmartTags
          text={billingText}
          classifierId="tags-controlled"
          labels={labels}
          status="loading"
        />,
      ),
    );
    expect(screen.getByText('Suggesting tags…')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Choose tag' })).toBeVisible();
    rerender(
      withClient(
        <SmartTags
          text={billingText}
          classifierId="tags-controlled"
          labels={labels}
          prediction={{
            labels: [
              { id: 'bug', score: 0.4 },
              { id: 'billing', score: 0.35 },
              { id: 'login', score: 0.25 },
            ],
            label: null,
            confidence: 0.4,
            unsure: true,
            source: 'zero-shot',
          }}
        />,
      ),
    );
    expect(screen.getByRole('button', { name: 'bug, 40 %, unsure' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'billing, 35 %, unsure' })).toBeVisible();

    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      // Offline at once: no retries of the refused connection.
      network: { retries: 0 },
    });
    const { container } = render(
      withClient(
        <SmartTags text={billingText} classifierId="tags-offline" labels={labels} />,
        offline,
      ),
    );
    const root = container.firstElementChild as HTMLElement;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'offline'), { timeout: 30_000 });
    expect(within(root).getByRole('alert')).toHaveTextContent('model is unavailable offline');
  });

  it('says when the saved corrections cannot be used, with the way to recover', () => {
    const error = new ClassifierStorageError({
      classifierId: 'tags-stored',
      reason: 'newer-version',
      message: 'The stored classifier "tags-stored" was written by a newer version of ondevice.',
    });
    const { container } = render(
      withClient(
        <SmartTags
          text={billingText}
          classifierId="tags-stored"
          labels={labels}
          status="error"
          error={error}
        />,
        createClient({ backend: 'wasm' }),
      ),
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveAttribute('data-state', 'error');
    expect(within(root).getByRole('alert')).toHaveTextContent(
      'The saved corrections could not be used: The stored classifier "tags-stored" was written by a newer version',
    );
  });
});
