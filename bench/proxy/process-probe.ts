// Preloaded (`--import`) into the proxy and the pipe of part (o), child processes started with an
// IPC channel: answers each `'probe'` message with what the process went through since the last
// one — its garbage-collection pauses and its event-loop delay — and starts counting again. The
// bench probes before and after each (d) round, so that a first-token tail can be set beside the
// pauses of the process that relayed it. It costs the process one observer and one histogram.
import { PerformanceObserver, constants, monitorEventLoopDelay } from 'node:perf_hooks';
import type { ProcessProbe } from './process-probe-figures.js';

const minor = { count: 0, totalMs: 0, maxMs: 0 };
const major = { count: 0, totalMs: 0, maxMs: 0 };
const add = (pauses: typeof minor, durationMs: number) => {
  pauses.count++;
  pauses.totalMs += durationMs;
  pauses.maxMs = Math.max(pauses.maxMs, durationMs);
};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
    // Scavenges pause the thread; a major collection's pause is its final, atomic part.
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) add(minor, entry.duration);
    else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) add(major, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

// A timer every 10 ms on this loop; the histogram holds the time between two of its runs, so the
// loop's delay is that less the 10 ms.
const resolutionMs = 10;
const delay = monitorEventLoopDelay({ resolution: resolutionMs });
delay.enable();
const lateBy = (nanoseconds: number) => round2(Math.max(0, nanoseconds / 1e6 - resolutionMs));

const round2 = (value: number) => Math.round(value * 100) / 100;
const pausesOf = (pauses: typeof minor) => ({
  count: pauses.count,
  totalMs: round2(pauses.totalMs),
  maxMs: round2(pauses.maxMs),
});

process.on('message', (message) => {
  if (message !== 'probe') return;
  const probe: ProcessProbe = {
    minorGc: pausesOf(minor),
    majorGc: pausesOf(major),
    loopDelayMs: {
      p50: lateBy(delay.percentile(50)),
      p99: lateBy(delay.percentile(99)),
      max: lateBy(delay.max),
    },
  };
  process.send?.(probe);
  for (const pauses of [minor, major]) Object.assign(pauses, { count: 0, totalMs: 0, maxMs: 0 });
  delay.reset();
});
// The channel must not keep a process alive that would otherwise exit.
process.channel?.unref();
