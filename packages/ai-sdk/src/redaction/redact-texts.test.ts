import { describe, expect, it } from 'vitest';
import { redactTexts } from './redact-texts.js';

describe('redactTexts', () => {
  it('gives each text’s entities, those masked again by value included, and allowed ones', async () => {
    const text =
      'Priya Raman wrote from priya@quayside.example about invoice 4471. Reply to Priya Raman.';
    const { texts, entities } = await redactTexts([text], { EMAIL: 'allow' });
    expect(texts).toEqual([
      '[PERSON_1] wrote from priya@quayside.example about invoice 4471. Reply to [PERSON_1].',
    ]);
    expect(entities[0]).toEqual([
      { start: 0, end: 11, type: 'PERSON', placeholder: '[PERSON_1]' },
      { start: 23, end: 45, type: 'EMAIL' },
      { start: 75, end: 86, type: 'PERSON', placeholder: '[PERSON_1]' },
    ]);
    for (const entity of entities[0] ?? []) {
      expect(text.slice(entity.start, entity.end)).toMatch(
        /^(Priya Raman|priya@quayside\.example)$/,
      );
    }
  });

  it('never loops on an empty text, and numbers placeholders across texts', async () => {
    const { texts, entities } = await redactTexts([
      '',
      'Mail jane@example.com',
      'jane@example.com?',
    ]);
    expect(texts).toEqual(['', 'Mail [EMAIL_1]', '[EMAIL_1]?']);
    expect(entities.map((list) => list.length)).toEqual([0, 1, 1]);
  });
});
