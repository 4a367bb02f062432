import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import type {
  LanguageModelV3Message,
  LanguageModelV3Prompt,
  LanguageModelV3ToolResultOutput,
} from '@ai-sdk/provider';

/**
 * Copies a prompt with every text that could hold personal data passed through `map`, always in
 * the same order: system messages, text and reasoning parts, the strings (values and keys) and
 * numbers of tool-call inputs and tool results, and the reasons of tool approvals and denials. Files cannot be
 * checked, so they are refused rather than sent unredacted.
 *
 * @throws {UnsupportedFunctionalityError} for file parts and files or images in tool results.
 * @example
 * const texts: string[] = []
 * mapPromptTexts(prompt, (text) => (texts.push(text), text)) // collects them
 */
export function mapPromptTexts(
  prompt: LanguageModelV3Prompt,
  map: (text: string) => string,
): LanguageModelV3Prompt {
  const reason = <T extends { reason?: string }>(value: T): T =>
    value.reason === undefined ? value : { ...value, reason: map(value.reason) };
  return prompt.map((message, index): LanguageModelV3Message => {
    switch (message.role) {
      case 'system':
        return { ...message, content: map(message.content) };
      case 'user':
        return {
          ...message,
          content: message.content.map((part) => {
            if (part.type === 'file') throw fileRefused(part.mediaType, index);
            return { ...part, text: map(part.text) };
          }),
        };
      case 'assistant':
        return {
          ...message,
          content: message.content.map((part) => {
            switch (part.type) {
              case 'text':
              case 'reasoning':
                return { ...part, text: map(part.text) };
              case 'file':
                throw fileRefused(part.mediaType, index);
              case 'tool-call':
                return { ...part, input: mapJson(part.input, map) };
              case 'tool-result':
                return { ...part, output: mapOutput(part.output, map, index) };
            }
          }),
        };
      case 'tool':
        return {
          ...message,
          content: message.content.map((part) =>
            part.type === 'tool-result'
              ? { ...part, output: mapOutput(part.output, map, index) }
              : reason(part),
          ),
        };
    }
  });
}

function mapOutput(
  output: LanguageModelV3ToolResultOutput,
  map: (text: string) => string,
  index: number,
): LanguageModelV3ToolResultOutput {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return { ...output, value: map(output.value) };
    case 'json':
    case 'error-json':
      return { ...output, value: mapJson(output.value, map) as typeof output.value };
    case 'execution-denied':
      return output.reason === undefined ? output : { ...output, reason: map(output.reason) };
    case 'content':
      return {
        ...output,
        value: output.value.map((item) => {
          if (item.type === 'text') return { ...item, text: map(item.text) };
          throw fileRefused(item.type, index);
        }),
      };
  }
}

/**
 * Maps the strings of a JSON value — values and keys — and its numbers as their text (a card
 * number or a phone number sent as a number holds personal data too): a number whose text the
 * map changes becomes the mapped string, one it leaves alone stays a number.
 *
 * @example
 * mapJson({ to: ['a@b.io'], n: 1 }, (text) => text.toUpperCase()) // { TO: ['A@B.IO'], N: 1 }
 */
export function mapJson(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (typeof value === 'number') {
    const text = String(value);
    const mapped = map(text);
    return mapped === text ? value : mapped;
  }
  if (Array.isArray(value)) return value.map((item) => mapJson(item, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [map(key), mapJson(item, map)]),
    );
  }
  return value;
}

function fileRefused(kind: string, index: number): UnsupportedFunctionalityError {
  return new UnsupportedFunctionalityError({
    functionality: 'files in redacted prompts',
    message: `redactionMiddleware cannot look for personal data in files: prompt message ${index} has a file (${kind}). Leave files out of prompts to remote models, or answer this request on the device.`,
  });
}
