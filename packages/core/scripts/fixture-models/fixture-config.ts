import type { EncoderSize } from './bert-encoder.js';
import { GraphBuilder, type Precision } from './onnx-graph.js';
import { createRandom, type Random } from './random.js';
import { modelMaxLength } from './tokenizer-files.js';
import { vocabulary } from './vocabulary.js';

/**
 * One fixture model: its folder name, `config.json`, ONNX graph and any extra JSON files.
 *
 * @example
 * const fixture: FixtureDefinition = { name: 'tiny', config: bertConfig('BertModel', size), graph: graphOf(1, build) }
 */
export interface FixtureDefinition {
  name: string;
  config: Record<string, unknown>;
  /** The serialised graph; the same weights at either precision (the seed is fixed per model). */
  graph(precision: Precision): Uint8Array;
  /** Further JSON files by path relative to the model folder (sentence-transformers metadata). */
  extraFiles?: Record<string, unknown>;
}

/**
 * The dynamic axes of every token-level tensor, named as Transformers.js exports name them.
 *
 * @example
 * graph.output('logits', DataType.float, [...sequenceDims, 9])
 */
export const sequenceDims = ['batch_size', 'sequence_length'] as const;

/**
 * The sizes of a fixture encoder over the shared vocabulary, 512 positions and 2 token types.
 *
 * @example
 * encoderSize({ hidden: 256, heads: 4, layers: 2, intermediate: 1024 }).vocab_size // 543
 */
export function encoderSize(sizes: {
  hidden: number;
  heads: number;
  layers: number;
  intermediate: number;
}): EncoderSize {
  return {
    vocab_size: vocabulary.length,
    hidden_size: sizes.hidden,
    num_attention_heads: sizes.heads,
    num_hidden_layers: sizes.layers,
    intermediate_size: sizes.intermediate,
    max_position_embeddings: modelMaxLength,
    type_vocab_size: 2,
  };
}

/**
 * A BERT `config.json`: architecture, sizes, labels (`id2label` / `label2id`) when given, and an
 * `ondevice_fixture` note so nobody mistakes the file for a trained model.
 *
 * @example
 * bertConfig('BertForSequenceClassification', size, { labels: ['NEGATIVE', 'POSITIVE'] })
 */
export function bertConfig(
  architecture: string,
  size: EncoderSize,
  options: { labels?: readonly string[]; weights?: string } = {},
): Record<string, unknown> {
  const { labels, weights = 'random (seeded): a test fixture, not a trained model' } = options;
  return {
    architectures: [architecture],
    model_type: 'bert',
    attention_probs_dropout_prob: 0.1,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    ...size,
    initializer_range: 0.02,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
    position_embedding_type: 'absolute',
    ...(labels && {
      id2label: Object.fromEntries(labels.map((label, id) => [String(id), label])),
      label2id: Object.fromEntries(labels.map((label, id) => [label, id])),
    }),
    ondevice_fixture: { generated_by: 'packages/core/scripts/make-fixture-models.ts', weights },
  };
}

/**
 * Wraps a graph description as {@link FixtureDefinition.graph}: every call starts a fresh
 * generator from `seed`, so the fp32 and q8 files hold the same weights.
 *
 * @example
 * const graph = graphOf(1, (builder, random) => addBertEncoder(builder, addBertInputs(builder), size, random))
 */
export function graphOf(
  seed: number,
  build: (graph: GraphBuilder, random: Random) => void,
): (precision: Precision) => Uint8Array {
  return (precision) => {
    const graph = new GraphBuilder(precision);
    build(graph, createRandom(seed));
    return graph.encode('main_graph');
  };
}
