import { describe, expect, it } from 'vitest';
import { alignTokens } from '../../runtimes/transformers/token-offsets.js';
import { groupEntities } from './group-entities.js';

const labels = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
const token = (start: number, end: number, label: string, score = 0.9) => {
  const probabilities = new Float32Array(labels.length).fill((1 - score) / (labels.length - 1));
  probabilities[labels.indexOf(label)] = score;
  return { start, end, probabilities };
};

describe('groupEntities', () => {
  it('joins I- words to the span before and starts a new span at B-', () => {
    const text = 'Ann Lee Bob';
    const spans = groupEntities(text, labels, [
      token(0, 3, 'B-PER'),
      token(4, 7, 'I-PER'),
      token(8, 11, 'B-PER'),
    ]);
    expect(spans.map((span) => span.text)).toEqual(['Ann Lee', 'Bob']);
  });

  it('labels a word by its first piece; punctuation after a word stands alone', () => {
    const text = 'Johnson.';
    const spans = groupEntities(text, labels, [
      token(0, 4, 'B-PER', 0.8),
      token(4, 7, 'O', 0.6),
      token(7, 8, 'O'),
    ]);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ type: 'PER', text: 'Johnson', start: 0, end: 7 });
    // The second piece scores the first piece's label, not its own.
    expect(spans[0]?.score).toBeCloseTo((0.8 + 0.1) / 2, 5);
  });

  it('skips special tokens, drops spans under minScore, accepts bare and BIOES labels', () => {
    const bare = ['O', 'PER', 'S-LOC'];
    const p = (values: number[]) => Float32Array.from(values);
    const spans = groupEntities(
      'Ann in Rome',
      bare,
      [
        { start: -1, end: -1, probabilities: p([0, 1, 0]) },
        { start: 0, end: 3, probabilities: p([0.1, 0.9, 0]) },
        { start: 4, end: 6, probabilities: p([1, 0, 0]) },
        { start: 7, end: 11, probabilities: p([0.6, 0, 0.4]) },
      ],
      0.5,
    );
    expect(spans.map((span) => span.text)).toEqual(['Ann']);
  });
});

describe('alignTokens', () => {
  const special = new Set(['[CLS]', '[SEP]', '[UNK]']);
  it('maps WordPiece pieces back to the original characters, accents and case included', () => {
    const text = 'Élise  JOHNSON!';
    const offsets = alignTokens(text, ['[CLS]', 'elise', 'john', '##son', '!', '[SEP]'], special);
    expect(offsets).toEqual([
      [-1, -1],
      [0, 5],
      [7, 11],
      [11, 14],
      [14, 15],
      [-1, -1],
    ]);
  });

  it('gives an unknown token the characters between its neighbours', () => {
    const text = 'a ☃ b';
    expect(alignTokens(text, ['a', '[UNK]', 'b'], new Set(['[CLS]', '[SEP]']))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });

  it('reads SentencePiece and byte-level markers', () => {
    expect(alignTokens('Hello world', ['▁Hello', '▁world'], special)).toEqual([
      [0, 5],
      [6, 11],
    ]);
    expect(alignTokens('Hello world', ['Hello', 'Ġworld'], special)).toEqual([
      [0, 5],
      [6, 11],
    ]);
  });
});
