import type { LanguageModelV3GenerateResult, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { MockLanguageModelV3, convertArrayToReadableStream } from 'ai/test';
import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { escalate } from './escalate.js';
import { type EscalationDecision, createEscalationPolicy } from './escalation-policy.js';

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

function answering(modelId: string, text: string): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    modelId,
    doGenerate: async (): Promise<LanguageModelV3GenerateResult> => ({
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
      providerMetadata: { [modelId]: { own: true } },
    }),
    doStream: async () => ({
      stream: convertArrayToReadableStream<LanguageModelV3StreamPart>([
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 'a' },
        { type: 'text-delta', id: 'a', delta: text.slice(0, 9) },
        { type: 'text-delta', id: 'a', delta: text.slice(9) },
        { type: 'text-end', id: 'a' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
      ]),
    }),
  });
}

function setup(options: { chromeAI?: boolean } = {}) {
  const device = answering('device', 'from the device');
  const remote = answering('remote', 'Hello [PERSON_1], done.');
  const chromeAI = options.chromeAI ? answering('chrome', 'from chrome') : undefined;
  const decisions: EscalationDecision[] = [];
  const model = escalate({
    device,
    remote,
    chromeAI,
    policy: createEscalationPolicy({ maxDevicePromptLength: 40, deviceTasks: ['chat', 'triage'] }),
    onDecision: (decision) => decisions.push(decision),
  });
  return { device, remote, chromeAI, model, decisions };
}

const long = 'My name is Maria Lopez and I need help with a very long question.';

