import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3Middleware,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import type { PiiType, RedactionPolicy } from '@ondevice/core';
import { mapJson, mapPromptTexts } from './map-prompt-texts.js';
import { PlaceholderRestorer } from './placeholder-restorer.js';
import { placeholderPattern, redactTexts } from './redact-texts.js';

/**
 * What left the device for one call, for a UI that shows it ("3 items were masked").
 *
 * @example
 * const report: RedactionReport = { messages: [{ role: 'user', text: 'Mail [EMAIL_1]' }], counts }
 */
export interface RedactionReport {
  /** Each prompt message as it was sent: its text parts joined with line breaks. */
  messages: { role: 'system' | 'user' | 'assistant' | 'tool'; text: string }[];
  /** Entities found per type over the whole conversation (masked or allowed). */
  counts: Record<PiiType, number>;
}

/**
 * Options of {@link redactionMiddleware}.
 *
 * @example
 * redactionMiddleware({ policy: { CREDIT_CARD: 'block', PERSON: 'mask' }, onRedacted: show })
 */
export interface RedactionMiddlewareOptions {
  /**
   * core's redaction policy: `mask`, `block` or `allow` per type.
   * @default {} (every type masked)
   */
  policy?: RedactionPolicy;
  /** Called once per call with what is about to leave the device. */
  onRedacted?: (report: RedactionReport) => void;
}

/**
 * An AI SDK middleware that keeps personal data on the device: before a call, core's
 * `redactPII` runs on every text of the prompt (system, text and reasoning parts, tool inputs and
 * results), placeholders numbered across the whole conversation (`[EMAIL_1]` is the same address
 * in every message); after it, the placeholders in the answer are replaced by the values again,
 * on the device, also in a stream where a placeholder is split across deltas (only a possible
 * placeholder prefix is held back). Files are refused, as they cannot be checked.
 *
 * @throws {PiiBlockedError} (from the call) when the prompt holds a type the policy blocks.
 * @throws {UnsupportedFunctionalityError} (from the call) when the prompt holds a file.
 * @example
 * import { wrapLanguageModel, streamText } from 'ai'
 *
 * const model = wrapLanguageModel({
 *   model: openai('gpt-4o-mini'),
 *   middleware: redactionMiddleware({ policy: { CREDIT_CARD: 'block' } }),
 * })
 * streamText({ model, prompt: 'Reply to jane@example.com' }) // the model sees [EMAIL_1]
 */
export function redactionMiddleware(
  options: RedactionMiddlewareOptions = {},
): LanguageModelV3Middleware {
  // The transformed params object is what wrapGenerate and wrapStream receive for that call.
  const restorers = new WeakMap<LanguageModelV3CallOptions, (text: string) => string>();
  return {
    specificationVersion: 'v3',

    async transformParams({ params }) {
      const texts: string[] = [];
      mapPromptTexts(params.prompt, (text) => (texts.push(text), text));
      const redacted = await redactTexts(texts, options.policy, { signal: params.abortSignal });
      let next = 0;
      const prompt = mapPromptTexts(params.prompt, () => redacted.texts[next++] ?? '');
      options.onRedacted?.({ messages: prompt.map(sentText), counts: redacted.counts });
      const transformed = { ...params, prompt };
      restorers.set(transformed, redacted.restore);
      return transformed;
    },

    async wrapGenerate({ doGenerate, params }) {
      const result = await doGenerate();
      const restore = restorers.get(params);
      if (restore === undefined) return result;
      return { ...result, content: result.content.map((part) => restoreContent(part, restore)) };
    },

    async wrapStream({ doStream, params }) {
      const result = await doStream();
      const restore = restorers.get(params);
      if (restore === undefined) return result;
      return { ...result, stream: result.stream.pipeThrough(restoreStream(restore)) };
    },
  };
}

function sentText(message: LanguageModelV3CallOptions['prompt'][number]) {
  const text =
    typeof message.content === 'string'
      ? message.content
      : message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
  return { role: message.role, text };
}

function restoreContent(
  part: LanguageModelV3Content,
  restore: (text: string) => string,
): LanguageModelV3Content {
  if (part.type === 'text' || part.type === 'reasoning') {
    return { ...part, text: restore(part.text) };
  }
  if (part.type === 'tool-call') return { ...part, input: restoreJson(part.input, restore) };
  return part;
}

/** Restores string values in a tool call's JSON input, so the JSON stays valid. */
function restoreJson(input: string, restore: (text: string) => string): string {
  if (input.search(placeholderPattern) === -1) return input;
  try {
    return JSON.stringify(mapJson(JSON.parse(input), restore));
  } catch {
    return input;
  }
}

function restoreStream(
  restore: (text: string) => string,
): TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart> {
  const open = new Map<string, { restorer: PlaceholderRestorer; type: 'text' | 'reasoning' }>();
  const flush = (
    id: string,
    controller: TransformStreamDefaultController<LanguageModelV3StreamPart>,
  ) => {
    const entry = open.get(id);
    if (entry === undefined) return;
    open.delete(id);
    const delta = entry.restorer.flush();
    if (delta === '') return;
    controller.enqueue(
      entry.type === 'text'
        ? { type: 'text-delta', id, delta }
        : { type: 'reasoning-delta', id, delta },
    );
  };
  return new TransformStream({
    transform(part, controller) {
      switch (part.type) {
        case 'text-start':
        case 'reasoning-start':
          open.set(part.id, {
            restorer: new PlaceholderRestorer(restore),
            type: part.type === 'text-start' ? 'text' : 'reasoning',
          });
          break;
        case 'text-delta':
        case 'reasoning-delta': {
          const restorer = open.get(part.id)?.restorer;
          const delta = restorer === undefined ? restore(part.delta) : restorer.write(part.delta);
          if (delta !== '') controller.enqueue({ ...part, delta });
          return;
        }
        case 'text-end':
        case 'reasoning-end':
          flush(part.id, controller);
          break;
        case 'tool-call':
          controller.enqueue({ ...part, input: restoreJson(part.input, restore) });
          return;
        case 'finish':
          for (const id of [...open.keys()]) flush(id, controller);
          break;
      }
      controller.enqueue(part);
    },
    flush(controller) {
      for (const id of [...open.keys()]) flush(id, controller);
    },
  });
}
