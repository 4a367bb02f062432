// @vitest-environment jsdom
// A real useChat run in a (jsdom) page over OnDeviceChatTransport: no server route, no fetch.
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { useChat } from '@ai-sdk/react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { type UIMessage, isTextUIPart } from 'ai';
import { MockLanguageModelV3, convertArrayToReadableStream } from 'ai/test';
import { describe, expect, it, vi } from 'vitest';
import { escalate } from '../escalation/escalate.js';
import { createEscalationPolicy } from '../escalation/escalation-policy.js';
import type { EscalationDecision } from '../escalation/escalation-policy.js';
import { OnDeviceChatTransport } from './ondevice-chat-transport.js';

function streaming(text: string): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doStream: async () => ({
      stream: convertArrayToReadableStream<LanguageModelV3StreamPart>([
        { type: 'text-start', id: 't' },
        ...[...text].map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
        { type: 'text-end', id: 't' },
        {
          type: 'finish',
          finishReason: { unified: 'stop', raw: 'stop' },
          usage: {
            inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
            outputTokens: { total: 1, text: 1, reasoning: undefined },
          },
        },
      ]),
    }),
  });
}

type ChatMessage = UIMessage<EscalationDecision>;
const textOf = (message: ChatMessage | undefined) =>
  message?.parts
    .filter(isTextUIPart)
    .map((part) => part.text)
    .join('');

describe('useChat with OnDeviceChatTransport', () => {
  it('answers in the page, escalating per request, with the decision as message metadata', async () => {
    const device = streaming('Hi from the device.');
    const remote = streaming('Sure, [PERSON_1]: here is a long answer.');
    const describeRequest = vi.fn(() => ({ task: 'chat' }));
    const transport = new OnDeviceChatTransport<ChatMessage>({
      model: escalate({
        device,
        remote,
        policy: createEscalationPolicy({ maxDevicePromptLength: 30 }),
      }),
      system: 'Be kind.',
      describeRequest,
    });
    const { result } = renderHook(() => useChat<ChatMessage>({ transport }));

    await act(() => result.current.sendMessage({ text: 'Hello!' }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(textOf(result.current.messages[1])).toBe('Hi from the device.');
    expect(result.current.messages[1]?.metadata).toEqual({
      answeredBy: 'device',
      reason: 'short-prompt',
      confidence: null,
    });

    await act(() =>
      result.current.sendMessage({ text: 'I am Maria Lopez and my question is a long one.' }),
    );
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(textOf(result.current.messages[3])).toBe('Sure, Maria Lopez: here is a long answer.');
    expect(result.current.messages[3]?.metadata).toMatchObject({
      answeredBy: 'remote',
      reason: 'long-prompt',
    });
    const sent = JSON.stringify(remote.doStreamCalls[0]?.prompt);
    expect(sent).toContain('I am [PERSON_1] and my question');
    expect(sent).not.toContain('Maria');
    expect(remote.doStreamCalls[0]?.prompt[0]).toEqual({ role: 'system', content: 'Be kind.' });
    expect(describeRequest).toHaveBeenCalledTimes(2);
    expect(device.doStreamCalls[0]?.providerOptions).toEqual({ ondevice: { task: 'chat' } });
  });

  it('shows an error the model raised, and reconnecting finds nothing to resume', async () => {
    const failing = new MockLanguageModelV3({
      doStream: async () => {
        throw new Error('The model could not load.');
      },
    });
    const transport = new OnDeviceChatTransport({ model: failing, settings: { maxRetries: 0 } });
    const { result } = renderHook(() => useChat({ transport }));
    await act(() => result.current.sendMessage({ text: 'Hi' }));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.message).toBe('The model could not load.');
    expect(await transport.reconnectToStream({ chatId: 'x' })).toBeNull();
  });
});
