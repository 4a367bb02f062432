// The provider on a real model in Node: stories260K from ../shared (onnxruntime-node, no worker).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type UIMessageChunk, generateText, streamText } from 'ai';
import { MockLanguageModelV3, convertReadableStreamToArray } from 'ai/test';
import { AbortError, InvalidInputError, createClient } from '@ondevice/core';
import { afterAll, describe, expect, it } from 'vitest';
import { OnDeviceChatTransport, createEscalationPolicy, escalate, ondevice } from '../index.js';

const stories = fileURLToPath(
  new URL('../../../../../shared/models/converted/llama2.c-stories260K', import.meta.url),
);
const haveStories = existsSync(join(stories, 'onnx/model.onnx'));
if (!haveStories) {
  console.warn(`Skipping the real-model AI SDK tests: ${stories} is absent (../shared/models).`);
}

/** The greedy continuation of 'Once upon a time' (60 tokens) recorded in shared/models/SOURCES.md. */
const onceUponATime =
  ', there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily';

describe.skipIf(!haveStories)('ondevice provider on stories260K (Node)', () => {
  const client = createClient({ worker: false });
  const model = ondevice(client).languageModel(stories, { promptFormat: 'text' });
  afterAll(() => client.dispose());

  it('generateText gives the exact greedy text of SOURCES.md, with usage and finish reason', async () => {
    const result = await generateText({ model, prompt: 'Once upon a time', maxOutputTokens: 60 });
    expect(result.text).toBe(onceUponATime);
    expect(result.finishReason).toBe('length');
    expect(result.usage).toMatchObject({ inputTokens: 5, outputTokens: 60, totalTokens: 65 });
    // The model's own confidence in its greedy text (core's transformers-runtime test checks it
    // against onnxruntime-node alone).
    expect(result.providerMetadata?.ondevice?.meanTokenLogProbability).toBeCloseTo(-0.4192, 4);
  });

  it('escalate() with a generationThreshold keeps the story over it and escalates under it', async () => {
    const remote = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [{ type: 'text', text: 'from the remote model' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 1, text: 1, reasoning: undefined },
        },
        warnings: [],
      }),
    });
    const at = (generationThreshold: number) =>
      generateText({
        model: escalate({
          device: model,
          remote,
          policy: createEscalationPolicy({ generationThreshold }),
        }),
        prompt: 'Once upon a time',
        maxOutputTokens: 60,
      });
    // Greedy stories260K: geometric-mean token probability exp(-0.4192) = 0.658.
    const kept = await at(0.65);
    expect(kept.text).toBe(onceUponATime);
    expect(kept.providerMetadata?.ondevice).toMatchObject({
      answeredBy: 'device',
      reason: 'confident',
    });
    expect(kept.providerMetadata?.ondevice?.confidence).toBeCloseTo(0.6576, 3);
    expect(remote.doGenerateCalls).toEqual([]);
    const escalated = await at(0.66);
    expect(escalated.text).toBe('from the remote model');
    expect(escalated.providerMetadata?.ondevice).toMatchObject({
      answeredBy: 'remote',
      reason: 'not-confident',
    });
    expect(remote.doGenerateCalls).toHaveLength(1);
  });

  it('streamText streams the same text in several deltas, and stops on a stop sequence', async () => {
    const result = streamText({ model, prompt: 'Once upon a time', maxOutputTokens: 60 });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe(onceUponATime);
    expect(deltas[0]).toBe(',');
    expect(deltas.length).toBeGreaterThan(1);
    expect(await result.finishReason).toBe('length');

    const stopped = await generateText({
      model,
      prompt: 'Once upon a time',
      maxOutputTokens: 60,
      stopSequences: ['Lily.'],
    });
    expect(stopped.text).toBe(', there was a little girl named ');
    expect({ unified: stopped.finishReason, raw: stopped.rawFinishReason }).toEqual({
      unified: 'stop',
      raw: 'stop',
    });
  });

  it('an abort mid-stream stops the generation with AbortError; the next call works', async () => {
    const controller = new AbortController();
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Once upon a time' }] }],
      maxOutputTokens: 400,
      abortSignal: controller.signal,
    });
    const seen: string[] = [];
    const reader = stream.getReader();
    const error = await (async () => {
      for (;;) {
        const { value: part, done } = await reader.read();
        if (done) return undefined;
        if (part.type === 'text-delta') seen.push(part.delta);
        if (seen.length === 3) controller.abort();
      }
    })().catch((error: unknown) => error);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(seen.length).toBeLessThan(400);

    const viaStreamText = streamText({
      model,
      prompt: 'Once upon a time',
      maxOutputTokens: 400,
      abortSignal: AbortSignal.abort(),
    });
    await expect(viaStreamText.text).rejects.toMatchObject({ name: 'AbortError' });
    const next = await generateText({ model, prompt: 'Once upon a time', maxOutputTokens: 60 });
    expect(next.text).toBe(onceUponATime);
  });

  it('a chat prompt to this model (no chat template) says to use promptFormat text', async () => {
    const chat = ondevice(client).languageModel(stories);
    const error = await generateText({ model: chat, prompt: 'Hi' }).catch(
      (error: unknown) => error,
    );
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/no chat template[\s\S]*promptFormat: 'text'/);
  });

  it('a chat transport over escalate() streams the story as UI message chunks, decided on the device', async () => {
    const remote = new MockLanguageModelV3();
    const transport = new OnDeviceChatTransport({
      model: escalate({ device: model, remote }),
      settings: { maxOutputTokens: 60 },
    });
    const stream = await transport.sendMessages({
      trigger: 'submit-message',
      chatId: 'c',
      messageId: undefined,
      messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'Once upon a time' }] }],
      abortSignal: undefined,
    });
    const chunks: UIMessageChunk[] = await convertReadableStreamToArray(stream);
    const text = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : []));
    expect(text.join('')).toBe(onceUponATime);
    expect(chunks.find((chunk) => chunk.type === 'message-metadata')).toEqual({
      type: 'message-metadata',
      messageMetadata: { answeredBy: 'device', reason: 'short-prompt', confidence: null },
    });
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', finishReason: 'length' });
    expect(remote.doStreamCalls).toEqual([]);
  });
});
