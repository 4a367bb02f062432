import type { LanguageModelV3GenerateResult, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { redactionMiddleware, ondevice } from '@ondevice/ai-sdk';
import { type RedactionPolicy, createClient } from '@ondevice/core';
import { generateText, streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { piiBenchTexts } from '../workload/pii-texts.js';
import { presentTransformersModels } from '../vite-config.js';

type Log = (line: string) => void;

/**
 * The (p) generation job: the same prompt, token budget and greedy decoding on every side;
 * warm-up runs per side, then rounds of core, doStream, provider, provider, doStream, core.
 */
export const aiSdkGenerationJob = {
  prompt: 'Once upon a time',
  maxNewTokens: 200,
  warmUpRuns: 5,
  rounds: 25,
} as const;

/** The (p) redaction job: the (n) texts (~1 kB support threads), warm-up calls per policy. */
export const aiSdkRedactionJob = { texts: 300, length: 1000, warmUp: 30, seed: 2026 } as const;

/** The provider's tokens/s ÷ core's must reach this. */
export const aiSdkRatioTarget = 0.95;

/**
 * One generation, timed from the call to the end of the stream.
 *
 * @example
 * const run: AiSdkGenerationRun = { tokens: 200, milliseconds: 410, firstPieceMs: 6, text: ', there was…' }
 */
export interface AiSdkGenerationRun {
  /** New tokens, as the result reports them (core's `tokens`, the AI SDK's output tokens). */
  tokens: number;
  /** From the call to the last piece of text and the result. */
  milliseconds: number;
  /** From the call to the first piece of text. */
  firstPieceMs: number;
  text: string;
}

/**
 * The sides of (p): core's generator; the provider through `streamText` (what an app calls, the
 * measured target); and, to tell the provider's own cost from the AI SDK's, the provider's
 * `doStream()` stream read directly.
 */
export const aiSdkGenerationSides = ['core', 'doStream', 'provider'] as const;

/** One side of {@link aiSdkGenerationSides}. */
export type AiSdkGenerationSideName = (typeof aiSdkGenerationSides)[number];

/** (p) side by side, or why it was skipped. */
export type AiSdkGenerationRuns =
  ({ model: string } & Record<AiSdkGenerationSideName, AiSdkGenerationRun[]>) | { skipped: string };

/**
 * One policy's requests through `generateText`: each request's time through the redaction
 * middleware, and the same request to the same model without it, paired.
 */
export interface AiSdkRedactionVariantRun {
  name: string;
  policy: RedactionPolicy;
  /** Through `wrapLanguageModel({ model, middleware: redactionMiddleware({ policy }) })`. */
  withMiddleware: number[];
  /** The same model without the middleware, the same prompt, in the same turn. */
  without: number[];
  /** Entities masked in all the prompts (from `onRedacted`). */
  entities: number;
}

/** What (p) measured, in Node. */
export interface AiSdkRun {
  generation: AiSdkGenerationRuns;
  redaction: { textCount: number; meanLength: number; variants: AiSdkRedactionVariantRun[] };
}

/** Text deltas of a language model (v3) stream, and its finish part's output tokens. */
async function* deltasOf(
  stream: ReadableStream<LanguageModelV3StreamPart>,
  finish: { tokens: number },
): AsyncGenerator<string> {
  const reader = stream.getReader();
  for (;;) {
    const { value: part, done } = await reader.read();
    if (done) return;
    if (part.type === 'text-delta') yield part.delta;
    if (part.type === 'finish') finish.tokens = part.usage.outputTokens.total ?? Number.NaN;
  }
}

/** Runs the generation to its end, timing the first piece and the whole. */
async function timed(
  pieces: AsyncIterable<string>,
  tokensOf: () => Promise<number>,
  started: number,
): Promise<AiSdkGenerationRun> {
  let firstPieceMs = Number.NaN;
  let text = '';
  for await (const piece of pieces) {
    if (text === '') firstPieceMs = performance.now() - started;
    text += piece;
  }
  const tokens = await tokensOf();
  return { tokens, milliseconds: performance.now() - started, firstPieceMs, text };
}

/**
 * (p), first half: stories260K in this Node process (in-thread client, onnxruntime-node), through
 * the provider (`streamText` on `ondevice(client).languageModel(folder, { promptFormat: 'text' })`),
 * through the provider's `doStream()` alone, and through core's generator directly
 * (`client.generator({ model }).generate()`): the same loaded model, greedy, the same prompt and
 * `maxNewTokens`, alternating.
 *
 * @example
 * const runs = await measureAiSdkGeneration(log)
 */
export async function measureAiSdkGeneration(log: Log): Promise<AiSdkGenerationRuns> {
  const folder = presentTransformersModels().generator?.folder;
  if (folder === undefined) {
    return {
      skipped: 'the stories260K folder (../shared/models/converted/llama2.c-stories260K) is absent',
    };
  }
  const { prompt, maxNewTokens } = aiSdkGenerationJob;
  const client = createClient({ worker: false });
  try {
    const generator = client.generator({ model: folder });
    const model = ondevice(client).languageModel(folder, { promptFormat: 'text' });
    const core = () => {
      const started = performance.now();
      const stream = generator.generate(prompt, { maxNewTokens, temperature: 0 });
      return timed(stream, async () => (await stream.result).tokens, started);
    };
    const provider = () => {
      const started = performance.now();
      const result = streamText({ model, prompt, maxOutputTokens: maxNewTokens, temperature: 0 });
      return timed(
        result.textStream,
        async () => (await result.usage).outputTokens ?? Number.NaN,
        started,
      );
    };
    const doStream = async () => {
      const started = performance.now();
      const { stream } = await model.doStream({
        prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
        maxOutputTokens: maxNewTokens,
        temperature: 0,
      });
      const finish = { tokens: Number.NaN };
      return timed(deltasOf(stream, finish), async () => finish.tokens, started);
    };
    const sides: Record<AiSdkGenerationSideName, () => Promise<AiSdkGenerationRun>> = {
      core,
      doStream,
      provider,
    };
    for (let run = 0; run < aiSdkGenerationJob.warmUpRuns; run += 1) {
      for (const side of aiSdkGenerationSides) await sides[side]();
    }
    const runs: Record<AiSdkGenerationSideName, AiSdkGenerationRun[]> = {
      core: [],
      doStream: [],
      provider: [],
    };
    const order = [...aiSdkGenerationSides, ...[...aiSdkGenerationSides].reverse()];
    for (let round = 0; round < aiSdkGenerationJob.rounds; round += 1) {
      for (const side of order) runs[side].push(await sides[side]());
      if ((round + 1) % 5 !== 0) continue;
      const rate = (side: AiSdkGenerationSideName) => {
        const run = runs[side].at(-1) as AiSdkGenerationRun;
        return `${side} ${((run.tokens / run.milliseconds) * 1000).toFixed(0)}`;
      };
      log(
        `  round ${round + 1}/${aiSdkGenerationJob.rounds} (tokens/s): ${aiSdkGenerationSides.map(rate).join(', ')}`,
      );
    }
    return { model: folder, ...runs };
  } finally {
    client.dispose();
  }
}

const usage = {
  inputTokens: { total: 250, noCache: 250, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 20, text: 20, reasoning: undefined },
};

/**
 * A remote model that answers at once with placeholders in its text, so the middleware's
 * restoring runs too (the answer's `[PERSON_1]` and `[EMAIL_1]` become values again).
 */
function instantRemote(): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doGenerate: async (): Promise<LanguageModelV3GenerateResult> => ({
      content: [{ type: 'text', text: 'Thanks [PERSON_1], we will write to [EMAIL_1] today.' }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    }),
  });
}

