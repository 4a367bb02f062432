import type { TeachablePrediction } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { suggestTags } from './suggest-tags.js';

const prediction = (scores: Record<string, number>, unsure = false): TeachablePrediction => {
  const labels = Object.entries(scores)
    .map(([id, score]) => ({ id, score }))
    .sort((left, right) => right.score - left.score);
  return {
    labels,
    label: unsure ? null : (labels[0]?.id ?? null),
    confidence: labels[0]?.score ?? 0,
    unsure,
    source: 'zero-shot',
  };
};

const base = { text: 'charged twice', dismissed: [], maxSuggestions: 2, minConfidence: 0.25 };
const taught = (label: string, text = 'charged twice') => ({
  text,
  label,
  taughtAt: '2025-01-01T00:00:00.000Z',
});

describe('suggestTags', () => {
  it('suggests the best label, and the runner-up only when confident enough', () => {
    const weak = suggestTags({
      ...base,
      prediction: prediction({ billing: 0.7, login: 0.2, bug: 0.1 }),
      examples: [],
    });
    expect(weak.map((tag) => [tag.label, tag.state])).toEqual([['billing', 'suggested']]);
    const strong = suggestTags({
      ...base,
      prediction: prediction({ billing: 0.5, login: 0.4, bug: 0.1 }),
      examples: [],
    });
    expect(strong.map((tag) => tag.label)).toEqual(['billing', 'login']);
    expect(strong[1]?.confidence).toBe(0.4);
  });

  it('shows the label taught for exactly this text as accepted, first', () => {
    const tags = suggestTags({
      ...base,
      prediction: prediction({ billing: 0.5, login: 0.45, bug: 0.05 }),
      examples: [taught('login'), taught('bug', 'another text')],
    });
    expect(tags.map((tag) => [tag.label, tag.state])).toEqual([
      ['login', 'accepted'],
      ['billing', 'suggested'],
    ]);
    expect(tags[0]?.confidence).toBe(0.45);
  });

  it('skips dismissed labels and still suggests the best remaining one, marked unsure', () => {
    const tags = suggestTags({
      ...base,
      dismissed: ['billing'],
      prediction: prediction({ billing: 0.4, login: 0.15, bug: 0.1 }, true),
      examples: [],
    });
    expect(tags).toEqual([{ label: 'login', state: 'suggested', confidence: 0.15, unsure: true }]);
  });

  it('shows accepted tags without a prediction yet', () => {
    const tags = suggestTags({ ...base, prediction: undefined, examples: [taught('billing')] });
    expect(tags).toEqual([
      { label: 'billing', state: 'accepted', confidence: undefined, unsure: false },
    ]);
  });
});
