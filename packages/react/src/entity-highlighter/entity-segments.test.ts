import type { EntitySpan } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { entitySegments } from './entity-segments.js';
import { entityTypeName } from './entity-type-names.js';

const span = (type: string, start: number, end: number, text = ''): EntitySpan => ({
  type,
  text,
  start,
  end,
  score: 0.9,
});

describe('entitySegments', () => {
  it('splits the text around the spans, in order, joining back into the text', () => {
    const text = 'Alice Johnson works at Acme Corp in Paris.';
    const segments = entitySegments(text, [
      span('LOC', 36, 41),
      span('PER', 0, 13),
      span('ORG', 23, 32),
    ]);
    expect(segments.map((segment) => [segment.kind, segment.text])).toEqual([
      ['entity', 'Alice Johnson'],
      ['text', ' works at '],
      ['entity', 'Acme Corp'],
      ['text', ' in '],
      ['entity', 'Paris'],
      ['text', '.'],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });

  it('uses UTF-16 offsets (emoji and accents count as JavaScript does)', () => {
    const text = '😀 Zoë in Paris';
    const start = text.indexOf('Zoë');
    const segments = entitySegments(text, [span('PER', start, start + 3)]);
    expect(segments[1]).toMatchObject({ kind: 'entity', text: 'Zoë', start: 3 });
  });

  it('leaves out spans that do not fit: out of range, empty, overlapping', () => {
    const text = 'Bob met Mary';
    const segments = entitySegments(text, [
      span('PER', 0, 3),
      span('PER', 2, 6), // overlaps Bob
      span('PER', 8, 8), // empty
      span('PER', 8, 40), // past the end
      span('PER', -1, 2), // before the start
      span('PER', 8, 12),
    ]);
    expect(segments.map((segment) => [segment.kind, segment.text])).toEqual([
      ['entity', 'Bob'],
      ['text', ' met '],
      ['entity', 'Mary'],
    ]);
    expect(entitySegments('', [])).toEqual([]);
    expect(entitySegments('plain', [])).toEqual([{ kind: 'text', start: 0, text: 'plain' }]);
  });
});

describe('entityTypeName', () => {
  it('names the CoNLL types and keeps others as they are', () => {
    expect(['PER', 'ORG', 'LOC', 'MISC', 'DATE'].map(entityTypeName)).toEqual([
      'person',
      'organization',
      'location',
      'miscellaneous',
      'DATE',
    ]);
  });
});
