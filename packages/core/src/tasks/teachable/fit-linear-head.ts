/**
 * Fits the teachable classifier's head on the device, in plain typed-array code: ridge
 * regression onto one-hot targets (closed form, so it is fast, exact and deterministic) plus a
 * class-prototype term, both folded into one linear layer, then a softmax temperature chosen by
 * leave-one-out so confidences are calibrated. Texts are L2-normalised embeddings.
 *
 * Cost: with n examples of d dimensions, about n·d² (primal, n ≥ d) or n²·d (dual, n < d)
 * multiply-adds; about 0.1–0.4 s for 1,000 examples of 512 dimensions on a laptop core.
 */

/** Settings of {@link fitLinearHead}; the defaults were chosen on a BANKING77 tuning split. */
export interface FitOptions {
  /** Ridge penalty λ. @default 0.1 */
  ridge?: number;
  /** Weight of the cosine-to-class-prototype term added to the ridge scores. @default 0.6 */
  prototypeWeight?: number;
}

/** A fitted head: `logits = weights · x + bias`, already divided by the temperature. */
export interface FittedHead {
  /** Row-major `classCount × dimensions`. */
  weights: Float32Array;
  bias: Float32Array;
  /** The softmax temperature found by leave-one-out (already applied to weights and bias). */
  temperature: number;
}

/**
 * Fits a linear softmax head to unit-length vectors and class indices.
 *
 * @example
 * const head = fitLinearHead([a, b, c], [0, 0, 1], 2)
 */
export function fitLinearHead(
  vectors: readonly Float32Array[],
  targets: readonly number[],
  classCount: number,
  options: FitOptions = {},
): FittedHead {
  const ridge = options.ridge ?? 0.1;
  const prototypeWeight = options.prototypeWeight ?? 0.6;
  const n = vectors.length;
  const d = (vectors[0] as Float32Array).length;
  const mean = new Float64Array(d);
  for (const vector of vectors)
    for (let k = 0; k < d; k += 1) mean[k]! += (vector[k] as number) / n;
  const centered = vectors.map((vector) => {
    const row = new Float64Array(d);
    for (let k = 0; k < d; k += 1) row[k] = (vector[k] as number) - (mean[k] as number);
    return row;
  });
  const targetMean = new Float64Array(classCount);
  for (const target of targets) targetMean[target]! += 1 / n;

  // Leave-one-out scores only fit one temperature: past a few hundred examples, an even sample
  // of them is enough (and saves the primal solution an n·d² pass).
  const sample = leaveOneOutSample(n);
  const {
    weights: ridgeWeights,
    fitted,
    leverage,
  } = n < d
    ? fitDual(centered, targets, targetMean, classCount, ridge, sample)
    : fitPrimal(centered, targets, targetMean, classCount, ridge, sample);

  // Class sums, for the class prototypes.
  const sums = Array.from({ length: classCount }, () => new Float64Array(d));
  vectors.forEach((vector, index) => {
    const sum = sums[targets[index] as number] as Float64Array;
    for (let k = 0; k < d; k += 1) sum[k]! += vector[k] as number;
  });
  return finishFit({
    ridgeFit: { weights: ridgeWeights, fitted, leverage },
    sums,
    mean,
    targetMean,
    sampleVectors: sample.map((index) => vectors[index] as Float32Array),
    sampleTargets: sample.map((index) => targets[index] as number),
    prototypeWeight,
  });
}

/** What the from-scratch and the incremental fit share once the ridge part is solved. */
export interface FitParts {
  ridgeFit: RidgeFit;
  /** Sum of each class's (uncentred) unit vectors. */
  sums: Float64Array[];
  mean: Float64Array;
  targetMean: Float64Array;
  /** The examples whose leave-one-out scores choose the temperature, and their classes. */
  sampleVectors: readonly Float32Array[];
  sampleTargets: readonly number[];
  prototypeWeight: number;
}

/**
 * Adds the class-prototype term, chooses the temperature by leave-one-out and folds everything
 * into one linear layer.
 *
 * @example
 * const head = finishFit({ ridgeFit, sums, mean, targetMean, sampleVectors, sampleTargets, prototypeWeight: 0.6 })
 */