describe('escalate', () => {
  it('answers a short chat on the device, with the decision as provider metadata', async () => {
    const { model, remote, decisions } = setup();
    expect(model).toMatchObject({
      specificationVersion: 'v3',
      provider: 'ondevice',
      modelId: 'escalate(device, remote)',
    });
    const result = await generateText({ model, prompt: 'Hi there' });
    expect(result.text).toBe('from the device');
    expect(result.providerMetadata).toEqual({
      device: { own: true },
      ondevice: { answeredBy: 'device', reason: 'short-prompt', confidence: null },
    });
    expect(decisions).toEqual([{ answeredBy: 'device', reason: 'short-prompt', confidence: null }]);
    expect(remote.doGenerateCalls).toEqual([]);
  });

  it('sends a long prompt to the remote model redacted, and restores the answer', async () => {
    const { model, remote, device } = setup();
    const result = await generateText({ model, prompt: long });
    expect(JSON.stringify(remote.doGenerateCalls[0]?.prompt)).toContain(
      'My name is [PERSON_1] and I need help',
    );
    expect(result.text).toBe('Hello Maria Lopez, done.');
    expect(result.providerMetadata?.ondevice).toEqual({
      answeredBy: 'remote',
      reason: 'long-prompt',
      confidence: null,
    });
    expect(device.doGenerateCalls).toEqual([]);
  });

  it('prefers Chrome’s built-in model when available; it sees the prompt as it is', async () => {
    const { model, chromeAI, remote } = setup({ chromeAI: true });
    const result = await generateText({ model, prompt: long });
    expect(result.text).toBe('from chrome');
    expect(JSON.stringify(chromeAI?.doGenerateCalls[0]?.prompt)).toContain('Maria Lopez');
    expect(result.providerMetadata?.ondevice).toMatchObject({ answeredBy: 'chrome-ai' });
    expect(remote.doGenerateCalls).toEqual([]);
  });

  it('takes task and confidence from providerOptions.ondevice', async () => {
    const { model } = setup();
    const confident = await generateText({
      model,
      prompt: long,
      providerOptions: { ondevice: { task: 'triage', confidence: 0.9 } },
    });
    expect(confident.providerMetadata?.ondevice).toEqual({
      answeredBy: 'device',
      reason: 'confident',
      confidence: 0.9,
    });
    const unsure = await generateText({
      model,
      prompt: 'Hi',
      providerOptions: { ondevice: { task: 'triage', confidence: 0.2 } },
    });
    expect(unsure.providerMetadata?.ondevice).toMatchObject({
      answeredBy: 'remote',
      reason: 'not-confident',
    });
    const other = await generateText({
      model,
      prompt: 'Hi',
      providerOptions: { ondevice: { task: 'translate' } },
    });
    expect(other.providerMetadata?.ondevice).toMatchObject({ reason: 'not-a-device-task' });
    await expect(
      generateText({ model, prompt: 'Hi', providerOptions: { ondevice: { confidence: 7 } } }),
    ).rejects.toSatisfy((error) => InvalidInputError.isInstance(error));
  });

  it('streams from the chosen model with the decision on text start and finish', async () => {
    const { model } = setup();
    const result = streamText({ model, prompt: long });
    const starts: unknown[] = [];
    for await (const part of result.fullStream) {
      if (part.type === 'text-start') starts.push(part.providerMetadata?.ondevice);
    }
    const decision = { answeredBy: 'remote', reason: 'long-prompt', confidence: null };
    expect(await result.text).toBe('Hello Maria Lopez, done.');
    expect(starts).toEqual([decision]);
    expect((await result.providerMetadata)?.ondevice).toEqual(decision);
  });

  describe('with a generationThreshold, a device generation is checked before it is returned', () => {
    function checking(probability: number) {
      const device = new MockLanguageModelV3({
        modelId: 'device',
        doGenerate: async (): Promise<LanguageModelV3GenerateResult> => ({
          content: [{ type: 'text', text: 'a device draft' }],
          finishReason: { unified: 'stop', raw: 'eos' },
          usage,
          warnings: [],
          providerMetadata: { ondevice: { meanTokenLogProbability: Math.log(probability) } },
        }),
      });
      const remote = answering('remote', 'Hello [PERSON_1], done.');
      const decisions: EscalationDecision[] = [];
      const model = escalate({
        device,
        remote,
        policy: createEscalationPolicy({ generationThreshold: 0.5 }),
        onDecision: (decision) => decisions.push(decision),
      });
      return { device, remote, model, decisions };
    }

    it('keeps a confident answer, with its confidence', async () => {
      const { model, remote, decisions } = checking(0.8);
      const result = await generateText({ model, prompt: 'Hi Maria Lopez' });
      expect(result.text).toBe('a device draft');
      expect(result.providerMetadata?.ondevice).toMatchObject({
        answeredBy: 'device',
        reason: 'confident',
      });
      expect(result.providerMetadata?.ondevice?.confidence).toBeCloseTo(0.8, 10);
      expect(decisions).toHaveLength(1);
      expect(remote.doGenerateCalls).toEqual([]);
    });

    it('drops an unsure answer and escalates, redacted', async () => {
      const { model, device, remote, decisions } = checking(0.3);
      const result = await generateText({ model, prompt: 'Hi, I am Maria Lopez' });
      expect(result.text).toBe('Hello Maria Lopez, done.');
      expect(result.providerMetadata?.ondevice).toMatchObject({
        answeredBy: 'remote',
        reason: 'not-confident',
      });
      expect(decisions.map((decision) => decision.reason)).toEqual(['not-confident']);
      expect(device.doGenerateCalls).toHaveLength(1);
      expect(JSON.stringify(remote.doGenerateCalls[0]?.prompt)).not.toContain('Maria');
    });

    it('streams the checked answer, or the remote stream when it escalates', async () => {
      const kept = checking(0.9);
      const stream = streamText({ model: kept.model, prompt: 'Hi' });
      expect(await stream.text).toBe('a device draft');
      expect((await stream.providerMetadata)?.ondevice).toMatchObject({ answeredBy: 'device' });

      const dropped = checking(0.1);
      const escalated = streamText({ model: dropped.model, prompt: 'Hi, I am Maria Lopez' });
      expect(await escalated.text).toBe('Hello Maria Lopez, done.');
      expect((await escalated.providerMetadata)?.ondevice).toMatchObject({
        answeredBy: 'remote',
        reason: 'not-confident',
      });
      expect(dropped.remote.doStreamCalls).toHaveLength(1);
      expect(dropped.device.doStreamCalls).toEqual([]);
    });
  });
});
