/**
 * A trained linear head over L2-normalised sentence embeddings:
 * `logits = weights · x + bias`, probabilities by softmax. `weights` is row-major,
 * `labels.length × dimensions`.
 *
 * @example
 * const logit = dot(unit, head.weights, row * head.dimensions) + head.bias[row]
 */
export interface LinearHead {
  labels: string[];
  weights: Float32Array;
  bias: Float32Array;
  dimensions: number;
}

/**
 * A taught example as the engine needs it.
 *
 * @example
 * const example: LabelledExample = { text: 'refund please', label: 'billing' }
 */
export interface LabelledExample {
  text: string;
  label: string;
}
