import { addBertEncoder, addBertInputs } from './bert-encoder.js';
import {
  addBioLookupTagger,
  addMaskedMeanLookup,
  addSequenceClassifier,
} from './classification-heads.js';
import {
  bertConfig,
  encoderSize,
  graphOf,
  sequenceDims,
  type FixtureDefinition,
} from './fixture-config.js';
import { DataType } from './onnx-graph.js';
import { tokenId, vocabulary } from './vocabulary.js';

const encoder = encoderSize({ hidden: 256, heads: 4, layers: 2, intermediate: 1024 });
const tinyEncoder: FixtureDefinition = {
  name: 'tiny-encoder',
  config: bertConfig('BertModel', encoder),
  graph: graphOf(1, (graph, random) => {
    addBertEncoder(graph, addBertInputs(graph), encoder, random, 'last_hidden_state');
    graph.output('last_hidden_state', DataType.float, [...sequenceDims, encoder.hidden_size]);
  }),
  extraFiles: {
    'modules.json': [
      { idx: 0, name: '0', path: '', type: 'sentence_transformers.models.Transformer' },
      { idx: 1, name: '1', path: '1_Pooling', type: 'sentence_transformers.models.Pooling' },
      // As in all-MiniLM-L6-v2: vectors of unit length, so dot product is cosine similarity.
      { idx: 2, name: '2', path: '2_Normalize', type: 'sentence_transformers.models.Normalize' },
    ],
    '1_Pooling/config.json': {
      word_embedding_dimension: encoder.hidden_size,
      pooling_mode_cls_token: false,
      pooling_mode_mean_tokens: true,
      pooling_mode_max_tokens: false,
      pooling_mode_mean_sqrt_len_tokens: false,
      pooling_mode_weightedmean_tokens: false,
      pooling_mode_lasttoken: false,
      include_prompt: true,
    },
  },
};

const classifier = encoderSize({ hidden: 32, heads: 2, layers: 1, intermediate: 128 });
const sentimentLabels = ['NEGATIVE', 'POSITIVE'] as const;
/** Lexicon weight: a vote of ±1 per word, averaged over the tokens, times this. */
const lexiconStrength = 8;
const sentimentWords = {
  POSITIVE: [
    'great',
    'love',
    'loved',
    'good',
    'better',
    'best',
    'nice',
    'excellent',
    'amazing',
    'wonderful',
    'happy',
  ],
  NEGATIVE: [
    'awful',
    'hate',
    'hated',
    'bad',
    'terrible',
    'horrible',
    'worst',
    'poor',
    'boring',
    'sad',
    'angry',
  ],
};
const tinySentiment: FixtureDefinition = {
  name: 'tiny-sentiment',
  config: bertConfig('BertForSequenceClassification', classifier, { labels: sentimentLabels }),
  graph: graphOf(2, (graph, random) => {
    const inputs = addBertInputs(graph);
    const hidden = addBertEncoder(graph, inputs, classifier, random);
    // The random encoder only adds small noise (classifier weights ≤ 0.1); the lexicon decides.
    const encoderLogits = addSequenceClassifier(
      graph,
      hidden,
      classifier.hidden_size,
      2,
      random,
      0.1,
    );
    const lexicon = new Float32Array(vocabulary.length * 2);
    for (const word of sentimentWords.POSITIVE) lexicon.set([-1, 1], tokenId(word) * 2);
    for (const word of sentimentWords.NEGATIVE) lexicon.set([1, -1], tokenId(word) * 2);
    const votes = addMaskedMeanLookup(
      graph,
      'lexicon',
      inputs.inputIds,
      inputs.attentionMask,
      lexicon,
      2,
    );
    const weighted = graph.op('Mul', [votes, graph.scalar(lexiconStrength)]);
    graph.op('Add', [encoderLogits, weighted], [], 'logits');
    graph.output('logits', DataType.float, ['batch_size', sentimentLabels.length]);
  }),
};

