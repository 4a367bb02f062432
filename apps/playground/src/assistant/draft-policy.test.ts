import { createEscalationPolicy } from '@ondevice/ai-sdk';
import { describe, expect, it } from 'vitest';
import { decideDraft, describeDecision, draftPolicy, percent } from './draft-policy.js';

describe('the assistant policy', () => {
  it('lets the device answer a template reply from 75 % confidence, and escalates under it', () => {
    expect(draftPolicy.threshold).toBe(0.75);
    expect(decideDraft({ freeForm: false, confidence: 0.75 })).toEqual({
      answeredBy: 'device',
      reason: 'confident',
      confidence: 0.75,
    });
    expect(decideDraft({ freeForm: false, confidence: 0.749 })).toEqual({
      answeredBy: 'remote',
      reason: 'not-confident',
      confidence: 0.749,
    });
  });

  it('sends a free-form draft to the larger model however confident the intent is', () => {
    expect(decideDraft({ freeForm: true, confidence: 0.99 })).toMatchObject({
      answeredBy: 'remote',
      reason: 'not-a-device-task',
    });
  });

  it('describes each decision with the confidence and the threshold', () => {
    expect(describeDecision(decideDraft({ freeForm: false, confidence: 0.921 }))).toBe(
      "Confident: the intent classifier is 92 % sure, at or over the policy's 75 %.",
    );
    expect(describeDecision(decideDraft({ freeForm: false, confidence: 0.385 }))).toBe(
      "Not confident: the intent classifier is 38 % sure, under the policy's 75 %.",
    );
    expect(describeDecision(decideDraft({ freeForm: true, confidence: 0.9 }))).toBe(
      'A free-form draft: the policy leaves writing to a larger model.',
    );
    const strict = createEscalationPolicy({ threshold: 0.9, deviceTasks: ['template-reply'] });
    expect(
      describeDecision(decideDraft({ freeForm: false, confidence: 0.8 }, strict), strict),
    ).toBe("Not confident: the intent classifier is 80 % sure, under the policy's 90 %.");
  });

  it('rounds percentages down, so a score under the threshold never reads as the threshold', () => {
    expect(percent(0.7499)).toBe('74 %');
    expect(percent(0.75)).toBe('75 %');
    expect(percent(0.29)).toBe('29 %');
    expect(percent(1)).toBe('100 %');
  });
});
