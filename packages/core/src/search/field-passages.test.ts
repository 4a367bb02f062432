import { describe, expect, it } from 'vitest';
import { fieldPassages } from './field-passages.js';

describe('fieldPassages', () => {
  it('keeps a short text as one passage without its outer blanks, and blank text as none', () => {
    expect(fieldPassages('  Reset your password.  ')).toEqual([{ start: 2, end: 22 }]);
    expect(fieldPassages(' \n ')).toEqual([]);
  });

  it('splits a long text at sentence ends, covering every word once', () => {
    const sentence = (n: number) => `Sentence ${n} has exactly six words.`;
    const text = Array.from({ length: 40 }, (_, n) => sentence(n)).join(' ');
    const passages = fieldPassages(text, 20);
    for (const passage of passages) {
      const piece = text.slice(passage.start, passage.end);
      expect(piece.split(/\s+/).length).toBeLessThanOrEqual(20);
      expect(piece.endsWith('.')).toBe(true);
    }
    const joined = passages.map((passage) => text.slice(passage.start, passage.end)).join(' ');
    expect(joined).toBe(text);
  });

  it('cuts a sentence longer than a passage between words, and stops at the passage cap', () => {
    const text = Array.from({ length: 100 }, (_, n) => `w${n}`).join(' ');
    const passages = fieldPassages(text, 30, 2);
    expect(passages).toHaveLength(2);
    expect(text.slice(passages[0]!.start, passages[0]!.end).split(' ')).toHaveLength(30);
    expect(text.slice(passages[1]!.start, passages[1]!.end).startsWith('w30 ')).toBe(true);
  });
});
