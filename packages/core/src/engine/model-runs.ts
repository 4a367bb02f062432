import { InvalidInputError, OnDeviceError, OutOfMemoryError, RuntimeError } from '@ondevice/errors';
import type { ModelTask } from '../models/model-manifest.js';
import type { RuntimeModel, TokenizedText, TokenizedTextWithOffsets } from '../runtimes/runtime.js';
import { yieldToEventLoop } from '../util/yield-to-event-loop.js';
import { planRuns } from './run-planner.js';

/** Longest stretch of tokenising between two looks at the event loop, in milliseconds. */
const tokenizeSliceMs = 10;

/**
 * Label probabilities of texts or text pairs, in order.
 *
 * @example
 * const { probabilities, labels } = await engine.classify('Xenova/distilbert-sst2', ['Great!'], () => false)
 */
export interface ClassifiedTexts {
  /** `inputs.length × labels.length` floats. */
  probabilities: Float32Array;
  labels: string[];
  truncated: boolean[];
}

/**
 * Per-token label probabilities of texts, with each token's character offsets.
 *
 * @example
 * const { labels, texts: [first] } = await engine.classifyTokens(modelId, ['Alice works'], () => false)
 */
export interface ClassifiedTokens {
  labels: string[];
  texts: {
    /** Per token: `[start, end)` in the text, `[-1, -1]` for special tokens. */
    offsets: [number, number][];
    truncated: boolean;
    /** `tokens × labels.length` floats. */
    probabilities: Float32Array;
  }[];
}

/**
 * Tokenises inputs one by one (looking at the event loop every few milliseconds), then runs them
 * in length-bucketed batches of similar token counts (run-planner.ts) and puts the rows back in
 * order: a batch pays for its longest text only. `check` throws once the request is cancelled.
 *
 * @example
 * const { rows } = await runSequences(model, 'use-lite', texts, (text) => model.tokenize([text], model.maxTokens), check, 80)
 */
export async function runSequences<Input>(
  model: RuntimeModel,
  modelId: string,
  inputs: readonly Input[],
  tokenize: (input: Input) => TokenizedText[],
  check: () => void,
  budgetMs: number,
): Promise<{ rows: Float32Array; truncated: boolean[] }> {
  const width = model.dimensions;
  const output = new Float32Array(inputs.length * width);
  const tokens: number[][] = new Array<number[]>(inputs.length);
  const truncated: boolean[] = new Array<boolean>(inputs.length);
  let sliceStart = performance.now();
  for (let index = 0; index < inputs.length; index += 1) {
    const [encoded] = tokenize(inputs[index] as Input);
    tokens[index] = encoded?.tokens ?? [];
    truncated[index] = encoded?.truncated ?? false;
    if (performance.now() - sliceStart > tokenizeSliceMs) {
      await yieldToEventLoop();
      check();
      sliceStart = performance.now();
    }
  }
  const runs = planRuns(
    tokens.map((list) => list.length),
    budgetMs,
    model.runCost,
  );
  for (const [position, group] of runs.entries()) {
    check();
    const rows = await guardRun(modelId, () =>
      model.run(group.map((index) => tokens[index] as number[])),
    );
    group.forEach((index, row) => {
      output.set(rows.subarray(row * width, (row + 1) * width), index * width);
    });
    // Let cancel messages in (worker) and the page breathe (in-thread) between runs.
    if (position < runs.length - 1) await yieldToEventLoop();
  }
  return { rows: output, truncated };
}

/**
 * Label probabilities of texts (text classifiers) or (premise, hypothesis) pairs (NLI models).
 *
 * @throws {InvalidInputError} when the model is not a classifier of that kind.
 * @example
 * const { probabilities, labels } = await classifyTexts(model, modelId, ['Great!'], check, 80)
 */
