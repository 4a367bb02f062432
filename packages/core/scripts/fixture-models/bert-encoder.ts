import { attribute, DataType, type GraphBuilder } from './onnx-graph.js';
import { scaledBound, type Random } from './random.js';

/**
 * The sizes of a BERT encoder, named as in its `config.json` (so they spread straight into it).
 *
 * @example
 * const config = { model_type: 'bert', ...size }
 */
export interface EncoderSize {
  vocab_size: number;
  hidden_size: number;
  num_attention_heads: number;
  num_hidden_layers: number;
  intermediate_size: number;
  max_position_embeddings: number;
  type_vocab_size: number;
}

/**
 * The names of the three inputs every fixture declares, as BERT exports name them.
 *
 * @example
 * graph.op('Gather', [table, inputs.inputIds])
 */
export interface BertInputs {
  inputIds: string;
  attentionMask: string;
  tokenTypeIds: string;
}

/** The float32 epsilon BERT checkpoints use in every LayerNorm. */
const layerNormEpsilon = 1e-12;
/** The additive mask for padded keys; large enough that softmax gives them ~0 weight. */
const maskedScore = -10000;

/**
 * Declares `input_ids`, `attention_mask` and `token_type_ids`: int64 [batch_size, sequence_length].
 *
 * @example
 * const inputs = addBertInputs(graph)
 */
export function addBertInputs(graph: GraphBuilder): BertInputs {
  const dims = ['batch_size', 'sequence_length'];
  return {
    inputIds: graph.input('input_ids', DataType.int64, dims),
    attentionMask: graph.input('attention_mask', DataType.int64, dims),
    tokenTypeIds: graph.input('token_type_ids', DataType.int64, dims),
  };
}

/**
 * A real BERT encoder with random weights: token + position (Range over the sequence axis) +
 * token-type embeddings, then per layer multi-head self-attention with the additive padding mask,
 * residual + LayerNorm, an Erf-based GELU feed-forward block, residual + LayerNorm. Its cost grows
 * with the padded sequence length as a trained model's does, which the batching benchmark needs.
 * Returns the name of the [batch, sequence, hidden] output.
 *
 * @example
 * const hidden = addBertEncoder(graph, addBertInputs(graph), size, createRandom(1))
 */
export function addBertEncoder(
  graph: GraphBuilder,
  inputs: BertInputs,
  size: EncoderSize,
  random: Random,
  outputName?: string,
): string {
  const hidden = size.hidden_size;
  const embeddingTable = (name: string, rows: number): string =>
    graph.table(name, [rows, hidden], random.uniform(rows * hidden, 1));
  const words = graph.op('Gather', [
    embeddingTable('embeddings.word_embeddings.weight', size.vocab_size),
    inputs.inputIds,
  ]);
  // Position ids 0…S-1 from the input's own length, so one graph serves every sequence length.
  const lengthVector = graph.op(
    'Shape',
    [inputs.inputIds],
    [attribute.int('start', 1), attribute.int('end', 2)],
  );
  const length = graph.op('Squeeze', [lengthVector, graph.ints([0])]);
  const positionIds = graph.op('Range', [graph.ints([0], []), length, graph.ints([1], [])]);
  const positions = graph.op('Gather', [
    embeddingTable('embeddings.position_embeddings.weight', size.max_position_embeddings),
    positionIds,
  ]);
  const types = graph.op('Gather', [
    embeddingTable('embeddings.token_type_embeddings.weight', size.type_vocab_size),
    inputs.tokenTypeIds,
  ]);
  const summed = graph.op('Add', [graph.op('Add', [words, positions]), types]);
  let state = layerNorm(graph, summed, 'embeddings.LayerNorm', hidden);

  // [batch, seq] of 0/1 → [batch, 1, 1, seq] of 0 / -10000, added to every head's scores.
  const maskFloat = graph.op('Cast', [inputs.attentionMask], [attribute.int('to', DataType.float)]);
  const padding = graph.op('Sub', [graph.scalar(1), maskFloat]);
  const maskBias = graph.op('Unsqueeze', [
    graph.op('Mul', [padding, graph.scalar(maskedScore)]),
    graph.ints([1, 2]),
  ]);

  for (let layer = 0; layer < size.num_hidden_layers; layer += 1) {
    const isLast = layer === size.num_hidden_layers - 1;
    state = addLayer(
      graph,
      state,
      maskBias,
      `encoder.layer.${layer}`,
      size,
      random,
      isLast ? outputName : undefined,
    );
  }
  if (size.num_hidden_layers === 0 && outputName !== undefined) {
    return graph.op('Identity', [state], [], outputName);
  }
  return state;
}

