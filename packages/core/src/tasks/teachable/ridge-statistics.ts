import {
  type FitOptions,
  type FittedHead,
  cholesky,
  dot64,
  finishFit,
  forwardSubstitute,
  leaveOneOutSample,
  solveCholesky,
} from './fit-linear-head.js';

/** Rows added per step of {@link RidgeStatistics.addMany}: about 10 ms of work at 512 dimensions. */
const rowsPerStep = 128;

/**
 * The sufficient statistics of the teachable head's ridge fit: Σ x xᵀ (lower triangle), Σ x,
 * and each class's sum and count. Adding or removing a row is a rank-one update (d² / 2
 * multiply-adds), so retraining after one new example costs one d × d Cholesky factorisation
 * instead of the n · d² of a fit from scratch. Classes are named by key (a label's id), so
 * adding a label does not renumber the others.
 *
 * @example
 * const statistics = new RidgeStatistics(512)
 * statistics.add(vector, 'billing')
 * const head = statistics.fit(['billing', 'none'], rows)
 */
export class RidgeStatistics {
  count = 0;
  /** Σ x xᵀ, row-major d × d; only the lower triangle (j ≤ i) is kept. */
  readonly gram: Float64Array;
  readonly total: Float64Array;
  readonly classes = new Map<string, { sum: Float64Array; count: number }>();

  constructor(readonly dimensions: number) {
    this.gram = new Float64Array(dimensions * dimensions);
    this.total = new Float64Array(dimensions);
  }

  /** A copy to update without touching this one (the engine keeps the previous version). */
  clone(): RidgeStatistics {
    const copy = new RidgeStatistics(this.dimensions);
    copy.count = this.count;
    copy.gram.set(this.gram);
    copy.total.set(this.total);
    for (const [key, entry] of this.classes) {
      copy.classes.set(key, { sum: Float64Array.from(entry.sum), count: entry.count });
    }
    return copy;
  }

  /** Adds one row of class `key`. */
  add(vector: Float32Array, key: string): void {
    this.update(vector, key, 1);
  }

  /** Removes a row added before (same vector, same class). */
  remove(vector: Float32Array, key: string): void {
    this.update(vector, key, -1);
  }

  /**
   * Adds many rows, `rowsPerStep` at a time, awaiting `between()` after each step (where a
   * caller yields and checks cancellation). Σ x xᵀ of a step is built from its columns, which
   * runs about twice as fast in JavaScript as one rank-one update per row.
   */
  async addMany(
    rows: readonly { vector: Float32Array; key: string }[],
    between: () => Promise<void> | void = () => {},
  ): Promise<void> {
    const d = this.dimensions;
    for (let start = 0; start < rows.length; start += rowsPerStep) {
      const step = rows.slice(start, start + rowsPerStep);
      const columns = Array.from({ length: d }, (_, k) =>
        Float64Array.from(step, (row) => row.vector[k] as number),
      );
      for (let i = 0; i < d; i += 1) {
        const left = columns[i] as Float64Array;
        for (let j = 0; j <= i; j += 1)
          this.gram[i * d + j]! += dot64(left, columns[j] as Float64Array);
      }
      for (const row of step) this.addSums(row.vector, row.key, 1);
      this.count += step.length;
      await between();
    }
  }

  /**
   * Fits the head from the statistics: the same ridge-plus-prototype head, with the same
   * leave-one-out temperature, as {@link fitLinearHead} over the same rows (to rounding).
   * `classKeys` orders the classes (every row's key must be among them); `rowAt(index)` gives
   * the row at `index` of the `count` rows in the order a fit from scratch would see them (it is
   * called for the leave-one-out sample only).
   */
  fit(
    classKeys: readonly string[],
    rowAt: (index: number) => { vector: Float32Array; key: string },
    options: FitOptions = {},
  ): FittedHead {
    const ridge = options.ridge ?? 0.1;
    const prototypeWeight = options.prototypeWeight ?? 0.6;
    const d = this.dimensions;
    const n = this.count;
    const mean = this.total.map((value) => value / n);
    // Centred Σ (x − m)(x − m)ᵀ = Σ x xᵀ − n m mᵀ, plus the ridge.
    const system = new Float64Array(d * d);
    for (let i = 0; i < d; i += 1) {
      const mi = mean[i] as number;
      for (let j = 0; j <= i; j += 1) {
        system[i * d + j] = (this.gram[i * d + j] as number) - n * mi * (mean[j] as number);
      }
      system[i * d + i]! += ridge;
    }
    cholesky(system, d);
    const empty = { sum: new Float64Array(d), count: 0 };
    const classes = classKeys.map((key) => this.classes.get(key) ?? empty);
    const targetMean = Float64Array.from(classes, (entry) => entry.count / n);
    // Xᵀ(Y − mean) for class c: the sum of its centred rows.
    const weights = classes.map((entry) =>
      solveCholesky(
        system,
        d,
        entry.sum.map((value, k) => value - entry.count * (mean[k] as number)),
      ),
    );
    const indexOf = new Map(classKeys.map((key, index) => [key, index]));
    const sample = leaveOneOutSample(n).map((index) => rowAt(index));
    const classCount = classKeys.length;
    const fitted = new Float64Array(sample.length * classCount);
    const leverage = new Float64Array(sample.length);
    sample.forEach(({ vector }, position) => {
      const row = Float64Array.from(vector, (value, k) => value - (mean[k] as number));
      for (let c = 0; c < classCount; c += 1) {
        fitted[position * classCount + c] =
          dot64(row, weights[c] as Float64Array) + (targetMean[c] as number);
      }
      const z = forwardSubstitute(system, d, row);
      leverage[position] = dot64(z, z) + 1 / n;
    });
    return finishFit({
      ridgeFit: { weights, fitted, leverage },
      sums: classes.map((entry) => entry.sum),
      mean,
      targetMean,
      sampleVectors: sample.map((row) => row.vector),
      sampleTargets: sample.map((row) => indexOf.get(row.key) ?? -1),
      prototypeWeight,
    });
  }

  private update(vector: Float32Array, key: string, sign: 1 | -1) {
    const d = this.dimensions;
    for (let i = 0; i < d; i += 1) {
      const scaled = sign * (vector[i] as number);
      const row = i * d;
      for (let j = 0; j <= i; j += 1) this.gram[row + j]! += scaled * (vector[j] as number);
    }
    this.addSums(vector, key, sign);
    this.count += sign;
  }

  private addSums(vector: Float32Array, key: string, sign: 1 | -1) {
    let entry = this.classes.get(key);
    if (!entry) {
      entry = { sum: new Float64Array(this.dimensions), count: 0 };
      this.classes.set(key, entry);
    }
    for (let k = 0; k < this.dimensions; k += 1) {
      this.total[k]! += sign * (vector[k] as number);
      entry.sum[k]! += sign * (vector[k] as number);
    }
    entry.count += sign;
    if (entry.count === 0) this.classes.delete(key);
  }
}
