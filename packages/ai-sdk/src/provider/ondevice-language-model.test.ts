import { NoSuchModelError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { convertReadableStreamToArray } from 'ai/test';
import { AbortError, InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { ondevice } from '../index.js';
import { fakeGeneratorClient } from './fake-generator-client.test.support.js';

const userSays = (text: string): LanguageModelV3Prompt => [
  { role: 'user', content: [{ type: 'text', text }] },
];

describe('ondevice() provider', () => {
  it('names models as core does, callable or through languageModel()', () => {
    const { client } = fakeGeneratorClient({ pieces: [] });
    const provider = ondevice(client, { promptFormat: 'text' });
    const model = provider.languageModel('onnx-community/Qwen2.5-0.5B-Instruct');
    expect(model).toMatchObject({
      specificationVersion: 'v3',
      provider: 'ondevice',
      modelId: 'onnx-community/Qwen2.5-0.5B-Instruct',
      supportedUrls: {},
    });
    expect(provider('./stories').modelId).toBe('./stories');
    expect(provider.specificationVersion).toBe('v3');
    expect(() => provider.embeddingModel('use-lite')).toThrow(NoSuchModelError);
    expect(() => provider.imageModel('x')).toThrow(/language models only/);
  });

  it('maps the prompt and call settings to core, and warns about the settings it ignores', async () => {
    const { client, calls } = fakeGeneratorClient({ pieces: ['Hello', ' there'] });
    const model = ondevice(client).languageModel('chat-model');
    const signal = new AbortController().signal;
    const result = await model.doGenerate({
      prompt: [
        { role: 'system', content: 'Be brief.' },
        ...userSays('Hi'),
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'hidden' },
            { type: 'text', text: 'Yes?' },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'One' },
            { type: 'text', text: 'Two' },
          ],
        },
      ],
      maxOutputTokens: 12,
      temperature: 0.5,
      topK: 7,
      stopSequences: ['\n'],
      abortSignal: signal,
      topP: 0.9,
      presencePenalty: 1,
      frequencyPenalty: 1,
      seed: 3,
      responseFormat: { type: 'json' },
      tools: [{ type: 'function', name: 'f', inputSchema: { type: 'object' } }],
    });
    expect(calls[0]).toEqual({
      model: 'chat-model',
      signal: expect.any(AbortSignal),
      input: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Yes?' },
        { role: 'user', content: 'One\nTwo' },
      ],
      options: { maxNewTokens: 12, temperature: 0.5, topK: 7, stop: ['\n'], signal },
    });
    expect(result.warnings.map((warning) => 'feature' in warning && warning.feature)).toEqual([
      'topP',
      'presencePenalty',
      'frequencyPenalty',
      'seed',
      'tools',
      'responseFormat',
    ]);
    expect(result.content).toEqual([{ type: 'text', text: 'Hello there' }]);
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'eos' });
    expect(result.usage).toEqual({
      inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 2, text: 2, reasoning: undefined },
    });
    expect(result.providerMetadata).toEqual({ ondevice: { meanTokenLogProbability: -0.5 } });
  });

  it('joins the texts into one prompt with promptFormat text', async () => {
    const { client, calls } = fakeGeneratorClient({ pieces: ['!'] });
    const model = ondevice(client).languageModel('base', { promptFormat: 'text' });
    await generateText({ model, system: 'A story.', prompt: 'Once upon a time' });
    expect(calls[0]?.input).toBe('A story.\n\nOnce upon a time');
  });

  it.each([
    ['eos', 'stop'],
    ['stop', 'stop'],
    ['length', 'length'],
  ] as const)('maps core finish reason %s to %s', async (raw, unified) => {
    const { client } = fakeGeneratorClient({ pieces: ['a'], finishReason: raw });
    const result = await generateText({ model: ondevice(client)('m'), prompt: 'x' });
    expect({ finishReason: result.finishReason, raw: result.rawFinishReason }).toEqual({
      finishReason: unified,
      raw,
    });
  });

  it('streams stream-start, text-start/delta/end with one id, and finish with usage', async () => {
    const { client } = fakeGeneratorClient({ pieces: ['Once', ' upon'], finishReason: 'length' });
    const { stream } = await ondevice(client)('m').doStream({ prompt: userSays('x'), topP: 1 });
    const parts = await convertReadableStreamToArray(stream);
    const id = parts.find((part) => part.type === 'text-start')?.id;
    expect(id).toEqual(expect.any(String));
    expect(parts).toEqual([
      { type: 'stream-start', warnings: [expect.objectContaining({ feature: 'topP' })] },
      { type: 'response-metadata', modelId: 'm' },
      { type: 'text-start', id },
      { type: 'text-delta', id, delta: 'Once' },
      { type: 'text-delta', id, delta: ' upon' },
      { type: 'text-end', id },
      {
        type: 'finish',
        finishReason: { unified: 'length', raw: 'length' },
        usage: expect.objectContaining({
          outputTokens: { total: 2, text: 2, reasoning: undefined },
        }),
        providerMetadata: { ondevice: { meanTokenLogProbability: -0.5 } },
      },
    ]);
  });

  it('stops the generation on abort mid-stream: streamText ends, the text rejects with AbortError', async () => {
    const { client, calls } = fakeGeneratorClient({ pieces: Array(50).fill('tok ') });
    const controller = new AbortController();
    const result = streamText({
      model: ondevice(client)('m'),
      prompt: 'x',
      abortSignal: controller.signal,
    });
    let deltas = 0;
    const types: string[] = [];
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === 'text-delta' && ++deltas === 3) controller.abort();
    }
    expect(deltas).toBe(3);
    expect(types.at(-1)).toBe('abort');
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    await expect(result.text).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('errors the model stream with core’s AbortError, and a reader that cancels stops it', async () => {
    const { client, calls } = fakeGeneratorClient({ pieces: Array(50).fill('tok ') });
    const controller = new AbortController();
    const { stream } = await ondevice(client)('m').doStream({
      prompt: userSays('x'),
      abortSignal: controller.signal,
    });
    const reader = stream.getReader();
    await reader.read(); // stream-start
    controller.abort();
    const error = await (async () => {
      for (;;) await reader.read();
    })().catch((error: unknown) => error);
    expect(AbortError.isInstance(error)).toBe(true);

    const second = await ondevice(client)('m').doStream({ prompt: userSays('x') });
    const secondReader = second.stream.getReader();
    await secondReader.read();
    expect(calls[1]?.signal.aborted).toBe(false);
    await secondReader.cancel();
    expect(calls[1]?.signal.aborted).toBe(true);
  });

  it('refuses files, tool calls and tool results with UnsupportedFunctionalityError', async () => {
    const { client, calls } = fakeGeneratorClient({ pieces: ['a'] });
    const model = ondevice(client)('m');
    const refused: LanguageModelV3Prompt[] = [
      [{ role: 'user', content: [{ type: 'file', data: 'aGk=', mediaType: 'image/png' }] }],
      [
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: '1', toolName: 'f', input: {} }],
        },
      ],
      [
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: '1',
              toolName: 'f',
              output: { type: 'text', value: 'ok' },
            },
          ],
        },
      ],
    ];
    for (const prompt of refused) {
      const error = await model.doGenerate({ prompt }).catch((error: unknown) => error);
      expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
      expect(String((error as Error).message)).toMatch(/takes text only: prompt message 0 has/);
    }
    await expect(model.doGenerate({ prompt: refused[0]! })).rejects.toThrow(/image\/png/);
    expect(calls).toEqual([]);
  });

  it('points a chat prompt to a model without a chat template at promptFormat text', async () => {
    const chatTemplateMissing = new InvalidInputError({
      parameter: 'messages',
      message: 'This model has no chat template (tokenizer_config.json chat_template).',
    });
    const { client } = fakeGeneratorClient({ pieces: [], error: chatTemplateMissing });
    const error = await generateText({ model: ondevice(client)('m'), prompt: 'x' }).catch(
      (error: unknown) => error,
    );
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ parameter: 'promptFormat' });
    expect((error as Error).message).toMatch(/promptFormat: 'text'/);
  });
});