export function finishFit(parts: FitParts): FittedHead {
  const { sums, mean, targetMean, sampleVectors, sampleTargets, prototypeWeight } = parts;
  const { weights: ridgeWeights, fitted, leverage } = parts.ridgeFit;
  const classCount = sums.length;
  const d = mean.length;
  // Class prototypes: normalised sums of the unit vectors of each class.
  const prototypes = sums.map((sum) => scaled(sum, 1 / (Math.sqrt(dot64(sum, sum)) || 1)));

  // Leave-one-out scores: the closed form for ridge, the prototype rebuilt without the example.
  const looScores = sampleVectors.map((vector, position) => {
    const target = sampleTargets[position] as number;
    const h = leverage[position] as number;
    return Array.from({ length: classCount }, (_, c) => {
      const y = c === target ? 1 : 0;
      const f = fitted[position * classCount + c] as number;
      const ridgeScore = h < 1 - 1e-9 ? (f - h * y) / (1 - h) : f;
      const sum = sums[c] as Float64Array;
      let cosine: number;
      if (c === target) {
        let dotWithout = 0;
        let normWithout = 0;
        for (let k = 0; k < d; k += 1) {
          const without = (sum[k] as number) - (vector[k] as number);
          dotWithout += without * (vector[k] as number);
          normWithout += without * without;
        }
        cosine = normWithout > 1e-12 ? dotWithout / Math.sqrt(normWithout) : 0;
      } else cosine = dotMixed(vector, prototypes[c] as Float64Array);
      return ridgeScore + prototypeWeight * cosine;
    });
  });
  const temperature = fitTemperature(looScores, sampleTargets);

  const weights = new Float32Array(classCount * d);
  const bias = new Float32Array(classCount);
  for (let c = 0; c < classCount; c += 1) {
    const row = ridgeWeights[c] as Float64Array;
    const prototype = prototypes[c] as Float64Array;
    let offset = targetMean[c] as number;
    for (let k = 0; k < d; k += 1) {
      weights[c * d + k] =
        ((row[k] as number) + prototypeWeight * (prototype[k] as number)) / temperature;
      offset -= (row[k] as number) * (mean[k] as number);
    }
    bias[c] = offset / temperature;
  }
  return { weights, bias, temperature };
}

/** Examples whose leave-one-out scores choose the temperature, at most. */
export const maximumLeaveOneOutSample = 256;

/**
 * The rows whose leave-one-out scores choose the temperature: all of them up to
 * {@link maximumLeaveOneOutSample}, past that an even sample.
 *
 * @example
 * leaveOneOutSample(1000).length // 256
 */
export function leaveOneOutSample(n: number): number[] {
  const size = Math.min(n, maximumLeaveOneOutSample);
  return Array.from({ length: size }, (_, k) => Math.floor((k * n) / size));
}

/**
 * The ridge part of a fit: weight rows for centred inputs, and the fitted scores and leverages
 * of the sampled rows.
 *
 * @example
 * const { weights, fitted, leverage } = ridgeFit
 */
export interface RidgeFit {
  /** One weight row per class (for centred inputs). */
  weights: Float64Array[];
  /** Fitted scores of the sampled examples, `sample × classCount`, intercept included. */
  fitted: Float64Array;
  /** Diagonal of the hat matrix at the sampled examples (with the intercept's 1/n). */
  leverage: Float64Array;
}

