import { sigmoid, softmax } from '../../util/vector-math.js';
import { zeroShotCalibration } from './zero-shot-calibration.js';

/**
 * Single-label scores: a distribution over the labels.
 *
 * @example singleLabelScores([0.42, 0.18]) // [≈0.99, ≈0.01]
 */
export function singleLabelScores(similarities: readonly number[]): number[] {
  return softmax(similarities.map((value) => value / zeroShotCalibration.temperature));
}

/**
 * Multi-label scores: each label's own probability of applying.
 *
 * @example multiLabelScores([0.42, 0.18]) // [≈0.9, ≈0.1]
 */
export function multiLabelScores(similarities: readonly number[]): number[] {
  return similarities.map((value) =>
    sigmoid(zeroShotCalibration.slope * (value - zeroShotCalibration.midpoint)),
  );
}
