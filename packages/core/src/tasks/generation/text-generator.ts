import { InvalidInputError } from '@ondevice/errors';
import { checkOptions, optionRules } from '../../util/check-options.js';
import { describeValue } from '../../util/describe-value.js';
import type { GenerationInput } from '../../runtimes/runtime.js';
import type { TaskRunner } from '../task-definition.js';
import { generationTask } from './generation-task.js';
import type {
  ChatMessage,
  GenerateOptions,
  GenerationResult,
  GenerationStream,
  TextGenerator,
} from './generation-types.js';

const generateOptionRules = {
  maxNewTokens: optionRules.any,
  temperature: optionRules.any,
  topK: optionRules.any,
  stop: optionRules.any,
  signal: optionRules.signal,
};

const roles = new Set(['system', 'user', 'assistant']);

/** The page side of generation: validates, runs one task per call, streams its pieces. */
class DeviceTextGenerator implements TextGenerator {
  constructor(private readonly runner: TaskRunner) {}

  get modelId(): string {
    return this.runner.modelId;
  }

  generate(
    input: string | readonly ChatMessage[],
    options: GenerateOptions = {},
  ): GenerationStream {
    checkOptions(options, generateOptionRules, 'generate()');
    const request = validateInput(input);
    const settings = {
      maxNewTokens: integer(options.maxNewTokens ?? 128, 'maxNewTokens', 1, 4096),
      temperature: number(options.temperature ?? 0, 'temperature', 0, 10),
      topK: integer(options.topK ?? 50, 'topK', 0, 1_000_000),
      stop: stopStrings(options.stop ?? []),
    };
    // Leaving the iteration early (break) stops the generation too.
    const controller = new AbortController();
    const signal = options.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const pieces: string[] = [];
    const waiting: (() => void)[] = [];
    let done = false;
    let firstAt: number | undefined;
    const wake = () => {
      for (const resolve of waiting.splice(0)) resolve();
    };
    const started = performance.now();
    const result: Promise<GenerationResult> = this.runner
      .run(
        generationTask,
        { input: request, options: settings },
        {
          signal,
          onProgress: (piece) => {
            if (typeof piece !== 'string' || piece === '') return;
            firstAt ??= performance.now();
            pieces.push(piece);
            wake();
          },
        },
      )
      .then((generation) => {
        const ended = performance.now();
        const first = firstAt ?? ended;
        const after = Math.max(0, generation.tokens - 1);
        return {
          text: generation.text,
          tokens: generation.tokens,
          promptTokens: generation.promptTokens,
          finishReason:
            generation.finishReason === 'cancelled' ? 'length' : generation.finishReason,
          timeToFirstTokenMs: first - started,
          milliseconds: ended - started,
          tokensPerSecond: after > 0 && ended > first ? (after * 1000) / (ended - first) : 0,
          meanTokenLogProbability: generation.meanTokenLogProbability,
        } satisfies GenerationResult;
      })
      .finally(() => {
        done = true;
        wake();
      });
    // A caller that only iterates still hears the error from the iterator.
    result.catch(() => {});
    return {
      result,
      [Symbol.asyncIterator]: (): AsyncIterator<string> => ({
        next: async (): Promise<IteratorResult<string>> => {
          for (;;) {
            const piece = pieces.shift();
            if (piece !== undefined) return { value: piece, done: false };
            if (done) {
              await result; // throws the error that ended the generation
              return { value: undefined, done: true };
            }
            await new Promise<void>((resolve) => waiting.push(resolve));
          }
        },
        return: async (): Promise<IteratorResult<string>> => {
          if (!done) controller.abort();
          return { value: undefined, done: true };
        },
      }),
    };
  }

  load(options: Parameters<TaskRunner['load']>[0] = {}): Promise<void> {
    return this.runner.load(options);
  }
}

function validateInput(input: unknown): GenerationInput {
  if (typeof input === 'string') {
    if (input.length === 0) {
      throw new InvalidInputError({
        parameter: 'prompt',
        message: 'generate() needs a non-empty prompt.',
      });
    }
    return { prompt: input };
  }
  if (!Array.isArray(input) || input.length === 0) {
    throw new InvalidInputError({
      parameter: 'input',
      message: `generate() takes a prompt string or a non-empty array of chat messages; got ${describeValue(input)}.`,
    });
  }
  const messages = input.map((message: unknown, index) => {
    const entry = message as Partial<ChatMessage> | null;
    if (!entry || !roles.has(entry.role as string) || typeof entry.content !== 'string') {
      throw new InvalidInputError({
        parameter: `messages[${index}]`,
        message: `messages[${index}] must be { role: 'system' | 'user' | 'assistant', content: string }; got ${describeValue(message)}.`,
      });
    }
    return { role: entry.role as ChatMessage['role'], content: entry.content };
  });
  return { messages };
}

function integer(value: unknown, parameter: string, minimum: number, maximum: number): number {
  if (!Number.isInteger(value) || (value as number) < minimum || (value as number) > maximum) {
    throw new InvalidInputError({
      parameter,
      message: `${parameter} must be an integer from ${minimum} to ${maximum}; got ${describeValue(value)}.`,
    });
  }
  return value as number;
}

function number(value: unknown, parameter: string, minimum: number, maximum: number): number {
  if (typeof value !== 'number' || !(value >= minimum && value <= maximum)) {
    throw new InvalidInputError({
      parameter,
      message: `${parameter} must be a number from ${minimum} to ${maximum}; got ${describeValue(value)}.`,
    });
  }
  return value;
}

function stopStrings(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry === '')) {
    throw new InvalidInputError({
      parameter: 'stop',
      message: `stop must be an array of non-empty strings; got ${describeValue(value)}.`,
    });
  }
  return [...(value as string[])];
}

/**
 * Creates a text generator over a task runner (the client keeps one per model).
 *
 * @example
 * const generator = createTextGenerator(runner)
 */
export function createTextGenerator(runner: TaskRunner): TextGenerator {
  return new DeviceTextGenerator(runner);
}