/** n ≥ d: solve (XᵀX + λI) W = XᵀY with a Cholesky factor of the d × d matrix. */
function fitPrimal(
  x: Float64Array[],
  targets: readonly number[],
  targetMean: Float64Array,
  classCount: number,
  ridge: number,
  sample: readonly number[],
): RidgeFit {
  const n = x.length;
  const d = (x[0] as Float64Array).length;
  // XᵀX from the columns of X (one contiguous array per dimension): dot products of length n
  // run about twice as fast in JavaScript as n rank-one updates of the d × d matrix.
  const columns = Array.from({ length: d }, (_, k) =>
    Float64Array.from(x, (row) => row[k] as number),
  );
  const gram = new Float64Array(d * d);
  for (let i = 0; i < d; i += 1) {
    const left = columns[i] as Float64Array;
    for (let j = 0; j <= i; j += 1) gram[i * d + j] = dot64(left, columns[j] as Float64Array);
    gram[i * d + i]! += ridge;
  }
  cholesky(gram, d);
  // Xᵀ(Y − mean) is the sum of each class's centred rows (centred rows sum to zero).
  const sums = Array.from({ length: classCount }, () => new Float64Array(d));
  x.forEach((row, index) => {
    const sum = sums[targets[index] as number] as Float64Array;
    for (let k = 0; k < d; k += 1) sum[k]! += row[k] as number;
  });
  const weights = sums.map((sum) => solveCholesky(gram, d, sum));
  const fitted = new Float64Array(sample.length * classCount);
  const leverage = new Float64Array(sample.length);
  sample.forEach((index, position) => {
    const row = x[index] as Float64Array;
    for (let c = 0; c < classCount; c += 1) {
      fitted[position * classCount + c] =
        dot64(row, weights[c] as Float64Array) + (targetMean[c] as number);
    }
    const z = forwardSubstitute(gram, d, row);
    leverage[position] = dot64(z, z) + 1 / n;
  });
  return { weights, fitted, leverage };
}

/** n < d: solve with the n × n kernel, (XXᵀ + λI) A = Y, W = XᵀA. */
function fitDual(
  x: Float64Array[],
  targets: readonly number[],
  targetMean: Float64Array,
  classCount: number,
  ridge: number,
  sample: readonly number[],
): RidgeFit {
  const n = x.length;
  const d = (x[0] as Float64Array).length;
  const kernel = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1)
      kernel[i * n + j] = dot64(x[i] as Float64Array, x[j] as Float64Array);
    kernel[i * n + i]! += ridge;
  }
  cholesky(kernel, n);
  const fitted = new Float64Array(n * classCount);
  const weights = Array.from({ length: classCount }, (_, c) => {
    const right = new Float64Array(n);
    targets.forEach((target, index) => {
      right[index] = (target === c ? 1 : 0) - (targetMean[c] as number);
    });
    const alpha = solveCholesky(kernel, n, right);
    const row = new Float64Array(d);
    x.forEach((vector, index) => {
      const a = alpha[index] as number;
      for (let k = 0; k < d; k += 1) row[k]! += a * (vector[k] as number);
      // X W = (K − λI) α = Y − λα
      fitted[index * classCount + c] =
        (right[index] as number) - ridge * a + (targetMean[c] as number);
    });
    return row;
  });
  // H = I − λ (K + λI)⁻¹: its diagonal from the columns of L⁻¹.
  const leverage = new Float64Array(n);
  const inverseDiagonal = new Float64Array(n);
  for (let column = 0; column < n; column += 1) {
    const unit = new Float64Array(n);
    unit[column] = 1;
    // (K + λI)⁻¹ = L⁻ᵀ L⁻¹, so its diagonal entry j is the squared norm of column j of L⁻¹.
    const z = forwardSubstitute(kernel, n, unit, column);
    let sum = 0;
    for (let row = column; row < n; row += 1) sum += (z[row] as number) ** 2;
    inverseDiagonal[column] = sum;
  }
  for (let index = 0; index < n; index += 1) {
    leverage[index] = 1 - ridge * (inverseDiagonal[index] as number) + 1 / n;
  }
  return {
    weights,
    fitted: Float64Array.from(
      sample.flatMap((index) =>
        Array.from(fitted.subarray(index * classCount, (index + 1) * classCount)),
      ),
    ),
    leverage: Float64Array.from(sample, (index) => leverage[index] as number),
  };
}

/**
 * In-place Cholesky factorisation of a symmetric positive-definite matrix (lower triangle).
 *
 * @example cholesky(matrix, 512) // matrix's lower triangle now holds L
 */
