import { readFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';

/**
 * Resident memory of the browser's renderer processes, summed (the page, its workers, their
 * wasm memories and threads all live in its renderer): the process ids from the DevTools
 * protocol (`SystemInfo.getProcessInfo`), `VmRSS` from `/proc/<pid>/status`. Null where
 * `/proc` cannot be read (not Linux).
 *
 * @example
 * const bytes = await rendererResidentBytes(browser)
 */
export async function rendererResidentBytes(browser: Browser): Promise<number | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo' as never)) as {
      processInfo: { type: string; id: number }[];
    };
    let total = 0;
    for (const process of processInfo.filter((entry) => entry.type === 'renderer')) {
      const status = await readFile(`/proc/${process.id}/status`, 'utf8').catch(() => '');
      const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
      if (kilobytes === undefined) return null;
      total += Number(kilobytes) * 1024;
    }
    return total;
  } finally {
    await session.detach();
  }
}
