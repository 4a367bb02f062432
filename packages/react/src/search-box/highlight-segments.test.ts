import { describe, expect, it } from 'vitest';
import { highlightSegments, snippetOf } from './highlight-segments.js';

const mark = (field: string, start: number, end: number, text = '') => ({
  field,
  start,
  end,
  text,
});

describe('highlightSegments', () => {
  it('cuts the text into plain and matching pieces of one field', () => {
    expect(
      highlightSegments(
        'Refund a payment',
        [mark('title', 9, 16), mark('body', 0, 3), mark('title', 0, 6)],
        'title',
      ),
    ).toEqual([
      { kind: 'match', text: 'Refund', start: 0 },
      { kind: 'text', text: ' a ', start: 6 },
      { kind: 'match', text: 'payment', start: 9 },
    ]);
  });

  it('merges overlapping matches and clips offsets outside the text', () => {
    expect(
      highlightSegments('two-factor', [mark('t', 0, 5), mark('t', 3, 40), mark('t', -2, 0)], 't'),
    ).toEqual([{ kind: 'match', text: 'two-factor', start: 0 }]);
    expect(highlightSegments('plain', [], 't')).toEqual([
      { kind: 'text', text: 'plain', start: 0 },
    ]);
  });
});

describe('snippetOf', () => {
  const body = `${'Routine settings such as names and colours. '.repeat(8)}To delete the workspace, open Danger zone.`;
  const start = body.indexOf('delete');

  it('keeps a short text whole', () => {
    expect(snippetOf('Short body', [mark('body', 0, 5)], 'body', { maxLength: 80 })).toEqual({
      text: 'Short body',
      highlights: [mark('body', 0, 5)],
      before: false,
      after: false,
    });
  });

  it('shows a window around the first match, at word boundaries, with moved highlights', () => {
    const snippet = snippetOf(body, [mark('body', start, start + 6, 'delete')], 'body', {
      maxLength: 60,
    });
    expect(snippet.before).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(60);
    expect(snippet.text).toContain('To delete the workspace');
    const [moved] = snippet.highlights;
    expect(snippet.text.slice(moved?.start, moved?.end)).toBe('delete');
  });

  it('starts at the anchor when the field has no match', () => {
    const snippet = snippetOf(body, [], 'body', { maxLength: 60, anchor: start });
    expect(snippet.text).toContain('delete');
    expect(snippet.highlights).toEqual([]);
  });
});
