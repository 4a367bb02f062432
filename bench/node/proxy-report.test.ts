import { describe, expect, it } from 'vitest';
import type { ProcessProbe } from '../proxy/process-probe-figures.js';
import type { HeldRun } from './measure-proxy.js';
import { byRoundText, heldTargetFigures, mergeProbes } from './proxy-report.js';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

const probe = (scavenges: number, longest: number, delayP99: number): ProcessProbe => ({
  minorGc: { count: scavenges, totalMs: scavenges * 2, maxMs: longest },
  majorGc: { count: 1, totalMs: 5, maxMs: 5 },
  loopDelayMs: { p50: 0.2, p99: delayP99, max: delayP99 * 2 },
});

const run = (firstTokenMs: number[], chunkDelayMs: number[], extra: Partial<HeldRun> = {}) =>
  ({
    firstTokenMs,
    chunkDelayMs,
    totalMs: [],
    peakOpen: 1_000,
    completed: firstTokenMs.length,
    errors: {},
    wallMs: 20_000,
    proxyCpuMs: Number.NaN,
    ...extra,
  }) satisfies HeldRun;

describe('(o) (d) figures over rounds', () => {
  const direct = [run(range(1, 100).fill(1), [0.5]), run(range(1, 100).fill(1), [0.5])];
  const proxy = [
    run(range(1, 100), range(1, 100), {
      proxyCpuMs: 10_000,
      peakOpen: 998,
      errors: { ECONNRESET: 1 },
      probe: probe(50, 12, 4),
    }),
    run(range(101, 200), range(1, 100), {
      proxyCpuMs: 14_000,
      errors: { ECONNRESET: 2, 'HTTP 503': 1 },
      probe: probe(70, 30, 9),
    }),
  ];

  it('pools every stream of every round, and shows each round against direct of that round', () => {
    const figures = heldTargetFigures('proxy', proxy, direct);
    expect(figures.rounds).toBe(2);
    // Nearest rank over the 200 pooled first tokens: the 198th.
    expect(figures.firstTokenMs.p99).toBe(198);
    expect(figures.addedFirstTokenMs?.p99).toBe(197);
    expect(figures.addedChunkDelayMs?.p99).toBe(98.5);
    expect(figures.addedP99ByRound).toEqual([
      { firstTokenMs: 98, chunkDelayMs: 98.5 },
      { firstTokenMs: 198, chunkDelayMs: 98.5 },
    ]);
    expect(byRoundText(figures)).toBe('98.0, 198.0; 98.5, 98.5');
    expect(figures.peakOpen).toBe(998);
    expect(figures.errors).toEqual({ ECONNRESET: 3, 'HTTP 503': 1 });
    expect(figures.errorCount).toBe(4);
    // 24 s of CPU over 2 rounds of 1,000 streams.
    expect(figures.proxyCpuMsPerStream).toBe(12);
    expect(figures.relay).toEqual({
      minorGc: { count: 120, totalMs: 240, maxMs: 30 },
      majorGc: { count: 2, totalMs: 10, maxMs: 5 },
      loopDelayMs: { p50: 0.2, p99: 9, max: 18 },
    });
  });

  it('gives direct its own percentiles and nothing added', () => {
    const figures = heldTargetFigures('direct', direct, direct);
    expect(figures.firstTokenMs).toEqual({ p50: 1, p99: 1 });
    expect(figures.addedFirstTokenMs).toBeUndefined();
    expect(figures.addedP99ByRound).toBeUndefined();
    expect(figures.relay).toBeUndefined();
    expect(byRoundText(figures)).toBe('');
  });

  it('merges no probes into none', () => {
    expect(mergeProbes([])).toBeUndefined();
  });
});
