/**
 * GC pauses of one kind over a round: how many, their sum and the longest (ms).
 *
 * @example
 * const pauses: GcPauses = { count: 54, totalMs: 556, maxMs: 19.4 }
 */
export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

/**
 * What bench/proxy/process-probe.ts reports of a process over a round: its young-generation
 * (scavenge) and major (mark-compact) collections, and its event-loop delay (ms: how late a
 * timer due every 10 ms ran).
 *
 * @example
 * const probe: ProcessProbe = { minorGc: { count: 54, totalMs: 556, maxMs: 19.4 }, majorGc: { count: 2, totalMs: 25, maxMs: 13 }, loopDelayMs: { p50: 10.2, p99: 31, max: 48 } }
 */
export interface ProcessProbe {
  minorGc: GcPauses;
  majorGc: GcPauses;
  loopDelayMs: { p50: number; p99: number; max: number };
}
