import type { BrowserContext } from '@playwright/test';
import type { TypingRecord, TypingSetup } from '../pages/bench-results.js';
import { typingScript } from '../workload/typing-script.js';
import { withTimeout } from './bench-browser.js';
import { type TypingLatency, typingLatency } from './typing-latency.js';

/** (f): what was typed into, and how fast the badge followed. */
export interface TypingMeasurement {
  setup: TypingSetup;
  latency: TypingLatency;
  record: TypingRecord;
  /** Wall time of the typing session (s). */
  seconds: number;
}

const sleep = (milliseconds: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));

type BenchCall = <T>(name: string) => Promise<T>;

/**
 * Types the typing script into the sentiment widget with Playwright's keyboard, one key at a
 * time at the script's gaps (measured from the start of each key press, so the cadence holds
 * whatever a key press costs), and reads back what the page recorded.
 */
export async function measureTyping(
  context: BrowserContext,
  baseUrl: string,
  log: (line: string) => void,
): Promise<TypingMeasurement> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[sentiment-typing] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[sentiment-typing] ${message.text()}`);
  });
  try {
    await page.goto(new URL('sentiment-typing.html', baseUrl).href);
    await page.waitForFunction(() => window.bench !== undefined, undefined, { timeout: 30_000 });
    const call: BenchCall = (name) =>
      withTimeout(
        page.evaluate((name) => (window.bench?.[name] as () => Promise<never>)(), name),
        60_000,
        `sentiment-typing.${name}`,
      );
    const setup = await call<TypingSetup>('prepare');
    log(`  ${setup.widget}, debounce ${setup.debounceMs} ms, ${setup.backend}`);
    const script = typingScript();
    await call('start');
    const started = performance.now();
    for (const { key, gapAfterMs } of script) {
      const pressed = performance.now();
      await page.keyboard.type(key);
      await sleep(gapAfterMs - (performance.now() - pressed));
    }
    const seconds = (performance.now() - started) / 1000;
    const record = await call<TypingRecord>('stop');
    const latency = typingLatency(record, script, setup.debounceMs);
    log(
      `  ${latency.keys} keys, badge caught up after ${latency.caughtUp} of ${latency.pauses} pauses: p50 ${latency.withDebounce.p50} ms, p95 ${latency.withDebounce.p95} ms with the debounce; long tasks ${record.longTasks.count}`,
    );
    return { setup, latency, record, seconds };
  } finally {
    await page.close();
  }
}