/**
 * (p), second half: the redaction middleware per request, `generateText` on ~1 kB prompts (the
 * texts of (n)) to a remote model that answers at once, with the default policy (PERSON masked)
 * and with `{ PERSON: 'allow' }`; each text is sent through the middleware and straight to the
 * same model, in alternating order, so the middleware's own time is the paired difference.
 *
 * @example
 * const redaction = await measureAiSdkRedaction(log)
 */
export async function measureAiSdkRedaction(log: Log): Promise<AiSdkRun['redaction']> {
  const { texts: count, length, warmUp, seed } = aiSdkRedactionJob;
  const texts = piiBenchTexts(count, length, seed);
  const variants: AiSdkRedactionVariantRun[] = [];
  for (const [name, policy] of [
    ['PERSON masked (default policy)', {}],
    ['PERSON allowed ({ PERSON: "allow" })', { PERSON: 'allow' }],
  ] as const) {
    const remote = instantRemote();
    let entities = 0;
    const wrapped = wrapLanguageModel({
      model: remote,
      middleware: redactionMiddleware({
        policy,
        onRedacted: (report) => {
          entities += Object.values(report.counts).reduce((sum, value) => sum + value, 0);
        },
      }),
    });
    const time = async (model: typeof remote | typeof wrapped, prompt: string) => {
      const before = performance.now();
      await generateText({ model, prompt });
      return performance.now() - before;
    };
    for (const text of texts.slice(0, warmUp)) {
      await time(wrapped, text);
      await time(remote, text);
    }
    entities = 0;
    const withMiddleware: number[] = [];
    const without: number[] = [];
    for (const [index, text] of texts.entries()) {
      if (index % 2 === 0) {
        withMiddleware.push(await time(wrapped, text));
        without.push(await time(remote, text));
      } else {
        without.push(await time(remote, text));
        withMiddleware.push(await time(wrapped, text));
      }
    }
    variants.push({ name, policy, withMiddleware, without, entities });
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    log(
      `  ${name}: ${median(withMiddleware)?.toFixed(2)} ms per request with the middleware, ${median(without)?.toFixed(2)} ms without (medians)`,
    );
  }
  return {
    textCount: texts.length,
    meanLength: Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length),
    variants,
  };
}

/**
 * (p): the AI SDK integration in Node, no browser: the provider's tokens/s against core's
 * generator, and the redaction middleware's latency per request.
 *
 * @example
 * const run = await measureAiSdk(log)
 */
export async function measureAiSdk(log: Log): Promise<AiSdkRun> {
  log('  provider vs core generator: stories260K, greedy, alternating');
  const generation = await measureAiSdkGeneration(log);
  if ('skipped' in generation) log(`  provider vs core generator skipped: ${generation.skipped}`);
  log('  redaction middleware: generateText on ~1 kB prompts, PERSON masked and allowed');
  const redaction = await measureAiSdkRedaction(log);
  return { generation, redaction };
}
