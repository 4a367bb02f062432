// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { textsEqual } from './texts-equal.js';
import { parseSentences } from './parse-sentences.js';
import { similarityColors } from './similarity-colors.js';
import { truncateLabel } from './truncate-label.js';

describe('sentence and label helpers', () => {
  it('parses one sentence per line, trimmed, without blank lines', () => {
    expect(parseSentences('  A cat. \r\n\n\tA kitten.\n  \n')).toEqual(['A cat.', 'A kitten.']);
    expect(parseSentences('')).toEqual([]);
  });

  it('truncates by code point with an ellipsis, leaving short labels alone', () => {
    expect(truncateLabel('How do I reset my password?', 12)).toBe('How do I re…');
    expect(truncateLabel('Short', 12)).toBe('Short');
    expect(truncateLabel('Emoji 😀😀😀 here', 8)).toBe('Emoji 😀…');
    expect(truncateLabel('A long word', 6)).toBe('A lon…');
    expect(truncateLabel('Ends in space here', 5)).toBe('Ends…');
  });

  it('compares texts by content', () => {
    expect(textsEqual(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(textsEqual(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(textsEqual(['a'], ['a', 'a'])).toBe(false);
  });

  it('darkens with similarity and keeps text readable', () => {
    const lightness = (value: number) =>
      Number(/(\d+)%\)$/.exec(similarityColors(value).background)?.[1]);
    expect(lightness(0)).toBe(98);
    expect(lightness(1)).toBe(62);
    expect(lightness(0.5)).toBeLessThan(lightness(0.2));
    expect(similarityColors(-0.5).background).toMatch(/^hsl\(25 /);
    expect(similarityColors(0.5).background).toMatch(/^hsl\(210 /);
    expect(lightness(Number.NaN)).toBe(98);
    expect(lightness(2)).toBe(62);
  });
});
