import { expect, test } from '@playwright/test';
import { urls } from './ports';

const catalog = `${urls.playground}/#/catalog`;

test.describe('playground help centre (search and recommendations)', () => {
  test('hybrid search with suggestions and facets; each click updates the recommendations at once, with reasons', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(catalog);
    await expect(page.getByTestId('catalog-page')).toBeVisible();
    await expect(page.getByTestId('catalog-setup')).toHaveText(/^Ready: \d+ interactions learnt/, {
      timeout: 120_000,
    });

    const search = page.locator('[data-ondevice-search-box]');
    const input = search.getByRole('combobox', { name: 'Search help and templates' });
    // Suggestions: the ARIA combobox pattern, keyboard first.
    await input.fill('invo');
    const suggestions = search.getByRole('listbox');
    await expect(suggestions.getByRole('option').first()).toBeVisible();
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    await input.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-activedescendant', /.+/);
    await input.press('Escape');
    await expect(input).toHaveAttribute('aria-expanded', 'false');

    // Meaning: no article says "money back", the refund ones come first anyway.
    await input.fill('get my money back');
    await expect(search).toHaveAttribute('data-state', 'ready');
    const hits = search.locator('[data-part="hit"]');
    await expect(hits.first()).toContainText(/refund/i);
    await expect(search.getByRole('status')).toHaveText(/\d+ results?/);
    // The suggestions lie over the page until dismissed.
    await input.press('Escape');

    // A facet narrows the results to one kind.
    await search.getByRole('checkbox', { name: /^template/ }).check();
    await expect(search).toHaveAttribute('data-state', 'ready');
    const ids = await hits.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-hit-id')),
    );
    expect(ids.length).toBeGreaterThan(0);
    await search.getByRole('checkbox', { name: /^template/ }).uncheck();

    // Opening a result: "recommended for you" follows at once, each item with a reason.
    const recommendations = page.getByTestId('recommendations');
    // Unchecking the facet searches again: a click can land on a list being replaced, so it is
    // retried until an item opens (CI, loaded, once clicked a hit that was then re-rendered).
    await expect(async () => {
      await hits.first().getByRole('button').click();
      await expect(page.getByTestId('opened-item')).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    const openedTitle = await page.getByTestId('opened-item').locator('h4').textContent();
    await expect(recommendations).toHaveAttribute('data-state', 'ready');
    const reasons = recommendations.locator('[data-part="reason"]');
    await expect(reasons.first()).toHaveText(/Because you viewed|Similar to/);
    const firstItem = recommendations.locator('[data-part="item"]').first();
    const describedBy = await firstItem
      .locator('[data-part="item-button"]')
      .getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const itemIds = () =>
      recommendations
        .locator('[data-part="item"]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-item-id')));
    const before = await itemIds();
    expect(before.length).toBeGreaterThan(0);

    // A click on a recommendation opens it and the list moves on (no refit).
    await firstItem.getByRole('button').click();
    await expect(page.getByTestId('opened-item').locator('h4')).not.toHaveText(openedTitle ?? '');
    await expect.poll(itemIds).not.toEqual(before);

    // Keyword, semantic and hybrid side by side.
    await page.getByTestId('compare-toggle').check();
    for (const mode of ['keyword', 'semantic', 'hybrid']) {
      await expect(page.getByTestId(`compare-${mode}`).locator('li').first()).toBeVisible();
    }
    expect(errors).toEqual([]);
  });
});