export async function classifyTexts(
  model: RuntimeModel,
  modelId: string,
  inputs: readonly (string | readonly [string, string])[],
  check: () => void,
  budgetMs: number,
): Promise<ClassifiedTexts> {
  const pairs = inputs.some((input) => typeof input !== 'string');
  requireTask(
    modelId,
    model,
    pairs ? ['zero-shot-classification'] : ['text-classification', 'zero-shot-classification'],
    pairs ? 'Text-pair classification' : 'Text classification',
  );
  const { rows, truncated } = await runSequences(
    model,
    modelId,
    inputs,
    (input) =>
      typeof input === 'string'
        ? model.tokenize([input], model.maxTokens)
        : (model.tokenizePairs?.([input], model.maxTokens) ?? []),
    check,
    budgetMs,
  );
  return { probabilities: rows, labels: [...(model.labels ?? [])], truncated };
}

/**
 * Per-token label probabilities of texts with each token's character offsets (token
 * classifiers), in length-bucketed batches.
 *
 * @throws {InvalidInputError} when the model is not a token classifier.
 * @example
 * const { labels, texts } = await classifyTextTokens(model, modelId, ['Alice works'], check, 80)
 */
export async function classifyTextTokens(
  model: RuntimeModel,
  modelId: string,
  texts: readonly string[],
  check: () => void,
  budgetMs: number,
): Promise<ClassifiedTokens> {
  requireTask(modelId, model, ['token-classification'], 'Entity recognition');
  const tokenized: TokenizedTextWithOffsets[] = [];
  let sliceStart = performance.now();
  for (const text of texts) {
    const [encoded] = model.tokenizeWithOffsets?.([text], model.maxTokens) ?? [];
    tokenized.push(encoded ?? { tokens: [], truncated: false, offsets: [] });
    if (performance.now() - sliceStart > tokenizeSliceMs) {
      await yieldToEventLoop();
      check();
      sliceStart = performance.now();
    }
  }
  const results: Float32Array[] = new Array<Float32Array>(texts.length);
  const runs = planRuns(
    tokenized.map((entry) => entry.tokens.length),
    budgetMs,
    model.runCost,
  );
  const runTokens = model.runTokens as NonNullable<RuntimeModel['runTokens']>;
  for (const [position, group] of runs.entries()) {
    check();
    const outputs = await guardRun(modelId, () =>
      runTokens.call(
        model,
        group.map((index) => tokenized[index]?.tokens ?? []),
      ),
    );
    group.forEach((index, row) => {
      results[index] = outputs[row] as Float32Array;
    });
    if (position < runs.length - 1) await yieldToEventLoop();
  }
  return {
    labels: [...(model.labels ?? [])],
    texts: tokenized.map((entry, index) => ({
      offsets: entry.offsets,
      truncated: entry.truncated,
      probabilities: results[index] as Float32Array,
    })),
  };
}

/**
 * Runs the model, turning a runtime's own failures into typed errors (`OutOfMemoryError` when
 * the device ran out of memory, `RuntimeError` otherwise).
 *
 * @example
 * const rows = await guardRun('use-lite', () => model.run(tokens))
 */
export async function guardRun<T>(modelId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (OnDeviceError.isInstance(error)) throw error;
    if (isOutOfMemory(error)) {
      throw new OutOfMemoryError({
        message: `Running ${modelId} ran out of memory: ${String(error)}. Unload other models, or use a smaller model or dtype.`,
        cause: error,
      });
    }
    throw new RuntimeError({
      message: `Running ${modelId} failed: ${String(error)}`,
      cause: error,
    });
  }
}

/**
 * Throws a typed error when a model is asked for something it does not do.
 *
 * @throws {InvalidInputError} naming what the model is.
 * @example
 * requireTask('stories', model, ['text-embedding'], 'Embeddings')
 */
export function requireTask(
  modelId: string,
  model: RuntimeModel,
  tasks: readonly ModelTask[],
  what: string,
): void {
  if (tasks.includes(model.task)) return;
  throw new InvalidInputError({
    parameter: 'model',
    message: `${what} needs a ${tasks.join(' or ')} model; "${modelId}" is a ${model.task} model.`,
  });
}

/** Whether an error from a runtime means the device ran out of memory. */
function isOutOfMemory(error: unknown): boolean {
  const text = String((error as { message?: unknown } | undefined)?.message ?? error);
  return /out of memory|bad_alloc|could not allocate|allocation failed|\bOOM\b|Array buffer allocation/i.test(
    text,
  );
}
