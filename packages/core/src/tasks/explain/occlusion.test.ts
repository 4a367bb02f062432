import { describe, expect, it } from 'vitest';
import { explanationFromScores, planOcclusion } from './occlusion.js';

describe('planOcclusion', () => {
  it('finds every word with its character span and leaves each out once', () => {
    const text = "Don't  stop, it's well-made!";
    const plan = planOcclusion(text);
    expect(plan.words.map((word) => word.text)).toEqual(["Don't", 'stop', "it's", 'well-made']);
    for (const word of plan.words) expect(text.slice(word.start, word.end)).toBe(word.text);
    expect(plan.variants).toEqual([
      "stop, it's well-made!",
      "Don't , it's well-made!",
      "Don't  stop, well-made!",
      "Don't  stop, it's !",
    ]);
  });

  it('leaves out runs of words when a text has more words than variants allowed', () => {
    const text = Array.from({ length: 10 }, (_, index) => `w${index}`).join(' ');
    const plan = planOcclusion(text, 4);
    expect(plan.variants).toHaveLength(4);
    expect(plan.groups.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const explanation = explanationFromScores({
      label: 'x',
      score: 1,
      plan,
      variantScores: [0.4, 1, 1, 1],
    });
    expect(explanation.spans).toHaveLength(10);
    expect(explanation.spans[0]?.weight).toBeCloseTo(0.2); // 0.6 shared by the 3 words of the run
  });

  it('gives no spans for a text without words', () => {
    expect(planOcclusion('  !? ').words).toEqual([]);
  });
});

describe('explanationFromScores', () => {
  it('weighs each word by the drop in score without it', () => {
    const plan = planOcclusion('not good');
    const explanation = explanationFromScores({
      label: 'negative',
      score: 0.9,
      plan,
      variantScores: [0.2, 0.95],
    });
    expect(explanation).toMatchObject({ label: 'negative', score: 0.9, method: 'occlusion' });
    expect(explanation.spans.map((span) => [span.text, Number(span.weight.toFixed(2))])).toEqual([
      ['not', 0.7],
      ['good', -0.05],
    ]);
  });
});
