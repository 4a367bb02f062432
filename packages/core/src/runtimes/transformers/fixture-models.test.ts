// The generated fixture models (packages/core/scripts/make-fixture-models.ts) loaded by the raw
// Transformers.js pipelines in Node: the contract other tests and the batching benchmark rely on.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoModel, AutoTokenizer, env, pipeline, type Tensor } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';

const fixturesRoot = fileURLToPath(new URL('../../../fixtures/models/', import.meta.url));
const names = ['tiny-encoder', 'tiny-sentiment', 'tiny-nli', 'tiny-ner'] as const;
const present = names.every((name) => existsSync(join(fixturesRoot, 'ondevice-fixtures', name)));
const reason = `skipped: ${fixturesRoot}ondevice-fixtures is missing; run \`npm run fixtures\``;
// Said out loud too: a skipped describe is easy to miss in the summary.
if (!present) console.warn(`fixture-models.test.ts ${reason}.`);
const id = (name: (typeof names)[number]) => `ondevice-fixtures/${name}`;
const nerSentence = 'Alice Johnson works at Acme Corp in Paris.';

function rows(tensor: Tensor): number[][] {
  return tensor.tolist() as number[][];
}

describe.skipIf(!present)(
  `fixture models with raw Transformers.js${present ? '' : ` (${reason})`}`,
  () => {
    beforeAll(() => {
      env.localModelPath = fixturesRoot;
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
    });

    it.each(names)(
      '%s: ondevice-files.json lists every other file with its size and sha256',
      async (name) => {
        const folder = join(fixturesRoot, 'ondevice-fixtures', name);
        const manifest = JSON.parse(
          await readFile(join(folder, 'ondevice-files.json'), 'utf8'),
        ) as {
          files: { path: string; bytes: number; sha256: string }[];
        };
        const entries = await readdir(folder, { recursive: true, withFileTypes: true });
        const onDisk = entries
          .filter((entry) => entry.isFile())
          .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
          .filter((path) => path !== 'ondevice-files.json')
          .sort();
        expect(manifest.files.map((file) => file.path)).toEqual(onDisk);
        expect(onDisk).toEqual(
          expect.arrayContaining(['onnx/model.onnx', 'onnx/model_quantized.onnx']),
        );
        for (const file of manifest.files) {
          const bytes = await readFile(join(folder, file.path));
          expect({
            path: file.path,
            bytes: bytes.byteLength,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          }).toEqual(file);
        }
      },
    );

    it('tokenizes with the shared WordPiece vocabulary: known words, word pieces, characters, [UNK]', async () => {
      const tokenizer = await AutoTokenizer.from_pretrained(id('tiny-ner'));
      expect(tokenizer.tokenize(nerSentence)).toEqual([
        'alice',
        'john',
        '##son',
        'works',
        'at',
        'acme',
        'corp',
        'in',
        'paris',
        '.',
      ]);
      // Accents stripped by the normaliser; unknown words spelled out; characters outside the vocabulary are [UNK].
      expect(tokenizer.tokenize('Brûlée 😀')).toEqual([
        'b',
        '##r',
        '##u',
        '##l',
        '##e',
        '##e',
        '[UNK]',
      ]);
      const encoded = tokenizer('The team won', { text_pair: 'This example is sports.' });
      const ids = (encoded.input_ids as Tensor).tolist() as bigint[][];
      const types = (encoded.token_type_ids as Tensor).tolist() as bigint[][];
      expect(tokenizer.decode(ids[0] ?? [])).toBe(
        '[CLS] the team won [SEP] this example is sports. [SEP]',
      );
      expect(types[0]?.map(Number)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    });

    it('tiny-encoder: mean-pooled, normalised embeddings of shape [2, 256]', async () => {
      const extractor = await pipeline('feature-extraction', id('tiny-encoder'));
      const texts = [
        'a short text',
        'a much longer text with many more words in it than the first',
      ];
      const output = await extractor(texts, { pooling: 'mean', normalize: true });
      expect(output.dims).toEqual([2, 256]);
      for (const row of rows(output)) {
        expect(row.every(Number.isFinite)).toBe(true);
        expect(Math.hypot(...row)).toBeCloseTo(1, 5);
      }
      // Padding must not leak into a short text's embedding: the attention mask is real.
      const alone =
        rows(await extractor(texts[0] as string, { pooling: 'mean', normalize: true }))[0] ?? [];
      const batched = rows(output)[0] ?? [];
      expect(
        Math.max(...alone.map((value, index) => Math.abs(value - (batched[index] ?? NaN)))),
      ).toBeLessThan(1e-4);
      expect(rows(output)[0]).not.toEqual(rows(output)[1]);
    });

    it('tiny-encoder: pipeline mean pooling equals the mean of last_hidden_state from the model', async () => {
      const text = 'the refund for my billing problem';
      const extractor = await pipeline('feature-extraction', id('tiny-encoder'));
      const pooled = rows(await extractor(text, { pooling: 'mean' }))[0] ?? [];
      const tokenizer = await AutoTokenizer.from_pretrained(id('tiny-encoder'));
      const model = await AutoModel.from_pretrained(id('tiny-encoder'));
      const { last_hidden_state: hidden } = (await model(tokenizer(text))) as {
        last_hidden_state: Tensor;
      };
      const [batch, length, size] = hidden.dims;
      expect([batch, size]).toEqual([1, 256]);
      const tokens = (hidden.tolist() as number[][][])[0] ?? [];
      const mean = Array.from(
        { length: size ?? 0 },
        (_, k) => tokens.reduce((sum, token) => sum + (token[k] ?? NaN), 0) / (length ?? 1),
      );
      expect(
        Math.max(...mean.map((value, k) => Math.abs(value - (pooled[k] ?? NaN)))),
      ).toBeLessThan(1e-5);
    });

    it.each(['fp32', 'q8'] as const)(
      'tiny-sentiment (%s): lexicon words decide the label',
      async (dtype) => {
        const classifier = await pipeline('text-classification', id('tiny-sentiment'), { dtype });
        expect(await classifier('I love this great movie')).toEqual([
          { label: 'POSITIVE', score: expect.any(Number) },
        ]);
        expect(await classifier('The food was awful and I hate it')).toEqual([
          { label: 'NEGATIVE', score: expect.any(Number) },
        ]);
      },
    );

    it('tiny-nli: zero-shot classification scores every label, summing to 1', async () => {
      const classifier = await pipeline('zero-shot-classification', id('tiny-nli'));
      const output = await classifier('The team won the match', ['sports', 'politics']);
      expect([...output.labels].sort()).toEqual(['politics', 'sports']);
      expect((output.scores[0] ?? 0) + (output.scores[1] ?? 0)).toBeCloseTo(1, 6);
      expect(output.scores[0]).not.toBe(output.scores[1]);
    });

    it.each(['fp32', 'q8'] as const)(
      'tiny-ner (%s): BIO labels on the known entity word pieces',
      async (dtype) => {
        const tagger = await pipeline('token-classification', id('tiny-ner'), { dtype });
        const tokens = await tagger(nerSentence);
        expect(tokens.map(({ word, entity, index }) => [word, entity, index])).toEqual([
          ['alice', 'B-PER', 1],
          ['john', 'I-PER', 2],
          ['##son', 'I-PER', 3],
          ['acme', 'B-ORG', 6],
          ['corp', 'I-ORG', 7],
          ['paris', 'B-LOC', 9],
        ]);
        const groups = await tagger(nerSentence, { aggregation_strategy: 'simple' });
        expect(groups.map(({ word, entity_group }) => [word, entity_group])).toEqual([
          ['alice johnson', 'PER'],
          ['acme corp', 'ORG'],
          ['paris', 'LOC'],
        ]);
        // Context matters: an entity word after an unrelated word starts a new span.
        expect((await tagger('I met John')).map(({ word, entity }) => [word, entity])).toEqual([
          ['john', 'B-PER'],
        ]);
      },
    );
  },
);
