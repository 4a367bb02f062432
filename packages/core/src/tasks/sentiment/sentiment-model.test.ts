import { describe, expect, it } from 'vitest';
import { sentimentLabelOf, sentimentProbabilities } from './sentiment-model.js';
import { ngramBuckets, normalizeSentimentText } from './sentiment-text.js';

describe('sentiment text preparation', () => {
  it('writes everyday text the way SST-2 is written, and leaves SST-2 text as it is', () => {
    expect(normalizeSentimentText("It's GREAT, isn't it?")).toBe("it 's great , is n't it ?");
    expect(normalizeSentimentText('Doesn’t work!')).toBe("does n't work !");
    const sst = "it 's a charming and often affecting journey .";
    expect(normalizeSentimentText(sst)).toBe(sst);
  });

  it('hashes unigrams, bigrams and negated words to stable buckets', () => {
    const buckets = ngramBuckets('not good', 1 << 17);
    expect(buckets).toHaveLength(4); // not, good, "not good", NEG_good
    expect(ngramBuckets('good , not', 1 << 17)).toHaveLength(3); // nothing follows the negator
    expect(ngramBuckets('not good', 1 << 17)).toEqual(buckets);
    expect(buckets.every((bucket) => bucket >= 0 && bucket < 1 << 17)).toBe(true);
  });
});

describe('the neutral band', () => {
  const band = 0.65;

  it('gives three probabilities that sum to 1', () => {
    for (const p of [0, 0.1, 0.4, 0.5, 0.64, 0.66, 0.9, 1]) {
      const probabilities = sentimentProbabilities(p, band);
      const total = probabilities.positive + probabilities.negative + probabilities.neutral;
      expect(total).toBeCloseTo(1, 10);
    }
  });

  it('is neutral exactly where the likelier polarity is under the band', () => {
    for (let p = 0; p <= 1.0001; p += 0.01) {
      const label = sentimentLabelOf(sentimentProbabilities(p, band));
      const m = Math.max(p, 1 - p);
      if (m < band - 1e-9) expect(label).toBe('neutral');
      if (m > band + 1e-9) expect(label).toBe(p > 0.5 ? 'positive' : 'negative');
    }
    expect(sentimentProbabilities(0.5, band).neutral).toBeCloseTo(1);
    expect(sentimentProbabilities(1, band).neutral).toBe(0);
  });
});
