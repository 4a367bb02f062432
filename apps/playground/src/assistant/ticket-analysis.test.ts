import { describe, expect, it } from 'vitest';
import { type TicketAnalysis, describeAnalysis } from './ticket-analysis.js';

const analysis = (intent: Partial<TicketAnalysis['intent']>): TicketAnalysis => ({
  intent: {
    label: 'feature-request',
    labels: [{ id: 'feature-request', score: 0.9 }],
    confidence: 0.9,
    source: 'zero-shot',
    ...intent,
  },
  sentiment: { label: 'negative', score: 0.954 },
});

describe('describeAnalysis', () => {
  it('gives the intent with its confidence and source, then the sentiment', () => {
    expect(describeAnalysis(analysis({}))).toBe(
      'Intent: feature request (90 % sure, zero-shot from the intent descriptions)\nSentiment: negative (95 %)',
    );
    expect(describeAnalysis(analysis({ source: 'taught' }))).toContain(
      '(90 % sure, from what you taught)',
    );
  });

  it("names an unsure prediction's best guess", () => {
    expect(describeAnalysis(analysis({ label: null, confidence: 0.385 }))).toMatch(
      /^Intent: unsure, best guess feature request \(38 % sure/,
    );
  });
});
