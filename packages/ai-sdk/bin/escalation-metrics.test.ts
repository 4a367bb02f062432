import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import {
  type ScoredRow,
  escalationFigures,
  meetsGoal,
  reportedThresholds,
  thresholdFigures,
} from './escalation-metrics.js';

// Ten rows: five right, five wrong, at confidences chosen around the thresholds.
const rows: ScoredRow[] = [
  { gold: 'a', predicted: 'a', confidence: 0.95 },
  { gold: 'a', predicted: 'a', confidence: 0.9 },
  { gold: 'b', predicted: 'b', confidence: 0.75 },
  { gold: 'b', predicted: 'a', confidence: 0.72 },
  { gold: 'c', predicted: 'c', confidence: 0.7 }, // exactly the default threshold: kept
  { gold: 'c', predicted: 'b', confidence: 0.69 },
  { gold: 'a', predicted: 'c', confidence: 0.55 },
  { gold: 'b', predicted: 'b', confidence: 0.45 },
  { gold: 'c', predicted: 'a', confidence: 0.3 },
  { gold: 'a', predicted: 'b', confidence: 0.1 },
];

describe('thresholdFigures (the policy decides each row)', () => {
  it("keeps rows at or over the policy's default threshold (0.7), and scores them", () => {
    expect(thresholdFigures(rows)).toEqual({
      threshold: 0.7,
      kept: 5,
      deviceShare: 0.5,
      escalated: 5,
      escalatedShare: 0.5,
      deviceAccuracy: 4 / 5,
      // 4 kept right + 5 escalated counted right, of 10.
      oracleAccuracy: 0.9,
    });
  });

  it('moves with the threshold; a threshold over every confidence keeps nothing', () => {
    expect(thresholdFigures(rows, { threshold: 0.5 })).toMatchObject({
      kept: 7,
      deviceAccuracy: 4 / 7,
      oracleAccuracy: (4 + 3) / 10,
    });
    expect(thresholdFigures(rows, { threshold: 0 })).toMatchObject({
      kept: 10,
      deviceAccuracy: 0.5,
      escalatedShare: 0,
      oracleAccuracy: 0.5,
    });
    expect(thresholdFigures(rows, { threshold: 0.99 })).toMatchObject({
      kept: 0,
      deviceShare: 0,
      deviceAccuracy: null,
      oracleAccuracy: 1,
    });
    expect(thresholdFigures([])).toMatchObject({ kept: 0, deviceShare: 0, oracleAccuracy: 0 });
  });

  it('rejects a confidence or a threshold outside 0–1 (the policy checks them)', () => {
    expect(() => thresholdFigures([{ gold: 'a', predicted: 'a', confidence: 1.2 }])).toThrow(
      InvalidInputError,
    );
    expect(() => thresholdFigures(rows, { threshold: 7 })).toThrow(/threshold must be a number/);
  });
});

describe('escalationFigures and the goal', () => {
  it('reports 0.3 to 0.9, the default and the classifier alone', () => {
    const { atDefault, byThreshold, deviceOnlyAccuracy } = escalationFigures(rows);
    expect(byThreshold.map((figures) => figures.threshold)).toEqual([
      0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
    ]);
    expect(reportedThresholds).toHaveLength(7);
    expect(byThreshold[4]).toEqual(atDefault);
    expect(byThreshold.map((figures) => figures.kept)).toEqual([9, 8, 7, 6, 5, 2, 2]);
    expect(deviceOnlyAccuracy).toBe(0.5);
  });

  it('needs both ≥ 90 % device accuracy and ≥ 40 % kept', () => {
    expect(meetsGoal({ deviceAccuracy: 0.9, deviceShare: 0.4 })).toBe(true);
    expect(meetsGoal({ deviceAccuracy: 0.8999, deviceShare: 0.9 })).toBe(false);
    expect(meetsGoal({ deviceAccuracy: 1, deviceShare: 0.3999 })).toBe(false);
    expect(meetsGoal({ deviceAccuracy: null, deviceShare: 0 })).toBe(false);
  });
});
