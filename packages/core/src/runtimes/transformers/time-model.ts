import type { RuntimeModel } from '../runtime.js';

/** Sentences timed when `auto` measures devices (two runs: a warm-up, then the timed one). */
const probeSentences = [
  'The quick brown fox jumps over the lazy dog.',
  'Refunds are processed within five business days.',
  'How do I reset my password?',
  'Our quarterly revenue grew by twelve percent.',
];

/**
 * Times a model on a short batch (a warm-up run first), for `auto`'s measurement.
 *
 * @example
 * const { sentencesPerSecond } = await timeModel(model)
 */
export async function timeModel(
  model: RuntimeModel,
): Promise<{ sentencesPerSecond: number; milliseconds: number }> {
  const once = async () => {
    if (model.generate) {
      await model.generate(
        { prompt: probeSentences[0] as string },
        { maxNewTokens: 4, temperature: 0, topK: 0, stop: [] },
        () => {},
        () => false,
      );
      return;
    }
    const tokens = (model.tokenizeWithOffsets ?? model.tokenize)
      .call(model, probeSentences, 64)
      .map((entry) => entry.tokens);
    if (model.runTokens) await model.runTokens(tokens);
    else await model.run(tokens);
  };
  await once();
  const started = performance.now();
  await once();
  const milliseconds = performance.now() - started;
  return {
    sentencesPerSecond: (probeSentences.length * 1000) / Math.max(milliseconds, 0.001),
    milliseconds,
  };
}
