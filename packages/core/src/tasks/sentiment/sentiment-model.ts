import { InvalidInputError } from '@ondevice/errors';
import { sigmoid } from '../../util/vector-math.js';
import { ngramBuckets } from './sentiment-text.js';
import type { SentimentLabel } from './sentiment-types.js';

/**
 * The sentiment head as stored (`sentiment-weights.ts`, written by `npm run train -- sentiment`):
 * logistic regression on the USE-lite embedding of the normalised text plus hashed unigram,
 * bigram and negation-scope presence features (`ngramBuckets`), then Platt calibration.
 */
export interface SentimentModelData {
  format: 'ondevice.sentiment-head';
  version: 1;
  /** Embedding model the head was trained on. */
  modelId: string;
  dimensions: number;
  /** Number of hash buckets of the n-gram features (a power of two). */
  ngramBuckets: number;
  /** Base64 of `dimensions` little-endian float32 weights on the embedding. */
  embeddingWeights: string;
  /**
   * Base64 of `ngramBuckets` int8 codes q on a square-root scale: the weight is
   * `sign(q) · (q / 127)² · ngramScale`.
   */
  ngramWeights: string;
  ngramScale: number;
  bias: number;
  /** Platt scaling of the logit: `P(positive) = sigmoid(slope × logit + intercept)`. */
  calibration: { slope: number; intercept: number };
  /**
   * The neutral band: a text is `neutral` when the calibrated probability of its more likely
   * polarity is below this value.
   */
  neutralBelow: number;
}

/** A decoded, ready-to-run sentiment head. */
export interface SentimentModel {
  readonly modelId: string;
  readonly neutralBelow: number;
  /** Calibrated P(positive) of a normalised text and its embedding. */
  positiveProbability(normalizedText: string, embedding: Float32Array): number;
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Decodes stored weights into a runnable head.
 *
 * @throws {InvalidInputError} when the data is not a version-1 sentiment head of consistent shape.
 * @example
 * const model = decodeSentimentModel(sentimentWeights)
 * model.positiveProbability('a great film', embedding) // ≈ 0.97
 */
export function decodeSentimentModel(data: SentimentModelData): SentimentModel {
  const embeddingBytes = decodeBase64(data.embeddingWeights);
  const ngramBytes = decodeBase64(data.ngramWeights);
  if (
    data.format !== 'ondevice.sentiment-head' ||
    data.version !== 1 ||
    embeddingBytes.byteLength !== data.dimensions * 4 ||
    ngramBytes.byteLength !== data.ngramBuckets
  ) {
    throw new InvalidInputError({
      parameter: 'sentimentWeights',
      message: `The sentiment weights are not a version-1 head of ${data.dimensions} + ${data.ngramBuckets} weights; retrain with \`npm run train -- sentiment\`.`,
    });
  }
  const view = new DataView(
    embeddingBytes.buffer,
    embeddingBytes.byteOffset,
    embeddingBytes.byteLength,
  );
  const embeddingWeights = Float32Array.from({ length: data.dimensions }, (_, index) =>
    view.getFloat32(index * 4, true),
  );
  const codes = new Int8Array(ngramBytes.buffer, ngramBytes.byteOffset, ngramBytes.byteLength);
  const ngramWeights = Float32Array.from(
    codes,
    (code) => Math.sign(code) * (code / 127) ** 2 * data.ngramScale,
  );
  const { slope, intercept } = data.calibration;
  return {
    modelId: data.modelId,
    neutralBelow: data.neutralBelow,
    positiveProbability(normalizedText, embedding) {
      let logit = data.bias;
      for (let index = 0; index < embeddingWeights.length; index += 1) {
        logit += (embeddingWeights[index] as number) * (embedding[index] as number);
      }
      for (const bucket of ngramBuckets(normalizedText, data.ngramBuckets)) {
        logit += ngramWeights[bucket] as number;
      }
      return sigmoid(slope * logit + intercept);
    },
  };
}

/**
 * The three sentiment probabilities from the calibrated P(positive) `p` and the band `τ`.
 * With `m = max(p, 1 − p)`, neutral gets `(2(1 − m))^γ` and the two polarities share the rest in
 * proportion `p : 1 − p`. γ is set so that neutral is the most probable label exactly when
 * `m < τ`: at `p = 0.5` the text is fully neutral, and neutral fades as the model grows sure.
 *
 * @example
 * sentimentProbabilities(0.97, 0.65) // { positive: ≈0.97, negative: ≈0.03, neutral: ≈0 }
 * sentimentProbabilities(0.55, 0.65) // neutral is the largest
 */
export function sentimentProbabilities(
  p: number,
  neutralBelow: number,
): Record<SentimentLabel, number> {
  const m = Math.max(p, 1 - p);
  // Neutral ties with the stronger polarity when n = m (1 − n), i.e. n = m / (1 + m), at m = τ.
  const crossing = neutralBelow / (1 + neutralBelow);
  const gamma = Math.log(crossing) / Math.log(2 * (1 - neutralBelow));
  const neutral = m >= 1 ? 0 : (2 * (1 - m)) ** gamma;
  return { positive: p * (1 - neutral), negative: (1 - p) * (1 - neutral), neutral };
}

/**
 * The label with the largest probability (ties: neutral, then positive).
 *
 * @example
 * sentimentLabelOf({ positive: 0.7, negative: 0.2, neutral: 0.1 }) // 'positive'
 */
export function sentimentLabelOf(probabilities: Record<SentimentLabel, number>): SentimentLabel {
  const { positive, negative, neutral } = probabilities;
  if (neutral >= positive && neutral >= negative) return 'neutral';
  return positive >= negative ? 'positive' : 'negative';
}
