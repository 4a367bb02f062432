import type { Browser } from '@playwright/test';
import type { FirstEmbeddingResult } from '../pages/bench-results.js';
import { withTimeout } from './bench-browser.js';

/** (d): time to first embedding, cold and after reloads. */
export interface FirstEmbedding {
  /** Fresh browser context: empty Cache API, HTTP cache and localStorage. */
  cold: FirstEmbeddingResult;
  /** The same context after each reload: model files from the Cache API, backend remembered. */
  warm: FirstEmbeddingResult[];
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
    const warm: FirstEmbeddingResult[] = [];
    for (let reload = 0; reload < reloads; reload += 1) {
      await page.reload();
      warm.push(await read());
      log(`  warm: ${warm.at(-1)?.milliseconds} ms (${warm.at(-1)?.decidedBy})`);
    }
    return { cold, warm };
  } finally {
    await context.close();
  }
}
