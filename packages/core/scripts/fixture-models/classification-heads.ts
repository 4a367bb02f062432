import { attribute, DataType, type GraphBuilder } from './onnx-graph.js';
import { scaledBound, type Random } from './random.js';

/**
 * BERT's sequence-classification head: the [CLS] position's hidden state through the pooler
 * (dense + tanh), then a dense layer to one logit per label. `classifierBound` sets the spread of
 * the random logits. Returns the [batch, labels] tensor's name.
 *
 * @example
 * const logits = addSequenceClassifier(graph, hidden, 32, 2, random, 0.1)
 */
export function addSequenceClassifier(
  graph: GraphBuilder,
  hiddenState: string,
  hiddenSize: number,
  labelCount: number,
  random: Random,
  classifierBound = scaledBound(hiddenSize),
): string {
  const first = graph.op('Gather', [hiddenState, graph.ints([0], [])], [attribute.int('axis', 1)]);
  const pooled = graph.op('Tanh', [
    graph.linear(
      first,
      'pooler.dense',
      [hiddenSize, hiddenSize],
      random.uniform(hiddenSize * hiddenSize, scaledBound(hiddenSize)),
      random.uniform(hiddenSize, 0.02),
    ),
  ]);
  return graph.linear(
    pooled,
    'classifier',
    [hiddenSize, labelCount],
    random.uniform(hiddenSize * labelCount, classifierBound),
    new Float32Array(labelCount),
  );
}

/**
 * The mean over unmasked tokens of a per-token lookup table: [batch, labels]. Lets a fixture react
 * to chosen words (a sentiment lexicon) however the random encoder beside it behaves.
 *
 * @example
 * const votes = addMaskedMeanLookup(graph, 'lexicon', inputIds, attentionMask, table, 2)
 */
export function addMaskedMeanLookup(
  graph: GraphBuilder,
  name: string,
  inputIds: string,
  attentionMask: string,
  table: Float32Array,
  columns: number,
): string {
  const rows = table.length / columns;
  const perToken = graph.op('Gather', [graph.table(name, [rows, columns], table), inputIds]);
  const mask = graph.op('Unsqueeze', [
    graph.op('Cast', [attentionMask], [attribute.int('to', DataType.float)]),
    graph.ints([2]),
  ]);
  const sumOver = (value: string): string =>
    graph.op('ReduceSum', [value, graph.ints([1])], [attribute.int('keepdims', 0)]);
  return graph.op('Div', [sumOver(graph.op('Mul', [perToken, mask])), sumOver(mask)]);
}

/**
 * A context-aware lookup tagger for BIO labels: each token's entity-type scores (a [vocab, types]
 * table, type 0 meaning "outside") and the previous token's, concatenated and mapped to logits by
 * `tagWeights` ([2·types, labels]). The previous token's scores come from shifting the lookups one
 * step along the sequence (Slice, then Pad with zeros at the front), so "alice john ##son" can be
 * B-PER, I-PER, I-PER while "john" alone is B-PER.
 *
 * @example
 * const logits = addBioLookupTagger(graph, inputIds, typeTable, 5, tagWeights, tagBias)
 */
export function addBioLookupTagger(
  graph: GraphBuilder,
  inputIds: string,
  typeTable: Float32Array,
  typeCount: number,
  tagWeights: Float32Array,
  tagBias: Float32Array,
): string {
  const rows = typeTable.length / typeCount;
  const current = graph.op('Gather', [
    graph.table('entity_types', [rows, typeCount], typeTable),
    inputIds,
  ]);
  const allButLast = graph.op('Slice', [
    current,
    graph.ints([0]),
    graph.ints([-1]),
    graph.ints([1]),
  ]);
  const previous = graph.op('Pad', [allButLast, graph.ints([0, 1, 0, 0, 0, 0])]);
  const features = graph.op('Concat', [current, previous], [attribute.int('axis', 2)]);
  return graph.linear(features, 'classifier', [2 * typeCount, tagBias.length], tagWeights, tagBias);
}
