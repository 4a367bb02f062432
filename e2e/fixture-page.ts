import { expect, type Page } from '@playwright/test';
import { urls } from './ports';

/** The fixture page (e2e/fixtures), which exposes @ondevice/core as `window.ondevice`. */
export const fixture = `${urls.fixture}/`;

/** Opens the fixture page and waits until the library is on `window`. */
export async function openFixture(page: Page): Promise<void> {
  await page.goto(fixture);
  await expect(page.locator('#status')).toHaveText('ready');
}
