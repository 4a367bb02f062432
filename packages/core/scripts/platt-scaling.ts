/**
 * Fits Platt scaling, `P(y = 1) = sigmoid(slope × logit + intercept)`, by Newton's method on the
 * log-likelihood of held-out logits and labels.
 *
 * @example const { slope, intercept } = fitPlatt([2.1, -0.3], [1, 0])
 */
export function fitPlatt(
  logits: readonly number[],
  labels: readonly (0 | 1)[],
): { slope: number; intercept: number } {
  let slope = 1;
  let intercept = 0;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    let gradientA = 0;
    let gradientB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    logits.forEach((logit, index) => {
      const p = 1 / (1 + Math.exp(-(slope * logit + intercept)));
      const error = p - (labels[index] as number);
      const w = p * (1 - p);
      gradientA += error * logit;
      gradientB += error;
      hAA += w * logit * logit;
      hAB += w * logit;
      hBB += w;
    });
    const determinant = hAA * hBB - hAB * hAB;
    const stepA = (hBB * gradientA - hAB * gradientB) / determinant;
    const stepB = (hAA * gradientB - hAB * gradientA) / determinant;
    slope -= stepA;
    intercept -= stepB;
    if (Math.abs(stepA) + Math.abs(stepB) < 1e-10) break;
  }
  return { slope, intercept };
}

/**
 * Expected calibration error with equal-width bins of the predicted label's probability.
 *
 * @example expectedCalibrationError([0.9, 0.2], [1, 0]) // ≈ 0.15
 */
export function expectedCalibrationError(
  probabilities: readonly number[],
  labels: readonly (0 | 1)[],
  bins = 10,
): number {
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  probabilities.forEach((p, index) => {
    const predicted = p >= 0.5 ? 1 : 0;
    const top = Math.max(p, 1 - p);
    const bin = Math.min(bins - 1, Math.floor((top - 0.5) * 2 * bins));
    count[bin]! += 1;
    confidence[bin]! += top;
    correct[bin]! += predicted === labels[index] ? 1 : 0;
  });
  let error = 0;
  for (let bin = 0; bin < bins; bin += 1) {
    if (count[bin] === 0) continue;
    error += Math.abs((confidence[bin] as number) - (correct[bin] as number));
  }
  return error / probabilities.length;
}
