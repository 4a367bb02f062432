import type { ModelStatus } from '../../runtimes/model-status.js';

/**
 * One chat message; a model with a chat template formats a list of them into its prompt.
 *
 * @example
 * const message: ChatMessage = { role: 'user', content: 'Summarise this ticket.' }
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Options of one generation.
 *
 * @example
 * generator.generate('Once upon a time', { maxNewTokens: 60, signal })
 */
export interface GenerateOptions {
  /**
   * Most new tokens.
   * @default 128
   */
  maxNewTokens?: number;
  /**
   * Sampling temperature; 0 is greedy decoding (the same text every time).
   * @default 0
   */
  temperature?: number;
  /**
   * When sampling, draw from the `topK` likeliest tokens; 0 draws from all.
   * @default 50
   */
  topK?: number;
  /** The text ends before the first of these strings (left out of the text). */
  stop?: readonly string[];
  /** Stops the generation: the stream ends and `result` rejects with `AbortError`. */
  signal?: AbortSignal;
}

/**
 * What a finished generation reports.
 *
 * @example
 * const { text, tokensPerSecond } = await generator.generate(prompt).result
 */
export interface GenerationResult {
  /** The new text (not the prompt). */
  text: string;
  /** New tokens generated. */
  tokens: number;
  /** Tokens of the prompt (after the chat template). */
  promptTokens: number;
  /** `eos`: the model ended; `length`: maxNewTokens reached; `stop`: a stop string. */
  finishReason: 'eos' | 'length' | 'stop';
  /** Milliseconds from the call to the first piece of text (model loading included). */
  timeToFirstTokenMs: number;
  /** Milliseconds from the call to the end. */
  milliseconds: number;
  /** New tokens per second of generation (after the first). */
  tokensPerSecond: number;
  /**
   * The model's confidence in what it generated: the mean, over the generated tokens, of the
   * natural-log probability the model gave the token chosen at each step — `log softmax(logits)`
   * of the model's next-token logits, before temperature and top-k, so greedy and sampled runs
   * compare on one scale. Every token generated counts, an end-of-sequence token and the tokens
   * of a stop string included (the same tokens as `tokens`).
   *
   * At most 0 (every token certain); `Math.exp(meanTokenLogProbability)` is the geometric-mean
   * probability of the chosen tokens, between 0 and 1, usable as a confidence score (low: the
   * model was guessing, e.g. sampled far from its likeliest tokens or off its training
   * distribution). It compares runs of one model, not models with different vocabularies.
   * Decoding rules the model's own `generation_config.json` sets (a `repetition_penalty`,
   * suppressed tokens) are in the logits it is computed from.
   *
   * `null` when no token was generated.
   */
  meanTokenLogProbability: number | null;
}

/**
 * A generation in progress: iterate it for pieces of text as they come, or await `result`.
 *
 * @example
 * const stream = generator.generate('Once upon a time')
 * for await (const piece of stream) output.append(piece)
 * const { finishReason } = await stream.result
 */
export interface GenerationStream extends AsyncIterable<string> {
  /** Resolves when the generation ends; rejects with the typed error that ended it. */
  readonly result: Promise<GenerationResult>;
}

/**
 * Text generation with a causal language model, in the worker, streamed.
 *
 * @example
 * const generator = client.generator({ model: 'onnx-community/Qwen2.5-0.5B-Instruct' })
 * for await (const piece of generator.generate([{ role: 'user', content: 'Hi' }])) print(piece)
 */
export interface TextGenerator {
  readonly modelId: string;
  generate(input: string | readonly ChatMessage[], options?: GenerateOptions): GenerationStream;
  /** Loads the model ahead of the first call, with progress. */
  load(options?: {
    signal?: AbortSignal;
    onProgress?: (status: ModelStatus) => void;
  }): Promise<void>;
}

/**
 * Options of `client.generator()`.
 *
 * @example
 * client.generator({ model: '/ondevice/models/converted/llama2.c-stories260K/' })
 */
export interface TextGeneratorOptions {
  /** A text-generation model: hub id, folder URL, or a registered id. */
  model: string;
}