export function cholesky(matrix: Float64Array, size: number): void {
  for (let j = 0; j < size; j += 1) {
    const rowJ = j * size;
    let diagonal = matrix[rowJ + j] as number;
    for (let k = 0; k < j; k += 1) diagonal -= (matrix[rowJ + k] as number) ** 2;
    const root = Math.sqrt(Math.max(diagonal, 1e-12));
    matrix[rowJ + j] = root;
    for (let i = j + 1; i < size; i += 1) {
      const rowI = i * size;
      let value = matrix[rowI + j] as number;
      for (let k = 0; k < j; k += 1)
        value -= (matrix[rowI + k] as number) * (matrix[rowJ + k] as number);
      matrix[rowI + j] = value / root;
    }
  }
}

/**
 * Solves L z = b (L the lower factor), starting at row `from` (earlier entries of b are 0).
 *
 * @example const z = forwardSubstitute(factor, 512, row)
 */
export function forwardSubstitute(
  factor: Float64Array,
  size: number,
  right: Float64Array,
  from = 0,
): Float64Array {
  const z = new Float64Array(size);
  for (let i = from; i < size; i += 1) {
    const row = i * size;
    let value = right[i] as number;
    for (let k = from; k < i; k += 1) value -= (factor[row + k] as number) * (z[k] as number);
    z[i] = value / (factor[row + i] as number);
  }
  return z;
}

/**
 * Solves (L Lᵀ) w = b.
 *
 * @example const w = solveCholesky(factor, 512, right)
 */
export function solveCholesky(
  factor: Float64Array,
  size: number,
  right: Float64Array,
): Float64Array {
  const z = forwardSubstitute(factor, size, right);
  for (let i = size - 1; i >= 0; i -= 1) {
    let value = z[i] as number;
    for (let k = i + 1; k < size; k += 1)
      value -= (factor[k * size + i] as number) * (z[k] as number);
    z[i] = value / (factor[i * size + i] as number);
  }
  return z;
}

/**
 * The temperature that minimises the cross-entropy of the leave-one-out scores (golden section).
 * Targets are smoothed as in Platt scaling (the true class gets (n + 1) / (n + 2)), so a few
 * examples all classified right do not drive the temperature to zero and every confidence to 1.
 */
function fitTemperature(scores: number[][], targets: readonly number[]): number {
  const n = scores.length;
  const classes = (scores[0] as number[]).length;
  const onTarget = (n + 1) / (n + 2);
  const offTarget = (1 - onTarget) / Math.max(1, classes - 1);
  const loss = (logTemperature: number) => {
    const temperature = Math.exp(logTemperature);
    let total = 0;
    scores.forEach((row, index) => {
      const top = Math.max(...row);
      let sum = 0;
      for (const value of row) sum += Math.exp((value - top) / temperature);
      const logSum = Math.log(sum);
      row.forEach((value, c) => {
        const weight = c === targets[index] ? onTarget : offTarget;
        total += weight * (logSum - (value - top) / temperature);
      });
    });
    return total;
  };
  // Golden-section search on log T in [log 0.005, log 5]; one new evaluation per step, and 30
  // steps narrow the interval to about 10⁻⁶ of its width.
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(0.005);
  let high = Math.log(5);
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let lossA = loss(a);
  let lossB = loss(b);
  for (let step = 0; step < 30; step += 1) {
    if (lossA < lossB) {
      high = b;
      b = a;
      lossB = lossA;
      a = high - ratio * (high - low);
      lossA = loss(a);
    } else {
      low = a;
      a = b;
      lossA = lossB;
      b = low + ratio * (high - low);
      lossB = loss(b);
    }
  }
  return Math.exp((low + high) / 2);
}

/**
 * Dot product of two float64 vectors.
 *
 * @example dot64(a, b)
 */
export function dot64(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k += 1) sum += (a[k] as number) * (b[k] as number);
  return sum;
}

function dotMixed(a: Float32Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k += 1) sum += (a[k] as number) * (b[k] as number);
  return sum;
}

function scaled(vector: Float64Array, factor: number): Float64Array {
  return vector.map((value) => value * factor);
}
