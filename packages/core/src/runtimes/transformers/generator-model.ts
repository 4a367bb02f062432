import { InvalidInputError } from '@ondevice/errors';
import type { BackendName } from '../backend-name.js';
import type {
  GenerationInput,
  RuntimeGenerateOptions,
  RuntimeGeneration,
  RuntimeModel,
  TokenizedText,
} from '../runtime.js';
import { yieldToEventLoop } from '../../util/yield-to-event-loop.js';
import { TokenLogProbabilities } from './token-log-probabilities.js';
import type { TransformersModule } from './transformers-environment.js';

type Tokenizer = Awaited<ReturnType<TransformersModule['AutoTokenizer']['from_pretrained']>>;
type Model = Awaited<ReturnType<TransformersModule['AutoModelForCausalLM']['from_pretrained']>>;

/**
 * Longest stretch of generation, in milliseconds, without a turn of the event loop: a cancel is
 * read within about this long (plus one token), far inside the page's one-second watchdog.
 */
const yieldEveryMs = 50;

/** Tokens decoded before new ones to read their piece (spaces and byte pieces need context). */
const contextTokens = 3;

/**
 * New text goes to the caller at most this often (the first token at once): one piece per frame
 * is as smooth on screen as one per token, and a small model makes a token every few
 * milliseconds, each piece costing a decode and a message from the worker.
 */
const pieceEveryMs = 16;

/**
 * Lets the event loop turn between forward passes (at most every {@link yieldEveryMs}).
 * onnxruntime-web settles its runs on microtasks, so a generation never otherwise gives the
 * worker's message handler a turn: a `cancel` would wait for the last token, the page's watchdog
 * would find it unanswered and replace the worker (and every loaded model with it).
 */
function yieldBetweenTokens(model: Model): void {
  const forward = model.forward.bind(model);
  let yieldedAt = performance.now();
  model.forward = async (inputs: unknown) => {
    if (performance.now() - yieldedAt >= yieldEveryMs) {
      await yieldToEventLoop();
      yieldedAt = performance.now();
    }
    return forward(inputs as never);
  };
}

/**
 * A Transformers.js causal language model: the prompt (or chat messages through the
 * tokenizer's chat template) in, new text out piece by piece. Greedy at temperature 0 (the same
 * text every time); otherwise sampled with temperature and top-k. Stop strings end the text
 * before them; cancellation is read after every token.
 *
 * @example
 * const result = await model.generate({ prompt: 'Once upon a time' }, { maxNewTokens: 20, temperature: 0, topK: 0, stop: [] }, print, () => false)
 */
