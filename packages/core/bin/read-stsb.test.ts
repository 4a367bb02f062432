import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { parseStsb } from './read-stsb.js';

const row = (score: string, a: string, b: string, ...extra: string[]) =>
  ['main-captions', 'MSRvid', '2012test', '0001', score, a, b, ...extra].join('\t');

describe('parseStsb', () => {
  it('reads score from column 5 and sentences from columns 6 and 7, ignoring extra fields', () => {
    const text = [
      row('5.000', 'A man is dancing.', 'A man dances.'),
      row('0.5', '"Quoted', 'text"', 'source note', 'another'),
      '',
    ].join('\n');
    expect(parseStsb(text)).toEqual([
      { score: 5, sentence1: 'A man is dancing.', sentence2: 'A man dances.' },
      { score: 0.5, sentence1: '"Quoted', sentence2: 'text"' },
    ]);
  });

  it('accepts CRLF line ends', () => {
    expect(parseStsb(`${row('1', 'a', 'b')}\r\n${row('2', 'c', 'd')}\r\n`)).toHaveLength(2);
  });

  it('names the line of a row with too few fields or a bad score', () => {
    expect(() => parseStsb(`${row('1', 'a', 'b')}\nonly\ttwo\n`, 'x.csv')).toThrow(
      /x\.csv, line 2: expected at least 7/,
    );
    expect(() => parseStsb(`${row('1', 'a', 'b')}\n${row('high', 'a', 'b')}`)).toThrow(
      InvalidInputError,
    );
  });

  it('needs at least two pairs', () => {
    expect(() => parseStsb(row('1', 'a', 'b'))).toThrow(/at least 2/);
  });
});
