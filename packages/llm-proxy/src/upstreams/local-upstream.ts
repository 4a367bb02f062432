import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OnDeviceClient, TextGenerator } from '@ondevice/core';
import { UpstreamError } from '../errors/upstream-error.js';
import type {
  ChatUpstream,
  FinishReason,
  UpstreamChatRequest,
  UpstreamEvent,
} from './chat-upstream.js';

/**
 * Options of the local upstream.
 *
 * @example
 * const options: LocalUpstreamOptions = { name: 'local', modelFolder: '/models/llama2.c-stories260K' }
 */
export interface LocalUpstreamOptions {
  name: string;
  /** A Transformers.js text-generation model folder (config.json, tokenizer.json, onnx/model.onnx). */
  modelFolder: string;
}

/**
 * An upstream that generates in the proxy's own process: `@ondevice/core`'s text generator
 * (`createClient({ worker: false })`, onnxruntime-node), loaded on the first request. Messages go
 * through the model's chat template when its `tokenizer_config.json` has one; a model without
 * one (a plain language model) continues the messages' text joined by blank lines. Temperature
 * defaults to 0 (greedy, the same text every time), not OpenAI's 1. The model generates one
 * request at a time; others wait their turn.
 *
 * @example
 * const upstream = createLocalUpstream({ name: 'local', modelFolder: '../shared/models/converted/llama2.c-stories260K' })
 */
export function createLocalUpstream(options: LocalUpstreamOptions): ChatUpstream {
  const name = options.name;
  let loaded:
    | Promise<{ client: OnDeviceClient; generator: TextGenerator; chatTemplate: boolean }>
    | undefined;
  const load = () =>
    (loaded ??= (async () => {
      // Imported on first use: a proxy without a local upstream never loads the runtime.
      const { createClient } = await import('@ondevice/core');
      const client = createClient({ worker: false });
      const generator = client.generator({ model: options.modelFolder });
      const chatTemplate = await hasChatTemplate(options.modelFolder);
      return { client, generator, chatTemplate };
    })());
  return {
    specificationVersion: 'v1',
    name,
    kind: 'local',
    async *chat(request: UpstreamChatRequest, signal: AbortSignal): AsyncGenerator<UpstreamEvent> {
      const { generator, chatTemplate } = await load();
      const input = chatTemplate
        ? request.messages.map((message) => ({ role: message.role, content: message.content }))
        : request.messages.map((message) => message.content).join('\n\n');
      const stream = generator.generate(input, {
        maxNewTokens: request.maxTokens,
        temperature: request.temperature ?? 0,
        ...(request.stop === undefined ? {} : { stop: request.stop }),
        signal,
      });
      try {
        for await (const piece of stream) yield { type: 'text', text: piece };
        const result = await stream.result;
        const reason: FinishReason = result.finishReason === 'length' ? 'length' : 'stop';
        yield { type: 'finish', reason };
        yield { type: 'usage', promptTokens: result.promptTokens, completionTokens: result.tokens };
      } catch (cause) {
        if (signal.aborted) throw signal.reason;
        const invalid = (cause as { code?: unknown }).code === 'invalid-input';
        throw new UpstreamError({
          upstream: name,
          failure: 'status',
          status: invalid ? 400 : 500,
          message: `The local model of upstream "${name}" failed: ${(cause as Error).message}`,
          cause,
        });
      }
    },
    async close() {
      if (loaded === undefined) return;
      const { client } = await loaded.catch(() => ({ client: undefined }));
      client?.dispose();
    },
  };
}

async function hasChatTemplate(folder: string): Promise<boolean> {
  try {
    const config = JSON.parse(await readFile(join(folder, 'tokenizer_config.json'), 'utf8')) as {
      chat_template?: unknown;
    };
    return config.chat_template !== undefined && config.chat_template !== null;
  } catch {
    return false;
  }
}
