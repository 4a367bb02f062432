import type { Browser } from '@playwright/test';
import type { FirstEmbeddingResult } from '../pages/bench-results.js';
import { withTimeout } from './bench-browser.js';

/** (d): time to first embedding, cold and after reloads. */
export interface FirstEmbedding {
  /** Fresh browser context: empty Cache API, HTTP cache and localStorage. */
  cold: FirstEmbeddingResult;
  /**
   * The same context after each reload, once the first visit had measured the backends: model
   * files from the Cache API, backend remembered.
   */
  warm: FirstEmbeddingResult[];
  /** Fresh contexts on an emulated network ({@link throttledNetwork}), one page each. */
  throttled: {
    /** `createClient()`: the default (8-bit) model. */
    defaultModel: FirstEmbeddingResult;
    /** `createClient({ defaultModel: 'use-lite-float32' })`. */
    float32: FirstEmbeddingResult;
    /** The raw package loading its float32 files the usual way, on the main thread. */
    raw: FirstEmbeddingResult;
  };
}

/** Chromium network emulation of (d)'s cold runs: 10 Mbit/s down and up, 40 ms round trip. */
export const throttledNetwork = {
  offline: false,
  latency: 40,
  downloadThroughput: 10_000_000 / 8,
  uploadThroughput: 10_000_000 / 8,
};

/**
 * Opens one page in a fresh context on the throttled network and reads its first embedding.
 * DevTools network emulation applies to the page's dedicated workers too (checked: the cold
 * figures are never below the download's own time, bytes ÷ 1.25 MB/s).
 */
export async function measureThrottledCold(
  browser: Browser,
  url: string,
  log: (line: string) => void,
  label: string,
): Promise<FirstEmbeddingResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[${label}] ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', throttledNetwork);
    await page.goto(url);
    await page.waitForFunction(() => window.bench !== undefined, undefined, { timeout: 120_000 });
    const result = await withTimeout(
      page.evaluate(() => (window.bench?.result as () => Promise<FirstEmbeddingResult>)()),
      180_000,
      `throttled first embedding (${label})`,
    );
    log(`  cold at 10 Mbit/s, ${label}: ${result.milliseconds} ms (${result.decidedBy})`);
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Opens the first-embedding page in a new browser context, then reloads it `reloads` times.
 */
export async function measureFirstEmbedding(
  browser: Browser,
  baseUrl: string,
  reloads: number,
  log: (line: string) => void,
): Promise<FirstEmbedding> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[first-embedding] ${error.message}`));
    const read = async () => {
      await page.waitForFunction(() => window.bench !== undefined, undefined, { timeout: 60_000 });
      return withTimeout(
        page.evaluate(() => (window.bench?.result as () => Promise<FirstEmbeddingResult>)()),
        60_000,
        'first embedding',
      );
    };
    await page.goto(new URL('first-embedding.html', baseUrl).href);
    const cold = await read();
    log(`  cold: ${cold.milliseconds} ms (${cold.decidedBy})`);
    // A returning visitor: the first visit lasted until the backends were measured.
    await withTimeout(
      page.evaluate(() => (window.bench?.measured as () => Promise<string>)()),
      60_000,
      'backend measurement after the first embedding',
    );
    const warm: FirstEmbeddingResult[] = [];
    for (let reload = 0; reload < reloads; reload += 1) {
      await page.reload();
      warm.push(await read());
      log(`  warm: ${warm.at(-1)?.milliseconds} ms (${warm.at(-1)?.decidedBy})`);
    }
    const at = (path: string) => new URL(path, baseUrl).href;
    const throttled = {
      defaultModel: await measureThrottledCold(browser, at('first-embedding.html'), log, 'default'),
      float32: await measureThrottledCold(
        browser,
        at('first-embedding.html?model=use-lite-float32'),
        log,
        'float32',
      ),
      raw: await measureThrottledCold(browser, at('raw-first-embedding.html'), log, 'raw package'),
    };
    return { cold, warm, throttled };
  } finally {
    await context.close();
  }
}