const nliLabels = ['entailment', 'neutral', 'contradiction'] as const;
const tinyNli: FixtureDefinition = {
  name: 'tiny-nli',
  config: bertConfig('BertForSequenceClassification', classifier, { labels: nliLabels }),
  graph: graphOf(3, (graph, random) => {
    const inputs = addBertInputs(graph);
    const hidden = addBertEncoder(graph, inputs, classifier, random);
    const logits = addSequenceClassifier(
      graph,
      hidden,
      classifier.hidden_size,
      nliLabels.length,
      random,
    );
    graph.op('Identity', [logits], [], 'logits');
    graph.output('logits', DataType.float, ['batch_size', nliLabels.length]);
  }),
};

const entityTypes = ['O', 'PER', 'ORG', 'LOC', 'MISC'] as const;
const nerLabels = [
  'O',
  'B-PER',
  'I-PER',
  'B-ORG',
  'I-ORG',
  'B-LOC',
  'I-LOC',
  'B-MISC',
  'I-MISC',
] as const;
const entityWords: Record<Exclude<(typeof entityTypes)[number], 'O'>, string[]> = {
  PER: ['alice', 'john', '##son', 'bob', 'mary'],
  ORG: ['acme', 'corp', 'google', 'microsoft'],
  LOC: ['paris', 'london', 'berlin'],
  MISC: ['english', 'french', 'german'],
};
/** Random type scores of non-entity tokens stay within ±this, well below the margins below. */
const nerNoise = 0.1;
const tinyNer: FixtureDefinition = {
  name: 'tiny-ner',
  config: bertConfig(
    'BertForTokenClassification',
    encoderSize({ hidden: entityTypes.length, heads: 1, layers: 0, intermediate: 0 }),
    {
      labels: nerLabels,
      weights: 'a lookup tagger (entity-type table + previous token), not a trained model',
    },
  ),
  graph: graphOf(4, (graph, random) => {
    const types = entityTypes.length;
    // Every token "outside" (1) with noise on the entity types, except the listed entity words.
    const table = random.uniform(vocabulary.length * types, nerNoise);
    for (let row = 0; row < vocabulary.length; row += 1) table[row * types] = 1;
    entityTypes.forEach((type, typeIndex) => {
      if (type === 'O') return;
      for (const word of entityWords[type]) {
        table.set(
          entityTypes.map((_, column) => (column === typeIndex ? 1 : 0)),
          tokenId(word) * types,
        );
      }
    });
    // logit(O) = 4·cur(O); logit(B-X) = 4·cur(X) − 2·prev(X); logit(I-X) = 4·cur(X) + 2·prev(X) − 1:
    // an entity word is B- after anything else (4 vs 3) and I- after its own type (2 vs 5).
    const weights = new Float32Array(2 * types * nerLabels.length);
    const bias = new Float32Array(nerLabels.length);
    const set = (row: number, label: number, value: number) =>
      (weights[row * nerLabels.length + label] = value);
    set(0, 0, 4);
    for (let type = 1; type < types; type += 1) {
      const [begin, inside] = [2 * type - 1, 2 * type];
      set(type, begin, 4);
      set(type, inside, 4);
      set(types + type, begin, -2);
      set(types + type, inside, 2);
      bias[inside] = -1;
    }
    const inputs = addBertInputs(graph);
    const logits = addBioLookupTagger(graph, inputs.inputIds, table, types, weights, bias);
    graph.op('Identity', [logits], [], 'logits');
    graph.output('logits', DataType.float, [...sequenceDims, nerLabels.length]);
  }),
};

/**
 * The four fixtures, in the order the generator writes them.
 *
 * @example
 * for (const fixture of fixtureDefinitions) console.log(fixture.name)
 */
export const fixtureDefinitions: readonly FixtureDefinition[] = [
  tinyEncoder,
  tinySentiment,
  tinyNli,
  tinyNer,
];
