/**
 * The Chromium every browser test launches: Debian's (installed by .ci/run when missing, or
 * `CHROMIUM_PATH`), headless, with nothing of its own on the network. Playwright never
 * downloads a browser.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
