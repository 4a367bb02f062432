import { describe, expect, it } from 'vitest';
import { alignTokens } from './token-offsets.js';

const special = new Set(['[CLS]', '[SEP]']);
const slices = (text: string, pieces: string[]) =>
  alignTokens(text, pieces, special).map(([start, end]) => text.slice(start, end));

describe('alignTokens', () => {
  it('maps word pieces back to the original characters, accents included', () => {
    expect(
      slices('Brûlée Alice', ['[CLS]', 'b', '##r', '##u', '##l', '##e', '##e', 'alice']),
    ).toEqual(['', 'B', 'r', 'û', 'l', 'é', 'e', 'Alice']);
  });

  it('counts UTF-16 units: text after an emoji keeps its offsets', () => {
    const text = '😀 Alice Johnson works';
    expect(slices(text, ['[CLS]', '[UNK]', 'alice', 'john', '##son', 'works', '[SEP]'])).toEqual([
      '',
      '😀',
      'Alice',
      'John',
      'son',
      'works',
      '',
    ]);
  });
});
