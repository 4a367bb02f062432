import type { ModelTask } from '../../models/model-manifest.js';
import type { BackendName } from '../backend-name.js';
import type { RuntimeModel, TokenizedText, TokenizedTextWithOffsets } from '../runtime.js';
import { alignTokens } from './token-offsets.js';
import type { TransformersModule } from './transformers-environment.js';

type Tokenizer = Awaited<ReturnType<TransformersModule['AutoTokenizer']['from_pretrained']>>;
type Model = Awaited<ReturnType<TransformersModule['AutoModel']['from_pretrained']>>;
type Tensor = InstanceType<TransformersModule['Tensor']>;

/** Characters read of a text per token the model reads: tokenising stays linear in what is used. */
const charactersPerToken = 16;

/**
 * How an encoder's hidden states become a sentence vector, from sentence-transformers'
 * `1_Pooling/config.json` and `modules.json` (mean pooling and unit length when they are absent).
 *
 * @example
 * const pooling: Pooling = { mode: 'mean', normalize: true }
 */
export interface Pooling {
  mode: 'mean' | 'cls' | 'max';
  normalize: boolean;
}

/**
 * A Transformers.js encoder behind ondevice's sequence-model shape: embeddings (pooled hidden
 * states), text or pair classifiers (label probabilities) and token classifiers (per-token
 * probabilities with character offsets). The engine tokenises, buckets by length and calls
 * `run` per bucket, so padding stays within texts of similar length.
 *
 * @example
 * const model = new EncoderModel({ transformers, tokenizer, model, task: 'text-embedding', … })
 */
export class EncoderModel implements RuntimeModel {
  readonly task: ModelTask;
  readonly dimensions: number;
  readonly backend: BackendName;
  readonly maxTokens: number;
  readonly labels?: readonly string[];
  readonly dtype: string;
  private readonly transformers: TransformersModule;
  private readonly tokenizer: Tokenizer;
  private readonly model: Model;
  private readonly pooling: Pooling;
  private readonly multiLabel: boolean;
  private pieces: string[] | undefined;
  /** Milliseconds per run and per padded token on this device, from {@link calibrate}. */
  runCost: { fixedMs: number; perTokenMs: number } | undefined;

  constructor(options: {
    transformers: TransformersModule;
    tokenizer: Tokenizer;
    model: Model;
    task: ModelTask;
    dimensions: number;
    backend: BackendName;
    maxTokens: number;
    labels: readonly string[];
    dtype: string;
    pooling: Pooling;
    multiLabel: boolean;
  }) {
    this.transformers = options.transformers;
    this.tokenizer = options.tokenizer;
    this.model = options.model;
    this.task = options.task;
    this.dimensions = options.dimensions;
    this.backend = options.backend;
    this.maxTokens = options.maxTokens;
    this.dtype = options.dtype;
    this.pooling = options.pooling;
    this.multiLabel = options.multiLabel;
    if (options.labels.length > 0) this.labels = options.labels;
  }

  tokenize(texts: readonly string[], maxTokens: number): TokenizedText[] {
    return texts.map((text) => this.encode(text, undefined, maxTokens));
  }

  tokenizePairs(pairs: readonly (readonly [string, string])[], maxTokens: number): TokenizedText[] {
    return pairs.map(([text, pair]) => this.encode(text, pair, maxTokens));
  }

  tokenizeWithOffsets(texts: readonly string[], maxTokens: number): TokenizedTextWithOffsets[] {
    const special = new Set(this.tokenizer.all_special_tokens as string[]);
    return texts.map((text) => {
      const encoded = this.encode(text, undefined, maxTokens);
      const pieces = encoded.tokens.map((id) => this.pieceOf(id));
      return { ...encoded, offsets: alignTokens(text, pieces, special) };
    });
  }

  async run(tokens: readonly (readonly number[])[]): Promise<Float32Array> {
    const { output, mask, length } = await this.forward(tokens);
    const rows = tokens.length;
    if (this.task !== 'text-embedding') {
      const logits = output.data as Float32Array;
      const width = this.dimensions;
      const result = new Float32Array(rows * width);
      for (let row = 0; row < rows; row += 1) {
        const slice = logits.subarray(row * width, (row + 1) * width);
        result.set(this.multiLabel ? slice.map(sigmoid) : softmax(slice), row * width);
      }
      return result;
    }
    const hidden = output.data as Float32Array;
    const width = this.dimensions;
    const result = new Float32Array(rows * width);
    for (let row = 0; row < rows; row += 1) {
      const vector = result.subarray(row * width, (row + 1) * width);
      let count = 0;
      if (this.pooling.mode === 'max') vector.fill(Number.NEGATIVE_INFINITY);
      for (let position = 0; position < length; position += 1) {
        if (!mask[row * length + position]) continue;
        if (this.pooling.mode === 'cls' && position > 0) break;
        const offset = (row * length + position) * width;
        for (let k = 0; k < width; k += 1) {
          const value = hidden[offset + k] as number;
          vector[k] =
            this.pooling.mode === 'max'
              ? Math.max(vector[k] as number, value)
              : (vector[k] as number) + value;
        }
        count += 1;
      }
      if (this.pooling.mode === 'mean' && count > 0)
        for (let k = 0; k < width; k += 1) vector[k] = (vector[k] as number) / count;
      if (this.pooling.normalize) {
        let norm = 0;
        for (const value of vector) norm += value * value;
        norm = Math.sqrt(norm) || 1;
        for (let k = 0; k < width; k += 1) vector[k] = (vector[k] as number) / norm;
      }
    }
    output.dispose?.();
    return result;
  }

