import { describe, expect, it } from 'vitest';
import { meanRankingMetrics, rankingMetrics } from './retrieval-metrics.js';

describe('rankingMetrics (MRR@k and precision@k of one ranking)', () => {
  it('takes the reciprocal rank of the first relevant hit and the share of relevant hits in k', () => {
    expect(rankingMetrics([true, false, true], 10)).toEqual({ reciprocalRank: 1, precision: 0.2 });
    expect(rankingMetrics([false, false, true, true], 10)).toEqual({
      reciprocalRank: 1 / 3,
      precision: 0.2,
    });
  });

  it('scores 0 when nothing relevant is within k, and ignores hits past k', () => {
    expect(rankingMetrics([false, false, true], 2)).toEqual({ reciprocalRank: 0, precision: 0 });
    expect(rankingMetrics([], 10)).toEqual({ reciprocalRank: 0, precision: 0 });
    expect(rankingMetrics(Array<boolean>(12).fill(true), 10).precision).toBe(1);
  });

  it('divides by k even when fewer hits came back', () => {
    expect(rankingMetrics([true, true], 10).precision).toBe(0.2);
  });
});

describe('meanRankingMetrics', () => {
  it('averages over the queries', () => {
    const { mrr, precision } = meanRankingMetrics([[true], [false, true], [false]], 10);
    expect(mrr).toBeCloseTo(0.5, 10);
    expect(precision).toBeCloseTo(2 / 30, 10);
  });

  it('is 0 for no queries', () => {
    expect(meanRankingMetrics([], 10)).toEqual({ mrr: 0, precision: 0 });
  });
});