function addLayer(
  graph: GraphBuilder,
  input: string,
  maskBias: string,
  prefix: string,
  size: EncoderSize,
  random: Random,
  outputName: string | undefined,
): string {
  const hidden = size.hidden_size;
  const heads = size.num_attention_heads;
  const headSize = hidden / heads;
  const dense = (value: string, name: string, inFeatures: number, outFeatures: number): string =>
    graph.linear(
      value,
      name,
      [inFeatures, outFeatures],
      random.uniform(inFeatures * outFeatures, scaledBound(inFeatures)),
      random.uniform(outFeatures, 0.02),
    );
  const splitHeads = (value: string, perm: number[]): string =>
    graph.op(
      'Transpose',
      [graph.op('Reshape', [value, graph.ints([0, 0, heads, headSize])])],
      [attribute.ints('perm', perm)],
    );

  // [batch, heads, seq, head] for queries and values; keys pre-transposed to [batch, heads, head, seq].
  const query = splitHeads(
    dense(input, `${prefix}.attention.self.query`, hidden, hidden),
    [0, 2, 1, 3],
  );
  const key = splitHeads(
    dense(input, `${prefix}.attention.self.key`, hidden, hidden),
    [0, 2, 3, 1],
  );
  const value = splitHeads(
    dense(input, `${prefix}.attention.self.value`, hidden, hidden),
    [0, 2, 1, 3],
  );
  const scores = graph.op('Mul', [
    graph.op('MatMul', [query, key]),
    graph.scalar(1 / Math.sqrt(headSize)),
  ]);
  const weights = graph.op(
    'Softmax',
    [graph.op('Add', [scores, maskBias])],
    [attribute.int('axis', -1)],
  );
  const context = graph.op('Reshape', [
    graph.op(
      'Transpose',
      [graph.op('MatMul', [weights, value])],
      [attribute.ints('perm', [0, 2, 1, 3])],
    ),
    graph.ints([0, 0, hidden]),
  ]);
  const attended = dense(context, `${prefix}.attention.output.dense`, hidden, hidden);
  const afterAttention = layerNorm(
    graph,
    graph.op('Add', [input, attended]),
    `${prefix}.attention.output.LayerNorm`,
    hidden,
  );

  const expanded = dense(
    afterAttention,
    `${prefix}.intermediate.dense`,
    hidden,
    size.intermediate_size,
  );
  const activated = gelu(graph, expanded);
  const projected = dense(activated, `${prefix}.output.dense`, size.intermediate_size, hidden);
  return layerNorm(
    graph,
    graph.op('Add', [afterAttention, projected]),
    `${prefix}.output.LayerNorm`,
    hidden,
    outputName,
  );
}

/** Exact GELU as BERT defines it: x · ½ · (1 + erf(x / √2)). */
function gelu(graph: GraphBuilder, input: string): string {
  const erf = graph.op('Erf', [graph.op('Mul', [input, graph.scalar(Math.SQRT1_2)])]);
  return graph.op('Mul', [
    graph.op('Mul', [input, graph.scalar(0.5)]),
    graph.op('Add', [erf, graph.scalar(1)]),
  ]);
}

/** LayerNormalization over the last axis with unit scale and zero shift (BERT's initialisation). */
function layerNorm(
  graph: GraphBuilder,
  input: string,
  name: string,
  hidden: number,
  outputName?: string,
): string {
  const scale = graph.float(`${name}.weight`, [hidden], new Float32Array(hidden).fill(1));
  const shift = graph.float(`${name}.bias`, [hidden], new Float32Array(hidden));
  return graph.op(
    'LayerNormalization',
    [input, scale, shift],
    [attribute.int('axis', -1), attribute.float('epsilon', layerNormEpsilon)],
    outputName,
  );
}