export class GeneratorModel implements RuntimeModel {
  readonly task = 'text-generation';
  readonly dimensions = 0;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly model: Model,
    readonly backend: BackendName,
    readonly maxTokens: number,
    readonly dtype: string,
  ) {
    yieldBetweenTokens(model);
  }

  tokenize(texts: readonly string[], maxTokens: number): TokenizedText[] {
    return texts.map((text) => {
      const tokens = this.tokenizer.encode(text);
      return { tokens: tokens.slice(0, maxTokens), truncated: tokens.length > maxTokens };
    });
  }

  run(): Promise<Float32Array> {
    return Promise.reject(
      new InvalidInputError({
        parameter: 'model',
        message: 'A text-generation model gives text, not vectors: use client.generator().',
      }),
    );
  }

  async generate(
    input: GenerationInput,
    options: RuntimeGenerateOptions,
    onText: (text: string) => void,
    isCancelled: () => boolean,
  ): Promise<RuntimeGeneration> {
    const prompt = this.promptOf(input);
    const promptIds = this.tokenizer.encode(prompt, { add_special_tokens: !('messages' in input) });
    if (promptIds.length + options.maxNewTokens > this.maxTokens) {
      throw new InvalidInputError({
        parameter: 'maxNewTokens',
        message: `The prompt (${promptIds.length} tokens) and maxNewTokens (${options.maxNewTokens}) exceed the model's context of ${this.maxTokens} tokens. Shorten the prompt or lower maxNewTokens.`,
      });
    }
    const { Tensor, LogitsProcessor } = await import('@huggingface/transformers');
    const ids = new Tensor('int64', BigInt64Array.from(promptIds, BigInt), [1, promptIds.length]);
    const mask = new Tensor('int64', new BigInt64Array(promptIds.length).fill(1n), [
      1,
      promptIds.length,
    ]);
    const generated: number[] = [];
    let emitted = '';
    let finishReason: RuntimeGeneration['finishReason'] = 'length';
    let stopped = false;
    const decode = (ids: readonly number[]) =>
      ids.length === 0 ? '' : this.tokenizer.decode(ids as number[], { skip_special_tokens: true });
    // The text so far, grown by the piece of the tokens since the last read: decoding every token
    // again each time would cost O(n²) over a long generation. Their piece is what decoding them
    // with a few tokens before them adds to decoding those alone; when that is not a plain
    // extension (a character still arriving in byte pieces), the whole text is decoded instead.
    let decoded = '';
    let decodedTokens = 0;
    const text = () => {
      if (decodedTokens === generated.length) return decoded;
      const from = Math.max(0, decodedTokens - contextTokens);
      const before = decode(generated.slice(from, decodedTokens));
      const after = decode(generated.slice(from));
      if (after.startsWith(before) && !after.endsWith('\uFFFD')) {
        decoded += after.slice(before.length);
      } else {
        decoded = decode(generated);
      }
      decodedTokens = generated.length;
      return decoded;
    };
    /** The text so far, cut before a stop string; whether one was found. */
    const visible = (): { value: string; stop: boolean } => {
      const full = text();
      let cut = full.length;
      for (const stop of options.stop) {
        const at = full.indexOf(stop);
        if (at >= 0 && at < cut) cut = at;
      }
      if (cut < full.length) return { value: full.slice(0, cut), stop: true };
      // Hold back a tail that could still become a stop string.
      let hold = 0;
      for (const stop of options.stop) {
        for (let size = Math.min(stop.length - 1, full.length); size > hold; size -= 1) {
          if (stop.startsWith(full.slice(full.length - size))) {
            hold = size;
            break;
          }
        }
      }
      return { value: full.slice(0, full.length - hold), stop: false };
    };
    const emit = (value: string) => {
      // Decoding may revise the last characters (a multi-byte character arriving in pieces).
      if (value.length > emitted.length && value.startsWith(emitted)) {
        onText(value.slice(emitted.length));
        emitted = value;
      }
    };
    const sampling = options.temperature > 0;
    // The model's confidence: every chosen token's log probability under the logits before
    // temperature and top-k (Transformers.js divides by the temperature before a caller's
    // processors, when it samples at a temperature other than 1; the recorder multiplies back).
    const confidence = new TokenLogProbabilities(sampling ? options.temperature : 1);
    let first = true;
    let shownAt = Number.NEGATIVE_INFINITY;
    const streamer = {
      put: (value: bigint[][]) => {
        if (first) {
          first = false; // the prompt
          return;
        }
        // Transformers.js puts each step's token after its logits went through the processors.
        for (const id of value[0] ?? []) {
          generated.push(Number(id));
          confidence.choose(Number(id));
        }
        // Stop strings are looked for after every token; otherwise text is read once a frame.
        const now = performance.now();
        if (options.stop.length === 0 && now - shownAt < pieceEveryMs) return;
        shownAt = now;
        const shown = visible();
        emit(shown.value);
        if (shown.stop) {
          stopped = true;
          finishReason = 'stop';
        }
      },
      end: () => {},
    };
    const stopping = (inputIds: number[][]) =>
      inputIds.map(() => {
        if (stopped) return true;
        if (isCancelled()) {
          finishReason = 'cancelled';
          return true;
        }
        return false;
      });
    await this.model.generate({
      inputs: ids,
      attention_mask: mask,
      max_new_tokens: options.maxNewTokens,
      do_sample: sampling,
      ...(sampling ? { temperature: options.temperature, top_k: options.topK } : {}),
      streamer,
      logits_processor: [confidence.processor(LogitsProcessor)],
      stopping_criteria: [stopping],
    } as never);
    const eos = this.eosIds();
    if (finishReason === 'length' && generated.length > 0 && eos.has(generated.at(-1) as number)) {
      finishReason = 'eos';
    }
    if (finishReason === 'length' && generated.length < options.maxNewTokens) finishReason = 'eos';
    const final = visible();
    const value = (finishReason as string) === 'stop' || final.stop ? final.value : text();
    emit(value);
    return {
      text: value,
      tokens: generated.length,
      promptTokens: promptIds.length,
      finishReason: final.stop ? 'stop' : finishReason,
      meanTokenLogProbability: confidence.mean,
    };
  }

  async unload(): Promise<void> {
    await this.model.dispose();
  }

  private promptOf(input: GenerationInput): string {
    if ('prompt' in input) return input.prompt;
    if (!this.tokenizer.chat_template) {
      throw new InvalidInputError({
        parameter: 'messages',
        message:
          'This model has no chat template (tokenizer_config.json chat_template): pass a prompt string instead of messages.',
      });
    }
    return this.tokenizer.apply_chat_template(input.messages as never, {
      tokenize: false,
      add_generation_prompt: true,
    }) as string;
  }

  private eosIds(): Set<number> {
    const configured = (this.model as unknown as { generation_config?: { eos_token_id?: unknown } })
      .generation_config?.eos_token_id;
    const list = Array.isArray(configured)
      ? configured
      : [configured ?? this.tokenizer.eos_token_id];
    return new Set(list.filter((id): id is number => typeof id === 'number'));
  }
}
