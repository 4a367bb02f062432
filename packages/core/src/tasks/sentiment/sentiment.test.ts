import { describe, expect, it } from 'vitest';
import { AbortError, InvalidInputError, createClient } from '../../index.js';
import { readSharedData } from '../../test-support/shared-data.test.support.js';

// Real USE-lite weights and the shipped sentiment head, tfjs wasm, in-thread (Node).
const client = createClient({ backend: 'wasm' });
const sentiment = client.sentiment();

/** Evaluation data from ../shared/data; the test is skipped, with a note, when it is absent. */
const sst2Dev = readSharedData('sst2/dev.tsv');

describe('client.sentiment()', () => {
  it('labels clear reviews, with calibrated probabilities that sum to 1', async () => {
    const results = await sentiment.analyze([
      'I love this phone, it works great!',
      'This is the worst service I have ever had.',
      'A wonderful, moving film with superb acting.',
      'Boring, predictable and far too long.',
    ]);
    expect(results.map((result) => result.label)).toEqual([
      'positive',
      'negative',
      'positive',
      'negative',
    ]);
    for (const result of results) {
      const { positive, negative, neutral } = result.probabilities;
      expect(positive + negative + neutral).toBeCloseTo(1, 6);
      expect(result.score).toBe(result.probabilities[result.label]);
      expect(result.score).toBeGreaterThan(0.8);
    }
    expect(sentiment).toBe(client.sentiment());
  });

  it('answers neutral where the model is unsure, and only there', async () => {
    const texts = [
      'The package arrived on Tuesday.',
      'The meeting is at three.',
      'The acting was.',
      'It is a film about a family.',
      'Here is the report.',
    ];
    const results = await sentiment.analyze(texts);
    expect(results.some((result) => result.label === 'neutral')).toBe(true);
    for (const result of results) {
      const { positive, negative, neutral } = result.probabilities;
      expect(result.label === 'neutral').toBe(neutral >= Math.max(positive, negative));
    }
  });

  it('takes one text or a list, and rejects anything else with a typed error', async () => {
    const one = await sentiment.analyze('Great support, thank you!');
    expect(one.label).toBe('positive');
    expect(await sentiment.analyze([])).toEqual([]);
    await expect(sentiment.analyze(42 as unknown as string)).rejects.toSatisfy((error: unknown) =>
      InvalidInputError.isInstance(error),
    );
  });

  it('explains with one weighted span per word; the decisive word carries the most', async () => {
    const text = 'The food was terrible.';
    const explanation = await sentiment.explain(text);
    expect(explanation.label).toBe('negative');
    expect(explanation.method).toBe('occlusion');
    expect(explanation.spans.map((span) => span.text)).toEqual(['The', 'food', 'was', 'terrible']);
    for (const span of explanation.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    const strongest = [...explanation.spans].sort((a, b) => b.weight - a.weight)[0];
    expect(strongest?.text).toBe('terrible');
    expect(strongest?.weight).toBeGreaterThan(0.2);
    const [withExplanation] = await sentiment.analyze([text], { explain: true });
    expect(withExplanation?.explanation?.spans).toEqual(explanation.spans);
  });

  it('rejects with AbortError when the signal fires', async () => {
    const controller = new AbortController();
    const pending = sentiment.analyze('Fine, I guess.', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toSatisfy((error: unknown) => AbortError.isInstance(error));
  });

  it.skipIf(!sst2Dev)('reaches its accuracy on SST-2 dev sentences (first 200)', async () => {
    const tsv = sst2Dev as string;
    const rows = tsv
      .split('\n')
      .slice(1, 201)
      .map((line) => line.split('\t'))
      .map(([text, label]) => ({ text: text as string, positive: label?.trim() === '1' }));
    const results = await sentiment.analyze(rows.map((row) => row.text));
    const correct = results.filter(
      (result, index) =>
        result.probabilities.positive >= result.probabilities.negative === rows[index]?.positive,
    );
    expect(correct.length / rows.length).toBeGreaterThan(0.78);
  });
});