  async runTokens(tokens: readonly (readonly number[])[]): Promise<Float32Array[]> {
    const { output, length } = await this.forward(tokens);
    const logits = output.data as Float32Array;
    const width = this.dimensions;
    return tokens.map((list, row) => {
      const result = new Float32Array(list.length * width);
      for (let position = 0; position < list.length; position += 1) {
        const offset = (row * length + position) * width;
        result.set(softmax(logits.subarray(offset, offset + width)), position * width);
      }
      return result;
    });
  }

  /**
   * Times two small batches (after a warm-up) to learn what a run costs on this device, so the
   * engine's batches fit its time budget: a model ten times larger than USE-lite gets runs ten
   * times smaller, a tiny one larger runs with less overhead. The figures are rounded to a
   * coarse grid, so the same texts are batched the same way from one load to the next.
   */
  async calibrate(): Promise<void> {
    const filler = this.tokenizer.encode('the the the the', { add_special_tokens: false })[0] ?? 0;
    const sequence = (length: number) => Array.from({ length }, () => filler);
    const time = async (rows: number, length: number) => {
      const started = performance.now();
      await this.run(Array.from({ length: rows }, () => sequence(length)));
      return performance.now() - started;
    };
    // Each shape once untimed: a runtime's first run of a shape plans its memory.
    await time(2, 32);
    const small = await time(2, 32);
    await time(2, 128);
    const large = await time(2, 128);
    const perTokenMs = Math.max((large - small) / (2 * 128 - 2 * 32), 0.001);
    const fixedMs = Math.max(small - perTokenMs * 64, 0.5);
    this.runCost = {
      fixedMs: roundToGrid(fixedMs),
      perTokenMs: roundToGrid(perTokenMs),
    };
  }

  async unload(): Promise<void> {
    await this.model.dispose();
  }

  /** One padded batch through the model: its main output and the attention mask. */
  private async forward(tokens: readonly (readonly number[])[]) {
    const { Tensor } = this.transformers;
    const rows = tokens.length;
    const length = Math.max(1, ...tokens.map((list) => list.length));
    const pad = BigInt((this.tokenizer.pad_token_id as number | undefined) ?? 0);
    const separator = this.tokenizer.sep_token_id as number | undefined;
    const ids = new BigInt64Array(rows * length).fill(pad);
    const mask = new BigInt64Array(rows * length);
    const types = new BigInt64Array(rows * length);
    tokens.forEach((list, row) => {
      let segment = 0n;
      list.forEach((id, position) => {
        ids[row * length + position] = BigInt(id);
        mask[row * length + position] = 1n;
        types[row * length + position] = segment;
        // BERT-style pairs: the second text (after the first separator) is segment 1.
        if (id === separator) segment = 1n;
      });
    });
    const inputs: Record<string, Tensor> = {
      input_ids: new Tensor('int64', ids, [rows, length]),
      attention_mask: new Tensor('int64', mask, [rows, length]),
    };
    const inputNames = (
      this.model as unknown as { sessions?: Record<string, { inputNames?: string[] }> }
    ).sessions?.model?.inputNames;
    if (!inputNames || inputNames.includes('token_type_ids')) {
      inputs.token_type_ids = new Tensor('int64', types, [rows, length]);
    }
    const outputs = (await this.model(inputs)) as Record<string, Tensor>;
    const output = (outputs.logits ??
      outputs.last_hidden_state ??
      Object.values(outputs)[0]) as Tensor;
    return { output, mask, length };
  }

  private encode(text: string, pair: string | undefined, maxTokens: number): TokenizedText {
    const limit = Math.max(2, Math.min(maxTokens, this.maxTokens));
    const budget = limit * charactersPerToken;
    const clipped = text.length > budget ? text.slice(0, budget) : text;
    const clippedPair = pair !== undefined && pair.length > budget ? pair.slice(0, budget) : pair;
    const ids = this.tokenizer.encode(clipped, {
      ...(clippedPair !== undefined ? { text_pair: clippedPair } : {}),
    });
    if (ids.length <= limit) {
      return { tokens: ids, truncated: clipped !== text || clippedPair !== pair };
    }
    // Keep the closing special token (`[SEP]`, `</s>`) the model expects at the end.
    const last = ids.at(-1) as number;
    const closes = (this.tokenizer.all_special_ids as number[]).includes(last);
    return {
      tokens: closes ? [...ids.slice(0, limit - 1), last] : ids.slice(0, limit),
      truncated: true,
    };
  }

  private pieceOf(id: number): string {
    if (!this.pieces) {
      const pieces: string[] = [];
      const vocabulary = this.tokenizer.get_vocab() as Map<string, number> | Record<string, number>;
      const entries = vocabulary instanceof Map ? vocabulary.entries() : Object.entries(vocabulary);
      for (const [piece, index] of entries) {
        pieces[index] = piece;
      }
      this.pieces = pieces;
    }
    return this.pieces[id] ?? '';
  }
}

function softmax(values: Float32Array): Float32Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) max = Math.max(max, value);
  const result = new Float32Array(values.length);
  let sum = 0;
  values.forEach((value, index) => {
    const exponent = Math.exp(value - max);
    result[index] = exponent;
    sum += exponent;
  });
  for (let index = 0; index < result.length; index += 1)
    result[index] = (result[index] as number) / sum;
  return result;
}

/** Rounds to the nearest of 2^(k/4) (within 10 %), so small timing noise changes nothing. */
function roundToGrid(value: number): number {
  return 2 ** (Math.round(4 * Math.log2(value)) / 4);
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}
