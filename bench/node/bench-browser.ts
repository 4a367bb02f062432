import { type Browser, type BrowserContext, chromium } from '@playwright/test';
import type { BenchPageName } from '../vite-config.js';

const chromiumArguments = [
  '--no-sandbox',
  '--headless=new',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches the system Chromium headless (Playwright never downloads a browser here), with
 * `extraArguments` after the usual ones (bench (k) adds a Blink feature for its memory figure).
 */
export function launchChromium(extraArguments: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArguments, ...extraArguments],
  });
}

/** Rejects after `milliseconds`, naming what took too long, so no step can hang the bench. */
export function withTimeout<T>(work: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took longer than ${milliseconds / 1000} s`)),
      milliseconds,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens a bench page in a new tab of `context`, calls `window.bench[name](options)` and closes
 * the tab. Page errors are printed, so a failing page explains itself. `expose` puts Node
 * functions on the page's `window` (Playwright's `exposeFunction`) before it loads.
 */
export async function callBenchPage<T>(
  context: BrowserContext,
  baseUrl: string,
  pageName: BenchPageName,
  call: {
    name: string;
    options?: unknown;
    timeoutMs?: number;
    expose?: Record<string, () => unknown>;
  },
): Promise<T> {
  const page = await context.newPage();
  for (const [name, callback] of Object.entries(call.expose ?? {})) {
    await page.exposeFunction(name, callback);
  }
  page.on('pageerror', (error) => console.error(`[${pageName}] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${pageName}] ${message.text()}`);
  });
  try {
    await page.goto(new URL(`${pageName}.html`, baseUrl).href);
    await page.waitForFunction(() => window.bench !== undefined, undefined, { timeout: 30_000 });
    return await withTimeout(
      page.evaluate(
        ({ name, options }) => (window.bench?.[name] as (options: unknown) => Promise<T>)(options),
        { name: call.name, options: call.options },
      ) as Promise<T>,
      call.timeoutMs ?? 120_000,
      `${pageName}.${call.name}`,
    );
  } finally {
    await page.close();
  }
}
