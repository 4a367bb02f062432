import { seededRandom, shuffled } from '@ondevice/core/evaluation';

/** One training row: a dense vector and sparse (index, value) features, and a 0/1 label. */
export interface SparseDenseRow {
  dense: Float32Array;
  sparseIndices: Uint32Array;
  sparseValues: Float32Array;
  label: 0 | 1;
  /** Weight of the row in the loss. @default 1 */
  weight?: number;
}

/** Settings of {@link trainLogisticRegression}. */
export interface LogisticRegressionOptions {
  sparseSize: number;
  /** L2 penalty on the dense (and hidden) weights. */
  denseL2: number;
  /** L2 penalty on the sparse weights (applied to the features a batch touches). */
  sparseL2: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Units of a ReLU hidden layer on the dense input (0: linear). @default 0 */
  hidden?: number;
  /** Dropout rate on the dense input while training. @default 0 */
  dropout?: number;
}

/**
 * A binary logistic model: `logit = dense · f(x) + Σ sparse[i] v_i + bias`, where f is the
 * identity or a ReLU hidden layer.
 */
export interface LogisticModel {
  dense: Float32Array;
  sparse: Float32Array;
  bias: number;
  hiddenWeights?: Float32Array;
  hiddenBias?: Float32Array;
}

/**
 * Hidden activations of a dense input: `relu(W x + b)` (x masked by dropout when given).
 *
 * @example
 * const features = hiddenOf(model, row.dense)
 */
export function hiddenOf(
  model: LogisticModel,
  input: Float32Array,
  mask?: Float32Array,
): Float32Array {
  const weights = model.hiddenWeights as Float32Array;
  const bias = model.hiddenBias as Float32Array;
  const d = input.length;
  const output = new Float32Array(bias.length);
  const x = mask ? input.map((value, k) => value * (mask[k] as number)) : input;
  for (let u = 0; u < bias.length; u += 1) {
    let sum = bias[u] as number;
    const offset = u * d;
    for (let k = 0; k < d; k += 1) sum += (weights[offset + k] as number) * (x[k] as number);
    output[u] = sum > 0 ? sum : 0;
  }
  return output;
}

/**
 * The logit of a row.
 *
 * @example
 * const p = 1 / (1 + Math.exp(-logitOf(model, row)))
 */
export function logitOf(model: LogisticModel, row: SparseDenseRow): number {
  const input = model.hiddenWeights ? hiddenOf(model, row.dense) : row.dense;
  let logit = model.bias;
  for (let k = 0; k < input.length; k += 1)
    logit += (model.dense[k] as number) * (input[k] as number);
  for (let k = 0; k < row.sparseIndices.length; k += 1) {
    logit +=
      (model.sparse[row.sparseIndices[k] as number] as number) * (row.sparseValues[k] as number);
  }
  return logit;
}

/** Adam state of one parameter array. */
class AdamSlot {
  readonly m: Float32Array;
  readonly v: Float32Array;
  constructor(size: number) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }
}

/**
 * Binary logistic regression (optionally with one ReLU hidden layer on the dense input) on dense
 * + sparse features with L2 penalties, by mini-batch Adam with a linearly decaying rate. The
 * order of examples, initial weights and dropout masks come from one seed: two runs give the
 * same weights bit for bit.
 *
 * @example
 * const model = trainLogisticRegression(rows, { sparseSize: 1 << 17, denseL2: 1e-5, … })
 */
