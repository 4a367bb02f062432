import { chromium } from 'playwright-core';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless=new',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage();
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console:', m.type(), m.text());
});
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(process.argv[2]);
await page
  .waitForSelector('[data-part="cell"][data-row="0"][data-column="1"]:not(:empty)', {
    timeout: 60000,
  })
  .catch((e) => console.log('no heatmap', e.message));
console.log(
  await page.locator('[data-testid="chosen-backend"]').textContent(),
  '|',
  await page
    .locator('[data-ondevice-model-progress] [role=progressbar]')
    .first()
    .getAttribute('aria-valuetext'),
  '|',
  await page
    .locator('[data-testid="backend-candidates"]')
    .textContent()
    .catch(() => ''),
);
await browser.close();
