import type { LongTaskSummary } from './bench-results.js';

/**
 * Records main-thread long tasks from now until `stop()` (PerformanceObserver 'longtask';
 * the browser reports every task over 50 ms).
 *
 * @example
 * const stop = recordLongTasks()
 * await job()
 * const { count, longestMs } = await stop()
 */
export function recordLongTasks(): () => Promise<LongTaskSummary> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return async () => {
    // Entries are delivered after the task ends; give the last one a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
    observer.disconnect();
    const long = durations.filter((duration) => duration > 50);
    return {
      count: long.length,
      longestMs: Math.round(Math.max(0, ...long)),
      totalMs: Math.round(long.reduce((sum, duration) => sum + duration, 0)),
    };
  };
}
