import { describe, expect, it } from 'vitest';
import { formatWeight } from '../format/format-weight.js';
import { attributionSegments } from './attribution-segments.js';
import { summarizeExplanation } from './summarize-explanation.js';

const text = 'Export is broken, thanks anyway.';
const span = (word: string, weight: number) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length, text: word, weight };
};
const spans = [
  span('Export', 0.02),
  span('is', 0.001),
  span('broken', 0.3),
  span('thanks', -0.12),
  span('anyway', 0.05),
];

describe('attributionSegments', () => {
  it('covers the whole text, scaling weights against the strongest span', () => {
    const segments = attributionSegments(text, spans);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    const broken = segments.find((segment) => segment.text === 'broken');
    expect(broken).toMatchObject({ sign: 'positive', strength: 1, level: 'strong' });
    const thanks = segments.find((segment) => segment.text === 'thanks');
    expect(thanks).toMatchObject({ sign: 'negative', level: 'medium' });
    expect(thanks?.strength).toBeCloseTo(0.4);
    // Under 15 % of the strongest weight: not highlighted.
    expect(segments.find((segment) => segment.text === 'Export')?.sign).toBe('neutral');
    expect(segments.find((segment) => segment.text === ', ')?.weight).toBe(0);
  });

  it('skips overlapping and out-of-range spans and survives all-zero weights', () => {
    const segments = attributionSegments('abc def', [
      { start: 0, end: 3, text: 'abc', weight: 0 },
      { start: 2, end: 5, text: 'c d', weight: 1 },
      { start: 4, end: 99, text: 'def', weight: 1 },
    ]);
    expect(segments.map((segment) => [segment.text, segment.sign])).toEqual([
      ['abc', 'neutral'],
      [' def', 'neutral'],
    ]);
  });
});

describe('summarizeExplanation', () => {
  it('lists the strongest words each way', () => {
    const summary = summarizeExplanation({ spans }, 2);
    expect(summary.supporting.map((item) => item.text)).toEqual(['broken', 'anyway']);
    expect(summary.opposing.map((item) => item.text)).toEqual(['thanks']);
  });

  it('formats weights with a sign and a real minus', () => {
    expect(formatWeight(0.213)).toBe('+0.21');
    expect(formatWeight(-0.048)).toBe('−0.05');
    expect(formatWeight(-0.001)).toBe('+0.00');
  });
});