export function trainLogisticRegression(
  rows: readonly SparseDenseRow[],
  options: LogisticRegressionOptions,
): LogisticModel {
  const inputSize = (rows[0] as SparseDenseRow).dense.length;
  const hidden = options.hidden ?? 0;
  const dropout = options.dropout ?? 0;
  const random = seededRandom(options.seed);
  const featureSize = hidden > 0 ? hidden : inputSize;
  const model: LogisticModel = {
    dense: new Float32Array(featureSize),
    sparse: new Float32Array(options.sparseSize),
    bias: 0,
  };
  if (hidden > 0) {
    // He initialisation, from the seeded generator.
    const scale = Math.sqrt(2 / inputSize);
    model.hiddenWeights = Float32Array.from(
      { length: hidden * inputSize },
      () => (random() * 2 - 1) * scale * Math.sqrt(3),
    );
    model.hiddenBias = new Float32Array(hidden);
    model.dense = Float32Array.from(
      { length: hidden },
      () => (random() * 2 - 1) * Math.sqrt(3 / hidden),
    );
  }
  const slots = {
    dense: new AdamSlot(featureSize),
    sparse: new AdamSlot(options.sparseSize),
    bias: new AdamSlot(1),
    hiddenWeights: new AdamSlot(hidden * inputSize),
    hiddenBias: new AdamSlot(hidden),
  };
  const gradients = {
    dense: new Float32Array(featureSize),
    hiddenWeights: new Float32Array(hidden * inputSize),
    hiddenBias: new Float32Array(hidden),
    sparse: new Map<number, number>(),
    bias: 0,
  };
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;
  const totalSteps = options.epochs * Math.ceil(rows.length / options.batchSize);
  const mask = new Float32Array(inputSize);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    const order = shuffled(
      rows.map((_, index) => index),
      random,
    );
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      gradients.dense.fill(0);
      gradients.hiddenWeights.fill(0);
      gradients.hiddenBias.fill(0);
      gradients.sparse.clear();
      gradients.bias = 0;
      let batchWeight = 0;
      for (const index of batch) {
        const row = rows[index] as SparseDenseRow;
        const weight = row.weight ?? 1;
        batchWeight += weight;
        let input = row.dense;
        if (dropout > 0) {
          for (let k = 0; k < inputSize; k += 1)
            mask[k] = random() < dropout ? 0 : 1 / (1 - dropout);
          input = row.dense.map((value, k) => value * (mask[k] as number));
        }
        const features = hidden > 0 ? hiddenOf(model, input) : input;
        let logit = model.bias;
        for (let k = 0; k < featureSize; k += 1)
          logit += (model.dense[k] as number) * (features[k] as number);
        for (let k = 0; k < row.sparseIndices.length; k += 1) {
          logit +=
            (model.sparse[row.sparseIndices[k] as number] as number) *
            (row.sparseValues[k] as number);
        }
        const error = weight * (1 / (1 + Math.exp(-logit)) - row.label);
        gradients.bias += error;
        for (let k = 0; k < featureSize; k += 1)
          gradients.dense[k]! += error * (features[k] as number);
        if (hidden > 0) {
          for (let u = 0; u < hidden; u += 1) {
            if ((features[u] as number) <= 0) continue;
            const back = error * (model.dense[u] as number);
            gradients.hiddenBias[u]! += back;
            const offset = u * inputSize;
            for (let k = 0; k < inputSize; k += 1)
              gradients.hiddenWeights[offset + k]! += back * (input[k] as number);
          }
        }
        for (let k = 0; k < row.sparseIndices.length; k += 1) {
          const feature = row.sparseIndices[k] as number;
          gradients.sparse.set(
            feature,
            (gradients.sparse.get(feature) ?? 0) + error * (row.sparseValues[k] as number),
          );
        }
      }
      step += 1;
      const rate = options.learningRate * (1 - (0.9 * step) / totalSteps);
      const correction1 = 1 - beta1 ** step;
      const correction2 = 1 - beta2 ** step;
      const apply = (slot: AdamSlot, index: number, gradient: number, parameter: number) => {
        const m = beta1 * (slot.m[index] as number) + (1 - beta1) * gradient;
        const v = beta2 * (slot.v[index] as number) + (1 - beta2) * gradient * gradient;
        slot.m[index] = m;
        slot.v[index] = v;
        return parameter - (rate * (m / correction1)) / (Math.sqrt(v / correction2) + 1e-8);
      };
      for (let k = 0; k < featureSize; k += 1) {
        const gradient =
          (gradients.dense[k] as number) / batchWeight +
          options.denseL2 * (model.dense[k] as number);
        model.dense[k] = apply(slots.dense, k, gradient, model.dense[k] as number);
      }
      if (hidden > 0 && model.hiddenWeights && model.hiddenBias) {
        for (let k = 0; k < hidden * inputSize; k += 1) {
          const gradient =
            (gradients.hiddenWeights[k] as number) / batchWeight +
            options.denseL2 * (model.hiddenWeights[k] as number);
          model.hiddenWeights[k] = apply(
            slots.hiddenWeights,
            k,
            gradient,
            model.hiddenWeights[k] as number,
          );
        }
        for (let u = 0; u < hidden; u += 1) {
          model.hiddenBias[u] = apply(
            slots.hiddenBias,
            u,
            (gradients.hiddenBias[u] as number) / batchWeight,
            model.hiddenBias[u] as number,
          );
        }
      }
      for (const [feature, sum] of gradients.sparse) {
        const gradient = sum / batchWeight + options.sparseL2 * (model.sparse[feature] as number);
        model.sparse[feature] = apply(
          slots.sparse,
          feature,
          gradient,
          model.sparse[feature] as number,
        );
      }
      model.bias = apply(slots.bias, 0, gradients.bias / batchWeight, model.bias);
    }
  }
  return model;
}
