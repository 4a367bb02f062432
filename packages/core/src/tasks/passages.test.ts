import { describe, expect, it } from 'vitest';
import { splitIntoPassages } from './passages.js';

describe('splitIntoPassages', () => {
  it('keeps a short text whole, as it was', () => {
    expect(splitIntoPassages('  Great   product.  ')).toEqual(['  Great   product.  ']);
  });

  it('splits at sentence ends into passages of at most 80 words', () => {
    const sentence = `${'word '.repeat(29)}end.`; // 30 words
    const passages = splitIntoPassages(Array.from({ length: 5 }, () => sentence).join(' '));
    expect(passages).toHaveLength(3);
    for (const passage of passages) expect(passage.split(' ').length).toBeLessThanOrEqual(80);
    expect(passages.join(' ').split(' ')).toHaveLength(150);
  });

  it('cuts a sentence longer than a passage between words, and reads at most 16 passages of a huge text', () => {
    expect(splitIntoPassages('word '.repeat(200))).toHaveLength(3);
    const huge = 'Another sentence of the huge text. '.repeat(100_000);
    const passages = splitIntoPassages(huge);
    expect(passages).toHaveLength(16);
  });
});
