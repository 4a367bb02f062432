// A scripted stand-in for core's generator, for tests of the mapping to the AI SDK that must
// run without ../shared. It behaves as core's does: one piece per macrotask, `result` settles at
// the end, an abort (or leaving the iteration) ends it with AbortError.
import {
  AbortError,
  type ChatMessage,
  type GenerateOptions,
  type GenerationResult,
  type GenerationStream,
} from '@ondevice/core';
import type { GeneratorClient } from './ondevice-language-model.js';

export interface FakeGeneration {
  pieces: string[];
  finishReason?: GenerationResult['finishReason'];
  promptTokens?: number;
  /** @default -0.5 per generation with pieces, null without */
  meanTokenLogProbability?: number | null;
  /** Rejects the generation with this error after the pieces. */
  error?: unknown;
}

export interface GenerateCall {
  model: string;
  input: string | readonly ChatMessage[];
  options: GenerateOptions;
  /** Aborted when the generation was stopped: by options.signal or by leaving the iteration. */
  signal: AbortSignal;
}

export function fakeGeneratorClient(script: FakeGeneration): {
  client: GeneratorClient;
  calls: GenerateCall[];
} {
  const calls: GenerateCall[] = [];
  const client: GeneratorClient = {
    generator: ({ model }) => ({
      modelId: model,
      load: async () => {},
      generate(input, options = {}): GenerationStream {
        const stop = new AbortController();
        const signal = options.signal
          ? AbortSignal.any([options.signal, stop.signal])
          : stop.signal;
        calls.push({ model, input, options, signal });
        const produced: string[] = [];
        const waiting: (() => void)[] = [];
        const wake = () => waiting.splice(0).forEach((resolve) => resolve());
        let ended = false;
        const result = (async (): Promise<GenerationResult> => {
          for (const piece of script.pieces) {
            await new Promise((resolve) => setTimeout(resolve, 0));
            if (signal.aborted) throw new AbortError({ message: 'generate() was cancelled.' });
            produced.push(piece);
            wake();
          }
          if (script.error !== undefined) throw script.error;
          return {
            text: script.pieces.join(''),
            tokens: script.pieces.length,
            promptTokens: script.promptTokens ?? 3,
            finishReason: script.finishReason ?? 'eos',
            timeToFirstTokenMs: 0,
            milliseconds: 0,
            tokensPerSecond: 0,
            meanTokenLogProbability:
              script.meanTokenLogProbability !== undefined
                ? script.meanTokenLogProbability
                : script.pieces.length > 0
                  ? -0.5
                  : null,
          };
        })().finally(() => {
          ended = true;
          wake();
        });
        result.catch(() => {});
        return {
          result,
          [Symbol.asyncIterator]: () => ({
            async next(): Promise<IteratorResult<string>> {
              for (;;) {
                const piece = produced.shift();
                if (piece !== undefined) return { value: piece, done: false };
                if (ended) {
                  await result;
                  return { value: undefined, done: true };
                }
                await new Promise<void>((resolve) => waiting.push(resolve));
              }
            },
            async return(): Promise<IteratorResult<string>> {
              stop.abort();
              return { value: undefined, done: true };
            },
          }),
        };
      },
    }),
  };
  return { client, calls };
}
