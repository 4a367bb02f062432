import type { BrowserContext } from '@playwright/test';
import { createClient } from '@ondevice/core';
import { warmUpSentences } from '../workload/bench-sentences.js';
import {
  type ReliabilityResult,
  measureEventLoopBlock,
  measureReliability,
} from '../workload/reliability-workload.js';
import { callBenchPage } from './bench-browser.js';

/** (h) in Chromium (worker) and in Node (in-thread, the app's own event loop). */
export async function measureReliabilityLines(
  context: BrowserContext,
  baseUrl: string,
  log: (line: string) => void,
): Promise<{ browser: ReliabilityResult; node: ReliabilityResult }> {
  const browser = await callBenchPage<ReliabilityResult>(context, baseUrl, 'reliability', {
    name: 'run',
    timeoutMs: 180_000,
  });
  log(
    `  browser: abort → new work ${browser.abortToNewWorkMs.join(', ')} ms (alone ${browser.newWorkAloneMs} ms); 1 MB text ${browser.megabyte.milliseconds} ms`,
  );
  const client = createClient({ backend: 'wasm' });
  try {
    const embedder = client.embedder({ cacheSize: 0 });
    await embedder.embed([...warmUpSentences]);
    const node: ReliabilityResult = {
      ...(await measureReliability(embedder)),
      eventLoop: await measureEventLoopBlock(embedder),
    };
    log(
      `  node: abort → new work ${node.abortToNewWorkMs.join(', ')} ms (alone ${node.newWorkAloneMs} ms); 1 MB text ${node.megabyte.milliseconds} ms; longest event-loop block ${node.eventLoop?.longestBlockMs} ms in a ${node.eventLoop?.jobMs} ms job`,
    );
    return { browser, node };
  } finally {
    client.dispose();
  }
}
