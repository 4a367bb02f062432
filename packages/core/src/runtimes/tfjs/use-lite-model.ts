import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { ModelManifest } from '../../models/model-manifest.js';
import type { BackendName } from '../backend-name.js';
import type { ModelFiles, RuntimeModel, TokenizedText } from '../runtime.js';
import type { Tfjs } from './tfjs-modules.js';
import { UseTokenizer } from './use-tokenizer.js';

/**
 * Tokens of a text USE-lite reads: its graph pools over the first 128 (a longer text embeds
 * exactly as its first 128 tokens do, checked by a test).
 */
const useLiteMaxTokens = 128;

interface GraphModelJson {
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: unknown[] }[];
}

const decoder = new TextDecoder();

/**
 * Universal Sentence Encoder lite on an in-memory graph model: SentencePiece tokenisation, then
 * one sparse batch through the graph. Files come already verified from the engine.
 *
 * @example
 * const model = await UseLiteModel.create(tfjs, files, manifest, tokenizer, 'wasm')
 * const vectors = await model.run(model.tokenize(['Hello world']))
 */
export class UseLiteModel implements RuntimeModel {
  readonly task = 'text-embedding';
  private constructor(
    private readonly runtime: Tfjs,
    private readonly model: GraphModel,
    private readonly tokenizer: UseTokenizer,
    readonly dimensions: number,
    readonly backend: BackendName,
  ) {}

  /** Parses the vocabulary once; it is shared by every backend the model is loaded on. */
  static createTokenizer(files: ModelFiles, manifest: ModelManifest): UseTokenizer {
    const vocabulary = JSON.parse(decoder.decode(fileOf(files, manifest, 'vocabulary')[0])) as [
      string,
      number | null,
    ][];
    return new UseTokenizer(vocabulary);
  }

  /** Builds the graph model on the active backend, `backend`. */
  static async create(
    runtime: Tfjs,
    files: ModelFiles,
    manifest: ModelManifest,
    tokenizer: UseTokenizer,
    backend: BackendName,
  ): Promise<UseLiteModel> {
    const graph = JSON.parse(decoder.decode(fileOf(files, manifest, 'graph')[0])) as GraphModelJson;
    const byName = new Map(manifest.files.map((file) => [file.path.split('/').pop(), file.path]));
    const shards = graph.weightsManifest.flatMap((group) =>
      group.paths.map((name) => files.get(byName.get(name) ?? '') ?? new Uint8Array()),
    );
    const weightData = concatenate(shards);
    const model = await runtime.converter.loadGraphModel(
      runtime.tf.io.fromMemory({
        modelTopology: graph.modelTopology as object,
        weightSpecs: graph.weightsManifest.flatMap((group) => group.weights) as never,
        weightData,
      }),
    );
    return new UseLiteModel(runtime, model, tokenizer, manifest.dimensions ?? 512, backend);
  }

  readonly maxTokens = useLiteMaxTokens;

  /** SentencePiece token ids of each text, at most `maxTokens`. */
  tokenize(texts: readonly string[], maxTokens: number): TokenizedText[] {
    const limit = Math.max(1, Math.min(maxTokens, this.maxTokens));
    return texts.map((text) => {
      const encoded = this.tokenizer.encode(text, limit);
      // An empty text has no tokens, which would shrink the sparse batch: embed it as a space.
      return encoded.tokens.length > 0 ? encoded : this.tokenizer.encode(' ', limit);
    });
  }

  /** Runs tokenised texts through the graph as one sparse batch. */
  async run(encoded: readonly (readonly number[])[]): Promise<Float32Array> {
    const { tf } = this.runtime;
    const count = encoded.reduce((sum, tokens) => sum + tokens.length, 0);
    const indices = new Int32Array(count * 2);
    const values = new Int32Array(count);
    let position = 0;
    encoded.forEach((tokens, row) => {
      tokens.forEach((token, column) => {
        indices[position * 2] = row;
        indices[position * 2 + 1] = column;
        values[position] = token;
        position += 1;
      });
    });
    const inputs = {
      indices: tf.tensor2d(indices, [count, 2], 'int32'),
      values: tf.tensor1d(values, 'int32'),
    };
    try {
      const output = (await this.model.executeAsync(inputs)) as Tensor;
      try {
        return (await output.data()) as Float32Array;
      } finally {
        output.dispose();
      }
    } finally {
      inputs.indices.dispose();
      inputs.values.dispose();
    }
  }

  unload(): void {
    this.model.dispose();
  }
}

function fileOf(files: ModelFiles, manifest: ModelManifest, role: string): Uint8Array[] {
  return manifest.files
    .filter((file) => file.role === role)
    .map((file) => files.get(file.path) ?? new Uint8Array());
}

function concatenate(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined.buffer;
}
