import type { LogitsProcessor, Tensor } from '@huggingface/transformers';

/** Next-token scores as a logits processor sees them: `[batch, vocabulary]`, batch 0 first. */
export interface NextTokenLogits {
  /** `float32` in Transformers.js 4 (it converts before the processors); `float16` is decoded. */
  readonly type: string;
  readonly data: unknown;
  readonly dims: readonly number[];
}

/**
 * The mean natural-log probability of the tokens a generation chose, from the next-token
 * logits of every step: `log softmax(logits)[chosen]`, averaged over the chosen tokens.
 *
 * Each step costs one pass over the vocabulary (an online log-sum-exp: `max + log Σ exp(x −
 * max)`, stable for any logits) and no copy when the logits are a `Float32Array` (Transformers.js
 * hands them over so): the row of batch 0 is kept as a view until the step's token is known.
 * The logits are never written. Other types (`float16` bits in a `Uint16Array`, `Float64Array`…)
 * are converted once per step.
 *
 * Pair the calls step by step: {@link observe} with the step's logits, then {@link choose} with
 * the token chosen from them.
 *
 * @example
 * const recorder = new TokenLogProbabilities(temperature)
 * recorder.observe(logits); recorder.choose(id)
 * recorder.mean // ≤ 0, or null before any token
 */
export class TokenLogProbabilities {
  private row: Float32Array | Float64Array | undefined;
  private logSumExp = 0;
  private sum = 0;
  private count = 0;

  /**
   * @param scale What the logits were divided by before they reach {@link observe} (the
   *   sampling temperature, which Transformers.js applies before a caller's processors): the
   *   probabilities are those of `scale × logits`, the model's own. 1 when nothing was divided.
   */
  constructor(private readonly scale = 1) {}

  /** Reads one step's next-token logits (batch 0), without changing them. */
  observe(logits: NextTokenLogits): void {
    const row = firstRow(logits);
    const scale = this.scale;
    // One pass: the running maximum, and the sum of exp(x - maximum) rescaled when it rises.
    let maximum = Number.NEGATIVE_INFINITY;
    let sum = 0;
    for (let index = 0; index < row.length; index += 1) {
      const value = scale * (row[index] as number);
      if (value === Number.NEGATIVE_INFINITY) continue; // a masked token: probability 0
      if (value <= maximum) {
        sum += Math.exp(value - maximum);
      } else {
        sum = sum * Math.exp(maximum - value) + 1; // also NaN in, NaN out
        maximum = value;
      }
    }
    this.row = row;
    this.logSumExp = maximum + Math.log(sum);
  }

  /** The token chosen from the logits last observed; a token without logits is not counted. */
  choose(id: number): void {
    const row = this.row;
    this.row = undefined;
    const logit = row?.[id];
    if (logit === undefined) return;
    this.sum += this.scale * logit - this.logSumExp;
    this.count += 1;
  }

  /** Tokens counted so far. */
  get tokens(): number {
    return this.count;
  }

  /** The mean log probability of the chosen tokens (≤ 0); null before any token. */
  get mean(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }

  /**
   * A Transformers.js logits processor that shows every step's logits to this recorder and
   * hands them on unchanged. Transformers.js runs a caller's processors after its own (the
   * temperature among them), just before it picks the token, which its streamer then receives.
   *
   * @example
   * await model.generate({ …, logits_processor: [recorder.processor(LogitsProcessor)] })
   */
  processor(base: typeof LogitsProcessor): LogitsProcessor {
    const observe = (logits: Tensor) => this.observe(logits);
    class RecordLogits extends base {
      override _call(_inputIds: bigint[][], logits: Tensor): Tensor {
        observe(logits);
        return logits;
      }
    }
    return new RecordLogits();
  }
}

/** The first row of `[batch, vocabulary]` logits as floats: a view when they are float32. */
function firstRow(logits: NextTokenLogits): Float32Array | Float64Array {
  const size = logits.dims.at(-1) ?? 0;
  const data = logits.data;
  if (data instanceof Float32Array) return data.subarray(0, size);
  if (logits.type === 'float16' && data instanceof Uint16Array) {
    const row = new Float32Array(size);
    for (let index = 0; index < size; index += 1) row[index] = halfToFloat(data[index] as number);
    return row;
  }
  const values = data as ArrayLike<number | bigint>;
  const row = new Float64Array(Math.min(size, values.length));
  for (let index = 0; index < row.length; index += 1) row[index] = Number(values[index]);
  return row;
}

/** An IEEE 754 half-precision number from its 16 bits. */
function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
