import type { LongTaskSummary } from './bench-results.js';

/**
 * Main-thread long tasks with their times, so each can be charged to the call that was running
 * when it started (calls of several kinds interleaved in one phase).
 *
 * @example
 * const timeline = recordLongTaskTimeline()
 * const started = performance.now()
 * await search()
 * timeline.charge('hybrid', started, performance.now())
 * const byKind = await timeline.stop() // { hybrid: { count, longestMs, totalMs } }
 */
export function recordLongTaskTimeline() {
  const entries: { startTime: number; duration: number }[] = [];
  const windows: { kind: string; start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) entries.push(entry);
  });
  observer.observe({ type: 'longtask' });
  return {
    /** Records that a call of `kind` ran from `start` to `end` (`performance.now()` times). */
    charge(kind: string, start: number, end: number) {
      windows.push({ kind, start, end });
    },
    /** Stops recording; long tasks > 50 ms by the kind of call they started in ('other' if none). */
    async stop(): Promise<Record<string, LongTaskSummary>> {
      // Entries are delivered after the task ends; give the last one a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 100));
      entries.push(...observer.takeRecords());
      observer.disconnect();
      const byKind: Record<string, LongTaskSummary> = {};
      for (const window of windows) byKind[window.kind] ??= { count: 0, longestMs: 0, totalMs: 0 };
      for (const { startTime, duration } of entries) {
        if (duration <= 50) continue;
        const kind =
          windows.find((window) => startTime >= window.start - 1 && startTime <= window.end)
            ?.kind ?? 'other';
        const summary = (byKind[kind] ??= { count: 0, longestMs: 0, totalMs: 0 });
        summary.count += 1;
        summary.longestMs = Math.max(summary.longestMs, Math.round(duration));
        summary.totalMs += Math.round(duration);
      }
      return byKind;
    },
  };
}

/**
 * Resolves in a new task (a message to ourselves, so no timer clamping): a timed call started
 * after it runs in a task of its own, as a call from a user's event would.
 *
 * @example
 * await nextTask()
 * const started = performance.now()
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
