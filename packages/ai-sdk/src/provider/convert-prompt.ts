import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { ChatMessage } from '@ondevice/core';

/**
 * How the AI SDK prompt reaches the model: `chat` gives core the messages, which the model's chat
 * template formats (instruct models); `text` joins the texts of the messages with blank lines
 * into one plain prompt, for base models without a chat template (TinyStories, GPT-2).
 *
 * @example
 * const format: PromptFormat = 'text'
 */
export type PromptFormat = 'chat' | 'text';

/**
 * Maps an AI SDK (LanguageModelV3) prompt to what core's `generate()` takes: chat messages, or
 * one prompt string. Text parts of one message are joined with a line break; reasoning parts of
 * earlier answers are left out (the model never sees its own reasoning again).
 *
 * @throws {UnsupportedFunctionalityError} for file parts (images, audio, documents), tool calls
 *   and tool results: on-device text generators take text only.
 * @example
 * convertPrompt([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], 'chat')
 * // [{ role: 'user', content: 'Hi' }]
 */
export function convertPrompt(
  prompt: LanguageModelV3Prompt,
  format: PromptFormat,
): ChatMessage[] | string {
  const messages = prompt.map((message, index): ChatMessage => {
    if (message.role === 'system') return { role: 'system', content: message.content };
    if (message.role === 'tool') throw unsupported('tool results', index);
    const texts = message.content.map((part) => {
      if (part.type === 'text') return part.text;
      if (part.type === 'reasoning') return undefined;
      throw unsupported(part.type === 'file' ? `file parts (${part.mediaType})` : part.type, index);
    });
    const content = texts.filter((text) => text !== undefined).join('\n');
    return { role: message.role, content };
  });
  return format === 'text' ? messages.map((message) => message.content).join('\n\n') : messages;
}

function unsupported(what: string, index: number): UnsupportedFunctionalityError {
  return new UnsupportedFunctionalityError({
    functionality: what,
    message: `The ondevice provider takes text only: prompt message ${index} has ${what}. Send text parts (and system messages), or route this request to a remote model with escalate().`,
  });
}
