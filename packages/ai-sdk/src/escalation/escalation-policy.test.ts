import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import {
  type EscalationDecision,
  type EscalationRequest,
  createEscalationPolicy,
  decideEscalation,
} from './escalation-policy.js';

const policy = createEscalationPolicy({
  threshold: 0.8,
  deviceTasks: ['chat', 'route-ticket'],
  maxDevicePromptLength: 100,
});
const withoutChromeAI = createEscalationPolicy({ ...policy, preferChromeAI: false });

describe('decideEscalation', () => {
  // Every branch, each once without and once with Chrome's model available.
  const table: [string, EscalationRequest, EscalationDecision][] = [
    [
      'a task the device does not answer escalates',
      { task: 'summarize', confidence: 0.99 },
      { answeredBy: 'remote', reason: 'not-a-device-task', confidence: 0.99 },
    ],
    [
      '… to Chrome’s model when it is available',
      { task: 'summarize', chromeAIAvailable: true },
      { answeredBy: 'chrome-ai', reason: 'not-a-device-task', confidence: null },
    ],
    [
      'a confidence at the threshold stays on the device',
      { task: 'route-ticket', confidence: 0.8, promptLength: 10_000 },
      { answeredBy: 'device', reason: 'confident', confidence: 0.8 },
    ],
    [
      'a confidence just under it escalates',
      { task: 'route-ticket', confidence: 0.79 },
      { answeredBy: 'remote', reason: 'not-confident', confidence: 0.79 },
    ],
    [
      '… to Chrome’s model when it is available',
      { task: 'route-ticket', confidence: 0, chromeAIAvailable: true },
      { answeredBy: 'chrome-ai', reason: 'not-confident', confidence: 0 },
    ],
    [
      'generation (no confidence) with a prompt of the maximum length stays',
      { task: 'chat', promptLength: 100, chromeAIAvailable: true },
      { answeredBy: 'device', reason: 'short-prompt', confidence: null },
    ],
    [
      'a null confidence is no confidence',
      { task: 'chat', confidence: null },
      { answeredBy: 'device', reason: 'short-prompt', confidence: null },
    ],
    [
      'one character longer escalates',
      { task: 'chat', promptLength: 101 },
      { answeredBy: 'remote', reason: 'long-prompt', confidence: null },
    ],
    [
      '… to Chrome’s model when it is available',
      { task: 'chat', promptLength: 101, chromeAIAvailable: true },
      { answeredBy: 'chrome-ai', reason: 'long-prompt', confidence: null },
    ],
  ];

  it.each(table)('%s', (_, request, expected) => {
    expect(decideEscalation(policy, request)).toEqual(expected);
    expect(policy.decide(request)).toEqual(expected);
  });

  it('escalates to the remote model, not Chrome’s, when the policy does not prefer it', () => {
    for (const [, request, expected] of table) {
      const answeredBy = expected.answeredBy === 'chrome-ai' ? 'remote' : expected.answeredBy;
      expect(withoutChromeAI.decide(request)).toEqual({ ...expected, answeredBy });
    }
  });

  it('checks a device generation against generationThreshold, a classifier score against threshold', () => {
    const checking = createEscalationPolicy({ ...policy, generationThreshold: 0.4 });
    const rows: [EscalationRequest, EscalationDecision][] = [
      [
        { task: 'chat', confidence: 0.4, source: 'generation' },
        { answeredBy: 'device', reason: 'confident', confidence: 0.4 },
      ],
      [
        { task: 'chat', confidence: 0.39, source: 'generation', chromeAIAvailable: true },
        { answeredBy: 'chrome-ai', reason: 'not-confident', confidence: 0.39 },
      ],
      [
        { task: 'chat', confidence: 0.39, source: 'generation' },
        { answeredBy: 'remote', reason: 'not-confident', confidence: 0.39 },
      ],
      // The same score from a classifier is held to `threshold` (0.8).
      [
        { task: 'chat', confidence: 0.5 },
        { answeredBy: 'remote', reason: 'not-confident', confidence: 0.5 },
      ],
      // Before the generation is made there is no confidence: the prompt decides.
      [{ task: 'chat' }, { answeredBy: 'device', reason: 'short-prompt', confidence: null }],
      [
        { task: 'summarize', confidence: 0.99, source: 'generation' },
        { answeredBy: 'remote', reason: 'not-a-device-task', confidence: 0.99 },
      ],
    ];
    for (const [request, expected] of rows) expect(checking.decide(request)).toEqual(expected);
  });

  it('rejects malformed requests with InvalidInputError naming the field', () => {
    const bad: [EscalationRequest, string][] = [
      [{ task: 'chat', confidence: 0.5, source: 'generation' }, 'source'],
      [{ task: 'chat', source: 'guess' as never }, 'source'],
      [{ task: '' }, 'task'],
      [{ task: 'chat', confidence: 1.5 }, 'confidence'],
      [{ task: 'chat', confidence: Number.NaN }, 'confidence'],
      [{ task: 'chat', promptLength: -1 }, 'promptLength'],
    ];
    for (const [request, parameter] of bad) {
      const error = (() => {
        try {
          return policy.decide(request);
        } catch (error) {
          return error;
        }
      })();
      expect(InvalidInputError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ parameter });
    }
  });
});

describe('createEscalationPolicy', () => {
  it('has documented defaults and is frozen', () => {
    const defaults = createEscalationPolicy();
    expect({ ...defaults, decide: undefined }).toEqual({
      threshold: 0.7,
      deviceTasks: ['chat', 'classify'],
      maxDevicePromptLength: 2000,
      preferChromeAI: true,
      generationThreshold: null,
      decide: undefined,
    });
    expect(Object.isFrozen(defaults)).toBe(true);
    expect(defaults.decide({ task: 'classify', confidence: 0.7 }).answeredBy).toBe('device');
    expect(defaults.decide({ task: 'chat', promptLength: 2001 }).answeredBy).toBe('remote');
  });

  it.each([
    [{ threshold: 2 }, 'threshold'],
    [{ deviceTasks: [''] }, 'deviceTasks'],
    [{ maxDevicePromptLength: -5 }, 'maxDevicePromptLength'],
    [{ generationThreshold: 1.5 }, 'generationThreshold'],
  ])('rejects %j', (options, parameter) => {
    expect(() => createEscalationPolicy(options)).toThrow(InvalidInputError);
    expect(() => createEscalationPolicy(options)).toThrow(new RegExp(parameter));
  });
});
