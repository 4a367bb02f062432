import { describe, expect, it } from 'vitest';
import { type NextTokenLogits, TokenLogProbabilities } from './token-log-probabilities.js';

/** `log softmax(row)[id]`, the plain way, in doubles. */
function logSoftmaxAt(row: readonly number[], id: number): number {
  const maximum = Math.max(...row);
  const sum = row.reduce((total, value) => total + Math.exp(value - maximum), 0);
  return (row[id] as number) - maximum - Math.log(sum);
}

const float32 = (rows: number[][]): NextTokenLogits => ({
  type: 'float32',
  data: Float32Array.from(rows.flat()),
  dims: [rows.length, rows[0]?.length ?? 0],
});

/** A seeded stream of numbers in [0, 1), so a failure repeats. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('TokenLogProbabilities', () => {
  it('averages log softmax of the chosen tokens over the steps, reading batch 0 only', () => {
    const random = numbers(7);
    const recorder = new TokenLogProbabilities();
    const expected: number[] = [];
    for (let step = 0; step < 5; step += 1) {
      const row = Array.from({ length: 1000 }, () => Math.fround(random() * 40 - 20));
      const other = row.map((value) => -value); // batch 1: not this generation's row
      const id = Math.floor(random() * row.length);
      recorder.observe(float32([row, other]));
      recorder.choose(id);
      expected.push(logSoftmaxAt(row, id));
    }
    const mean = expected.reduce((total, value) => total + value, 0) / expected.length;
    expect(recorder.tokens).toBe(5);
    expect(recorder.mean).toBeCloseTo(mean, 9);
    expect(recorder.mean).toBeLessThan(0);
  });

  it('is stable for large logits and skips masked tokens (-Infinity)', () => {
    const recorder = new TokenLogProbabilities();
    recorder.observe(float32([[1000, 999, Number.NEGATIVE_INFINITY, 998]]));
    recorder.choose(0);
    const expected = -Math.log(1 + Math.exp(-1) + Math.exp(-2));
    expect(recorder.mean).toBeCloseTo(expected, 9);
    // A token the model is certain of: log probability 0.
    recorder.observe(float32([[0, Number.NEGATIVE_INFINITY]]));
    recorder.choose(0);
    expect(recorder.mean).toBeCloseTo(expected / 2, 9);
  });

  it('undoes the temperature the logits were divided by, and never writes them', () => {
    const raw = [2.5, -1, 0.25, 4, 3];
    const temperature = 1.5;
    const divided = float32([raw.map((value) => value / temperature)]);
    const before = Float32Array.from(divided.data as Float32Array);
    const recorder = new TokenLogProbabilities(temperature);
    recorder.observe(divided);
    recorder.choose(4);
    expect(recorder.mean).toBeCloseTo(logSoftmaxAt(raw, 4), 6);
    expect(divided.data).toEqual(before);
    // Without the scale, the probability of the divided logits: a different number.
    const unscaled = new TokenLogProbabilities();
    unscaled.observe(divided);
    unscaled.choose(4);
    expect(unscaled.mean).not.toBeCloseTo(logSoftmaxAt(raw, 4), 2);
  });

  it('reads float16 bits and other arrays as their numbers', () => {
    // 1.5, -2, 0, 0.5 as IEEE half-precision bits.
    const half = { type: 'float16', data: Uint16Array.of(0x3e00, 0xc000, 0, 0x3800), dims: [1, 4] };
    const recorder = new TokenLogProbabilities();
    recorder.observe(half);
    recorder.choose(0);
    expect(recorder.mean).toBeCloseTo(logSoftmaxAt([1.5, -2, 0, 0.5], 0), 9);
    const doubles = new TokenLogProbabilities();
    doubles.observe({ type: 'float64', data: Float64Array.of(1.5, -2, 0, 0.5), dims: [1, 4] });
    doubles.choose(3);
    expect(doubles.mean).toBeCloseTo(logSoftmaxAt([1.5, -2, 0, 0.5], 3), 12);
  });

  it('is null before any token; a token without logits is not counted', () => {
    const recorder = new TokenLogProbabilities();
    expect(recorder.mean).toBeNull();
    recorder.choose(3);
    expect(recorder.mean).toBeNull();
    recorder.observe(float32([[0, 0]]));
    recorder.choose(1);
    recorder.choose(1); // a second token for the same logits: not paired with them
    expect(recorder.tokens).toBe(1);
    expect(recorder.mean).toBeCloseTo(Math.log(0.5), 12);
  });

  it('is a Transformers.js logits processor that hands the logits on unchanged', async () => {
    const { LogitsProcessor, LogitsProcessorList, Tensor } =
      await import('@huggingface/transformers');
    const recorder = new TokenLogProbabilities();
    const list = new LogitsProcessorList();
    list.extend([recorder.processor(LogitsProcessor)]);
    const logits = new Tensor('float32', Float32Array.of(1, 2, 3), [1, 3]);
    const returned = list([[1n]], logits) as unknown as typeof logits;
    expect(returned).toBe(logits);
    expect(Array.from(logits.data as Float32Array)).toEqual([1, 2, 3]);
    recorder.choose(2);
    expect(recorder.mean).toBeCloseTo(logSoftmaxAt([1, 2, 3], 2), 6);
  });
});
