import { expect, test } from '@playwright/test';
import { urls } from './ports';

const inbox = `${urls.playground}/#/inbox`;

test.describe('playground support inbox', () => {
  // Each test runs in a fresh browser context: empty IndexedDB, so the classifier starts untaught.
  test('tickets get sentiment and intent tags on device; correcting one teaches the classifier', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(inbox);
    await expect(page.getByTestId('inbox-page')).toBeVisible();
    const tickets = page.getByTestId('inbox-ticket');
    await expect(tickets).toHaveCount(12);
    await expect(page.locator('[data-ondevice-sentiment-badge][data-state="ready"]')).toHaveCount(
      12,
    );
    await expect(page.locator('[data-ondevice-smart-tags][data-state="ready"]')).toHaveCount(12);
    const sources = page.locator('[data-part="source"]');
    await expect(sources.first()).toHaveAttribute('data-source', 'zero-shot');

    const ticket = page.locator('[data-testid="inbox-ticket"][data-ticket-id="t07"]');
    const chip = ticket.locator('[data-part="tag"]').first();
    const suggested = await chip.getAttribute('data-label');
    const target = suggested === 'churn-risk' ? 'billing' : 'churn-risk';
    // Keyboard, as a person without a mouse would: ArrowDown opens the list of other labels.
    await ticket.getByRole('button', { name: `Change ${suggested?.replace('-', ' ')}` }).focus();
    await page.keyboard.press('ArrowDown');
    await ticket
      .getByRole('listbox', { name: `Change ${suggested?.replace('-', ' ')} to` })
      .getByRole('option', { name: target.replace('-', ' ') })
      .click();
    await expect(ticket.locator(`[data-part="tag"][data-label="${target}"]`)).toHaveAttribute(
      'data-state',
      'accepted',
    );
    await expect(ticket.locator('[data-part="announcement"]')).toContainText('learned');
    await expect(sources.first()).toHaveAttribute('data-source', 'taught');
    await expect(page.getByTestId('classifier-status')).toContainText('Taught 1 example');

    // The taught example survives a reload (IndexedDB).
    await page.reload();
    await expect(page.getByTestId('classifier-status')).toContainText('Taught 1 example');
    expect(errors).toEqual([]);
  });

  test('explanations appear on hover and on keyboard focus', async ({ page }) => {
    await page.goto(inbox);
    const third = page.locator('[data-testid="inbox-ticket"][data-ticket-id="t03"]');
    await third.hover();
    await expect(third.getByTestId('ticket-explanation')).toHaveAttribute('data-state', 'ready');
    await expect(third.locator('mark[data-part="attribution"]').first()).toBeVisible();
    const sixth = page.locator('[data-testid="inbox-ticket"][data-ticket-id="t06"]');
    await sixth.focus();
    await expect(sixth.getByTestId('ticket-explanation')).toHaveAttribute('data-state', 'ready');
  });
});
